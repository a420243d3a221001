/**
 * What the agenda asks the API, typed from `../api/schema.d.ts` (generated from openapi.yaml): the filters
 * of `GET /api/v1/events`, one page at a time, and where each event's .ics is. One `fetch` rather than
 * openapi-fetch (as the SPA uses): its client weighs 2.5 kB gzipped, a quarter of the element's budget, for a
 * single GET with flat query parameters; the paths, parameters and answers are the contract's types all the same.
 */
import type { paths } from '../api/schema';

type Operation = paths['/api/v1/events']['get'];
export type AgendaQuery = NonNullable<Operation['parameters']['query']>;
export type AgendaPage = Operation['responses'][200]['content']['application/json'];
export type AgendaEvent = AgendaPage['items'][number];
export type AgendaLocale = NonNullable<AgendaQuery['locale']>;

/** The page, or the HTTP status that refused it (0: no answer at all). */
export type PageResult = { page: AgendaPage } | { status: number };

type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

/** A URL of the contract: a path of `paths`, its `{name}` parameters filled, and its query as the contract types it. */
function urlOf<P extends keyof paths>(baseUrl: string, path: P, query: Query<P>, slug = ''): string {
  const search = new URLSearchParams(query as Record<string, string>).toString();
  return baseUrl + path.replace('{slug}', encodeURIComponent(slug)) + (search ? `?${search}` : '');
}

export function agendaApi(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async page(query: AgendaQuery, signal: AbortSignal): Promise<PageResult> {
      let response: Response;
      try {
        response = await fetch(urlOf(base, '/api/v1/events', query), { signal });
      } catch (error) {
        if (signal.aborted) throw error;
        return { status: 0 };
      }
      return response.ok ? { page: (await response.json()) as AgendaPage } : { status: response.status };
    },
    /** The event alone as an iCalendar file: the same UID as in the feed, so a calendar never has it twice. */
    calendarUrl(event: AgendaEvent): string {
      return urlOf(base, '/feeds/events/{slug}.ics', event.locale === 'fr' ? {} : { locale: event.locale }, event.slug);
    },
  };
}
