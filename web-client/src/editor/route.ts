/** The screens, as named by the URL's hash. */
export type Route = { name: 'list' } | { name: 'new' } | { name: 'edit'; id: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/articles/new') return { name: 'new' };
  const edit = /^\/articles\/([0-9a-fA-F-]{36})$/.exec(path);
  if (edit) return { name: 'edit', id: edit[1]!.toLowerCase() };
  return { name: 'list' };
}
