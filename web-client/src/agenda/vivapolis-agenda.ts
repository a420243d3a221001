import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { agendaApi, type AgendaEvent, type AgendaLocale, type AgendaQuery } from './api.js';
import { placeOf, whenOf } from './format.js';
import { styles } from './styles.js';
import { texts } from './texts.js';

/** Where this script was loaded from: the API that serves it, unless the `api` attribute says otherwise. */
const scriptApi = new URL(/* @vite-ignore */ '../', import.meta.url).href;

type Load = 'loading' | 'done' | 'error';

/**
 * The Vivapolis agenda on any page: one script tag and this element, filtered by its attributes exactly as
 * `GET /api/v1/events` is by its query. Events come in pages ("voir plus" for the next), each with its dates
 * in its own zone, where it takes place, registration and "add to my calendar" (.ics) links; cancelled and
 * postponed events say so. The events' schema.org JSON-LD goes in a `<script type="application/ld+json">`
 * child of the element, for search engines.
 *
 * @fires vivapolis-agenda-load - Each time events are shown (first page, a page more, or none): `detail.count` events in all.
 * @csspart list - The list of events.
 * @csspart event - One event (also `cancelled` when it is).
 * @csspart title - An event's title.
 * @csspart when - Its dates.
 * @csspart where - Its place.
 * @csspart summary - Its summary (layout `list`).
 * @csspart link - The registration and calendar links.
 * @csspart more - The "voir plus" button.
 * @csspart message - The loading, empty and error messages.
 * @cssprop --vivapolis-agenda-accent - Links and buttons.
 * @cssprop --vivapolis-agenda-text - Text.
 * @cssprop --vivapolis-agenda-muted - Kind, place.
 * @cssprop --vivapolis-agenda-line - Lines between events.
 * @cssprop --vivapolis-agenda-alert - Statuses (cancelled, postponed) and errors.
 * @cssprop --vivapolis-agenda-background - Background (transparent).
 * @cssprop --vivapolis-agenda-font - Font (the page's).
 */
@customElement('vivapolis-agenda')
export class VivapolisAgenda extends LitElement {
  static override styles = styles;

  /** Base URL of the Vivapolis API; by default, where this script comes from. */
  @property() api = '';
  @property() locale: AgendaLocale = 'fr';
  @property() theme = '';
  @property() region = '';
  @property() city = '';
  @property() kind = '';
  @property({ attribute: 'attendance-mode' }) attendanceMode = '';
  @property() status = '';
  @property() q = '';
  @property() from = '';
  @property() to = '';
  /** Events per page, 1 to 100. */
  @property({ type: Number }) limit = 10;
  /** `list` (with each summary) or `compact`. */
  @property() layout: 'list' | 'compact' = 'list';
  /** The level of each event's heading in the page's outline, 2 to 6. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @state() private events: AgendaEvent[] = [];
  @state() private next: string | null = null;
  @state() private load: Load = 'loading';

  private controller?: AbortController;
  /** The first event of the last page added, which gets the focus after "voir plus". */
  private firstNew = -1;

  private get client() {
    return agendaApi(this.api || scriptApi);
  }

  private get words() {
    return texts[this.locale === 'en' ? 'en' : 'fr'];
  }

  /** The attributes given, as the query of `GET /api/v1/events`; empty ones are left out. */
  query(cursor?: string): AgendaQuery {
    const query: Record<string, string | number> = { locale: this.locale, limit: this.limit };
    const filters = { theme: this.theme, region: this.region, city: this.city, kind: this.kind, attendanceMode: this.attendanceMode,
      status: this.status, q: this.q, from: this.from, to: this.to, cursor };
    for (const [name, value] of Object.entries(filters)) if (value) query[name] = value;
    return query as AgendaQuery;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    // Any attribute but the layout and the heading level changes what is asked: start again from the first page.
    if ([...changed.keys()].some((k) => !['events', 'next', 'load', 'layout', 'headingLevel'].includes(k as string))) void this.fetchPage(false);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private async fetchPage(more: boolean) {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.load = 'loading';
    let result;
    try {
      result = await this.client.page(this.query(more ? (this.next ?? undefined) : undefined), controller.signal);
    } catch {
      return; // replaced by a newer request, or the element left the page
    }
    if ('status' in result) {
      this.load = 'error';
      return;
    }
    this.firstNew = more ? this.events.length : -1;
    this.events = more ? [...this.events, ...result.page.items] : result.page.items;
    this.next = result.page.next ?? null;
    this.load = 'done';
    await this.updateComplete;
    this.writeJsonLd();
    if (this.firstNew > 0) this.renderRoot.querySelectorAll<HTMLElement>('[role="heading"]')[this.firstNew]?.focus();
    this.dispatchEvent(new CustomEvent('vivapolis-agenda-load', { detail: { count: this.events.length }, bubbles: true, composed: true }));
  }

  /** The events' JSON-LD in the page's own DOM, where search engines read it (a shadow root they do not). */
  private writeJsonLd() {
    let block = this.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]');
    if (!block) {
      block = document.createElement('script');
      block.type = 'application/ld+json';
      this.append(block);
    }
    block.textContent = JSON.stringify(this.events.map((e) => e.jsonLd).filter(Boolean));
  }

  override render() {
    const t = this.words;
    const busy = this.load === 'loading';
    if (this.load === 'error')
      return html`<p role="alert" part="message">${t.error}</p>
        <button type="button" part="more" @click=${() => this.fetchPage(this.events.length > 0)}>${t.retry}</button>`;
    if (busy && this.events.length === 0) return html`<p role="status" part="message">${t.loading}</p>`;
    if (this.events.length === 0) return html`<p role="status" part="message">${t.empty}</p>`;
    return html`
      <ul part="list" aria-busy=${busy}>${this.events.map((e) => this.renderEvent(e))}</ul>
      ${this.next
        ? html`<button type="button" part="more" ?disabled=${busy} @click=${() => this.fetchPage(true)}>${t.more}</button>`
        : nothing}
    `;
  }

  private renderEvent(e: AgendaEvent) {
    const t = this.words;
    const status = t.statuses[e.eventStatus];
    const cancelled = e.eventStatus === 'cancelled';
    const place = placeOf(e, t.online);
    const hidden = html`<span class="vh"> : ${e.title}</span>`;
    return html`
      <li part=${cancelled ? 'event cancelled' : 'event'} class=${cancelled ? 'cancelled' : ''}>
        <p class="meta"><span>${t.kinds[e.kind]}</span>${status ? html` · <span class="status">${status}</span>` : nothing}</p>
        <div role="heading" aria-level=${Math.min(6, Math.max(2, this.headingLevel))} part="title" tabindex="-1">${e.title}</div>
        <p class="when" part="when">${whenOf(e).map((p) => html`${p.before}<time datetime=${p.datetime}>${p.text}</time>`)}</p>
        ${place ? html`<p class="where" part="where">${place}</p>` : nothing}
        ${this.layout !== 'compact' && e.summary ? html`<p class="summary" part="summary">${e.summary}</p>` : nothing}
        <p class="links">
          ${e.registrationUrl && !cancelled
            ? html`<a part="link" href=${e.registrationUrl} target="_blank" rel="noopener">${t.register}${hidden}</a>`
            : nothing}
          <a part="link" href=${this.client.calendarUrl(e)}>${t.addToCalendar}${hidden}</a>
        </p>
      </li>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vivapolis-agenda': VivapolisAgenda;
  }
}
