/**
 * Loads the webhooks screens (`webhooks-elements.ts`) once, on an administrator's first visit: the app's entry stays
 * within its budget, and nobody else ever downloads them. Elements written before the load upgrade when it ends,
 * with the properties already given.
 */
let loading: Promise<unknown> | null = null;

export function loadWebhookElements(): Promise<unknown> {
  loading ??= import('./webhooks-elements.js');
  return loading;
}
