/**
 * The language versions of an item (articles, fiches, events): its versions share a translation group, each with
 * its own slug and workflow. One set of calls for every type that has them, typed from the generated `paths`.
 */
import type { JsonOf, Transport, Versioned } from './client.js';
import type { Locale, ManagedItem, Segment, UntypedClient } from './content-api.js';
import type { paths } from './schema';

/** The content types with language versions: those whose items have `/translations` in the contract. */
export type TranslatableSegment = {
  [P in keyof paths]: P extends `/api/v1/manage/${infer S}/{id}/translations` ? S : never;
}[keyof paths];

export type TranslationSummary = JsonOf<paths['/api/v1/manage/articles/{id}/translations']['get']['responses'][200]>[number];

/** Every language the contract knows, French first. */
export const LOCALES: readonly Locale[] = ['fr', 'en'] satisfies Locale[];

// A segment the contract gives translations without a line here fails the type check, and so does one it takes away.
const translatable: Record<TranslatableSegment, true> = { articles: true, fiches: true, events: true };

export const isTranslatable = (segment: Segment): segment is TranslatableSegment => Object.hasOwn(translatable, segment);

export interface TranslationsApi {
  /** The item's language versions, itself included, whatever their status. */
  list(id: string, signal?: AbortSignal): Promise<TranslationSummary[]>;
  /** A new draft in `locale` with the item's content to translate; 409 when the group has one in that language. */
  create(id: string, locale: Locale, slug?: string): Promise<Versioned<ManagedItem>>;
  /** Takes the item out of its group (an edit: If-Match). */
  unlink(id: string, etag: string): Promise<Versioned<ManagedItem>>;
}

export function translationsApi(transport: Transport, segment: TranslatableSegment): TranslationsApi {
  // The same paths for every type but the segment (see content-api.ts on why the call is loosely typed).
  const client = transport.client as unknown as UntypedClient;
  const path = `/api/v1/manage/${segment}/{id}/translations`;
  const at = (id: string) => ({ params: { path: { id } } });
  return {
    async list(id, signal) {
      const { data } = await transport.call(() => client.GET(path, { ...at(id), ...(signal ? { signal } : {}) }));
      return data as TranslationSummary[];
    },
    async create(id, locale, slug) {
      const { data, response } = await transport.call(() => client.POST(path, { ...at(id), body: slug ? { locale, slug } : { locale } }));
      return transport.versioned(data as ManagedItem, response);
    },
    async unlink(id, etag) {
      const { data, response } = await transport.call(() => client.DELETE(path, { ...at(id), headers: { 'If-Match': etag } }));
      return transport.versioned(data as ManagedItem, response);
    },
  };
}
