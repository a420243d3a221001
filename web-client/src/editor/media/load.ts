/**
 * Loads the media library's elements (`media-elements.ts`) once, on the first screen that shows one: the app's entry
 * stays within its budget, and an editor who never touches an image never downloads them. Elements written
 * before the load upgrade when it ends, with the properties already given.
 */
let loading: Promise<unknown> | null = null;

export function loadMediaElements(): Promise<unknown> {
  loading ??= import('./media-elements.js');
  return loading;
}
