/**
 * One client for every content type: the API gives each type the same operations under
 * `/api/v1/manage/{segment}`, so one function serves them all, typed for each segment from the generated `paths`.
 */
import type { paths } from './schema';
import type { JsonOf, Transport, Versioned } from './client.js';

/** The content types of the uniform content API, by their route segment. */
export type Segment = {
  [P in keyof paths]: P extends `/api/v1/manage/${infer S}/{id}/revisions` ? S : never;
}[keyof paths];

type Collection<S extends Segment> = paths[`/api/v1/manage/${S}`];
type ItemPaths<S extends Segment> = paths[`/api/v1/manage/${S}/{id}`];

/** What an editor writes in an item of this type. */
export type ContentOf<S extends Segment> = JsonOf<NonNullable<Collection<S>['post']['requestBody']>>;
/** An item as the editors see it, with its content. */
export type ManagedOf<S extends Segment> = JsonOf<ItemPaths<S>['get']['responses'][200]>;
/** Any type's managed item, for what every type shares. */
export type ManagedItem = ManagedOf<Segment>;
export type ManagedPage = JsonOf<Collection<'articles'>['get']['responses'][200]>;
export type ManagedSummary = ManagedPage['items'][number];
export type ContentStatus = ManagedSummary['status'];
export type Locale = ManagedSummary['locale'];
export type ListQuery = NonNullable<Collection<'articles'>['get']['parameters']['query']>;
export type ListSort = NonNullable<ListQuery['sort']>;
export type RevisionPage = JsonOf<paths['/api/v1/manage/articles/{id}/revisions']['get']['responses'][200]>;
export type RevisionSummary = RevisionPage['items'][number];
export type RevisionOf<S extends Segment> = JsonOf<paths[`/api/v1/manage/${S}/{id}/revisions/{n}`]['get']['responses'][200]>;
export type RevisionDiff = JsonOf<paths['/api/v1/manage/articles/{id}/diff']['get']['responses'][200]>;
export type FieldChange = RevisionDiff['changes'][number];
export type ScheduleChange = JsonOf<NonNullable<paths['/api/v1/manage/articles/{id}/schedule']['post']['requestBody']>>;
export type PreviewLink = JsonOf<paths['/api/v1/manage/articles/{id}/preview']['post']['responses'][200]>;

export const CONTENT_STATUSES: readonly ContentStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'];

type Lifecycle = 'submit' | 'publish' | 'unpublish' | 'discard';

export interface ContentApi<S extends Segment> {
  readonly segment: S;
  list(query?: ListQuery, signal?: AbortSignal): Promise<ManagedPage>;
  get(id: string, signal?: AbortSignal): Promise<Versioned<ManagedOf<S>>>;
  create(content: ContentOf<S>): Promise<Versioned<ManagedOf<S>>>;
  update(id: string, etag: string, content: ContentOf<S>): Promise<Versioned<ManagedOf<S>>>;
  remove(id: string, etag: string): Promise<void>;
  /** Draft to review (an author's way to publish), publish, unpublish, or drop the changes made since publication. */
  act(action: Lifecycle, id: string, etag: string): Promise<Versioned<ManagedOf<S>>>;
  schedule(id: string, etag: string, change: ScheduleChange): Promise<Versioned<ManagedOf<S>>>;
  cancelSchedule(id: string, etag: string): Promise<Versioned<ManagedOf<S>>>;
  revisions(id: string, cursor?: string, signal?: AbortSignal): Promise<RevisionPage>;
  revision(id: string, n: number, signal?: AbortSignal): Promise<RevisionOf<S>>;
  diff(id: string, from: number, to: number, signal?: AbortSignal): Promise<RevisionDiff>;
  /** A new version with the content of version `n`. */
  restore(id: string, n: number, etag: string): Promise<Versioned<ManagedOf<S>>>;
  /** A signed link to the current draft, for `minutes`. */
  preview(id: string, minutes: number): Promise<PreviewLink>;
}

/**
 * The paths of every type are the same but for the segment, and openapi-fetch types a call by its literal path:
 * the calls go through this loosely typed view of the client, and the results take the segment's types.
 */
interface UntypedClient {
  GET(path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  POST(path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  PUT(path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  DELETE(path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

export function contentApi<S extends Segment>(transport: Transport, segment: S): ContentApi<S> {
  const client = transport.client as unknown as UntypedClient;
  const base = `/api/v1/manage/${segment}`;
  const item = `${base}/{id}`;
  type Item = ManagedOf<S>;
  const opt = (signal?: AbortSignal) => (signal ? { signal } : {});
  const ifMatch = (etag: string) => ({ headers: { 'If-Match': etag } });
  const path = (id: string, n?: number) => ({ params: { path: n === undefined ? { id } : { id, n } } });

  async function get(id: string, signal?: AbortSignal): Promise<Versioned<Item>> {
    const { data, response } = await transport.call(() => client.GET(item, { ...path(id), ...opt(signal) }));
    return transport.versioned(data as Item, response);
  }

  /** A change answered with the item: its new ETag, or (when the answer has none) the item read again. */
  async function changed(run: () => ReturnType<UntypedClient['POST']>, id: string): Promise<Versioned<Item>> {
    const { data, response } = await transport.call(run);
    return response.headers.get('ETag') ? transport.versioned(data as Item, response) : get(id);
  }

  return {
    segment,
    async list(query = {}, signal) {
      const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''));
      const { data } = await transport.call(() => client.GET(base, { params: { query: clean }, ...opt(signal) }));
      return data as ManagedPage;
    },
    get,
    async create(content) {
      const { data, response } = await transport.call(() => client.POST(base, { body: content }));
      return transport.versioned(data as Item, response);
    },
    update: (id, etag, content) => changed(() => client.PUT(item, { ...path(id), ...ifMatch(etag), body: content }), id),
    async remove(id, etag) {
      await transport.call(() => client.DELETE(item, { ...path(id), ...ifMatch(etag) }));
    },
    // Acting on the version the editor saw: never publish someone else's unseen change.
    act: (action, id, etag) => changed(() => client.POST(`${item}/${action}`, { ...path(id), ...ifMatch(etag) }), id),
    schedule: (id, etag, change) => changed(() => client.POST(`${item}/schedule`, { ...path(id), ...ifMatch(etag), body: change }), id),
    cancelSchedule: (id, etag) => changed(() => client.DELETE(`${item}/schedule`, { ...path(id), ...ifMatch(etag) }), id),
    async revisions(id, cursor, signal) {
      const query = { limit: 50, ...(cursor ? { cursor } : {}) };
      const { data } = await transport.call(() => client.GET(`${item}/revisions`, { params: { path: { id }, query }, ...opt(signal) }));
      return data as RevisionPage;
    },
    async revision(id, n, signal) {
      const { data } = await transport.call(() => client.GET(`${item}/revisions/{n}`, { ...path(id, n), ...opt(signal) }));
      return data as RevisionOf<S>;
    },
    async diff(id, from, to, signal) {
      const { data } = await transport.call(() => client.GET(`${item}/diff`, { params: { path: { id }, query: { from, to } }, ...opt(signal) }));
      return data as RevisionDiff;
    },
    restore: (id, n, etag) => changed(() => client.POST(`${item}/restore/{n}`, { ...path(id, n), ...ifMatch(etag) }), id),
    async preview(id, minutes) {
      const { data } = await transport.call(() => client.POST(`${item}/preview`, { ...path(id), body: { expiresInMinutes: minutes } }));
      return data as PreviewLink;
    },
  };
}
