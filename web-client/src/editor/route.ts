/**
 * The screens, as named by the URL's hash (`#/fiches/…`), so that any static host serves the app from one
 * index.html without rewrite rules. Content routes use the API's segments: `#/events/new`, `#/events/{id}`,
 * `#/events/{id}/history`.
 */
import type { Segment } from '../api/client.js';
import { isSegment } from '../content/registry.js';

export type Route =
  | { name: 'home' }
  | { name: 'list'; segment: Segment }
  | { name: 'new'; segment: Segment }
  | { name: 'edit'; segment: Segment; id: string }
  | { name: 'history'; segment: Segment; id: string }
  | { name: 'review' }
  | { name: 'media' }
  | { name: 'users' }
  | { name: 'api-keys' }
  | { name: 'webhooks'; id?: string }
  | { name: 'audit'; item?: string }
  | { name: 'account' }
  | { name: 'password-reset'; token: string }
  | { name: 'not-found'; path: string };

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(search);
  if (path === '' || path === '/') return { name: 'home' };
  const fixed: Record<string, Route> = {
    '/review': { name: 'review' },
    '/media': { name: 'media' },
    '/users': { name: 'users' },
    '/api-keys': { name: 'api-keys' },
    '/webhooks': { name: 'webhooks' },
    '/account': { name: 'account' },
  };
  if (fixed[path]) return fixed[path]!;
  if (path === '/audit') {
    const item = query.get('item');
    return item && new RegExp(`^${UUID}$`).test(item) ? { name: 'audit', item: item.toLowerCase() } : { name: 'audit' };
  }
  const webhook = new RegExp(`^/webhooks/(${UUID})$`).exec(path);
  if (webhook) return { name: 'webhooks', id: webhook[1]!.toLowerCase() };
  if (path === '/password-reset') return { name: 'password-reset', token: query.get('token') ?? '' };
  const content = new RegExp(`^/([a-z-]+)(?:/(new|${UUID})(/history)?)?$`).exec(path);
  if (content && isSegment(content[1]!)) {
    const segment = content[1];
    const [, , which, history] = content;
    if (!which) return { name: 'list', segment };
    if (which === 'new') return history ? { name: 'not-found', path } : { name: 'new', segment };
    return { name: history ? 'history' : 'edit', segment, id: which.toLowerCase() };
  }
  return { name: 'not-found', path };
}

/** The hash of a route, for links. */
export const hrefOf = {
  list: (segment: Segment) => `#/${segment}`,
  create: (segment: Segment) => `#/${segment}/new`,
  edit: (segment: Segment, id: string) => `#/${segment}/${id}`,
  history: (segment: Segment, id: string) => `#/${segment}/${id}/history`,
  audit: (item?: string) => (item ? `#/audit?item=${item}` : '#/audit'),
  webhooks: (id?: string) => (id ? `#/webhooks/${id}` : '#/webhooks'),
};
