import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { CONTENT_STATUSES, type ListQuery, type ListSort, type ManagedPage, type ManagedSummary } from '../api/client.js';
import { formatLocal, formatShort } from '../content/time.js';
import type { ContentTypeSpec } from '../content/types.js';
import { worksOn } from '../content/rights.js';
import { fr } from '../i18n/fr.js';
import { hrefOf } from './route.js';
import { failedState, loadingState } from './states.js';
import { shared } from './styles.js';
import type { Workspace } from './workspace.js';
import './vp-status-badge.js';

const PAGE_SIZE = 20;

type Filters = Pick<ListQuery, 'status' | 'q' | 'theme' | 'region' | 'sort'>;

/** The filters of each list, kept while the app is open: back from an item, the list is as it was left. */
const remembered = new Map<string, Filters>();

/**
 * The items of one content type in every status: filters (status, title words, theme, region), an order (last
 * edit, title, start), and cursor paging. Drawn from the type's description like the editor.
 */
@customElement('vp-content-list')
export class VpContentList extends LitElement {
  static override styles = [
    shared,
    css`
      td.title a { font-weight: 600; }
      .slug { display: block; color: var(--vp-muted); font-size: 0.85rem; overflow-wrap: anywhere; }
    `,
  ];


  @property({ attribute: false }) spec!: ContentTypeSpec;
  @property({ attribute: false }) workspace!: Workspace;

  @state() private filters: Filters = {};
  /** Cursors of the pages before the current one; the current page's cursor is `cursor`. */
  @state() private previousCursors: (string | undefined)[] = [];
  @state() private cursor: string | undefined = undefined;

  @query('h1') private heading!: HTMLElement;

  private items = new Task(this, {
    task: ([spec, filters, cursor], { signal }): Promise<ManagedPage> =>
      this.workspace.api.content(spec.segment).list({ ...filters, cursor, limit: PAGE_SIZE }, signal),
    args: () => [this.spec, this.filters, this.cursor] as const,
  });

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('spec')) {
      this.filters = remembered.get(this.spec.segment) ?? {};
      this.previousCursors = [];
      this.cursor = undefined;
    }
  }

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const names = this.spec.names;
    const f = this.filters;
    const filtered = Boolean(f.status || f.q || f.theme || f.region);
    const l = fr.list;
    const sorts: ListSort[] = this.spec.list.start ? ['updated', 'title', 'start'] : ['updated', 'title'];
    return html`
      <div class="toolbar">
        <h1 tabindex="-1">${names.many}</h1>
        ${worksOn(this.workspace.user.role, this.spec.desk)
          ? html`<a class="button primary" href=${hrefOf.create(this.spec.segment)}>${names.create}</a>`
          : nothing}
      </div>
      <form class="filters" role="search" aria-label=${l.filters(names)} @submit=${this.apply}>
        <div class="field">
          <label for="status">${l.status}</label>
          <select id="status" name="status">
            <option value="" ?selected=${!f.status}>${l.allStatuses}</option>
            ${CONTENT_STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${fr.status[s]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="q">${l.search} <span class="hint" style="display:inline">(${l.searchHint.toLowerCase()})</span></label>
          <input id="q" name="q" type="search" .value=${f.q ?? ''} />
        </div>
        ${this.spec.list.themes
          ? html`<div class="field">
              <label for="theme">${l.theme}</label>
              <select id="theme" name="theme">
                <option value="" ?selected=${!f.theme}>${l.allThemes}</option>
                ${this.workspace.themes.map((t) => html`<option value=${t.code} ?selected=${f.theme === t.code}>${t.label}</option>`)}
              </select>
            </div>`
          : nothing}
        ${this.spec.list.region
          ? html`<div class="field">
              <label for="region">${l.region}</label>
              <select id="region" name="region">
                <option value="" ?selected=${!f.region}>${l.allRegions}</option>
                ${this.workspace.regions.map((r) => html`<option value=${r.code} ?selected=${f.region === r.code}>${r.label}</option>`)}
              </select>
            </div>`
          : nothing}
        <div class="field">
          <label for="sort">${l.sort}</label>
          <select id="sort" name="sort">
            ${sorts.map((s) => html`<option value=${s} ?selected=${(f.sort ?? 'updated') === s}>${l.sorts[s]}</option>`)}
          </select>
        </div>
        <button type="submit">${l.apply}</button>
        ${filtered ? html`<button type="button" @click=${this.reset}>${l.reset}</button>` : nothing}
      </form>
      ${this.items.render({
        initial: () => loadingState(l.loading),
        pending: () => loadingState(l.loading),
        error: (error) => failedState(l.error, error, () => this.items.run()),
        complete: (page) => this.renderPage(page, filtered),
      })}
    `;
  }

  private renderPage(page: ManagedPage, filtered: boolean) {
    const l = fr.list;
    if (page.items.length === 0 && this.previousCursors.length === 0) {
      return html`<p role="status">${filtered ? l.emptyFiltered : l.empty(this.spec.names)}</p>`;
    }
    const withStart = this.spec.list.start;
    return html`
      <p class="visually-hidden" role="status">${l.count(page.items.length)}</p>
      <table class="cards">
        <caption>${l.caption(this.spec.names, l.sorts[this.filters.sort ?? 'updated'])}</caption>
        <thead>
          <tr>
            <th scope="col">${l.colTitle}</th>
            <th scope="col">${l.colStatus}</th>
            ${withStart ? html`<th scope="col">${l.colStart}</th>` : nothing}
            <th scope="col">${l.colLocale}</th>
            <th scope="col">${l.colUpdated}</th>
          </tr>
        </thead>
        <tbody>
          ${page.items.map((item) => this.renderRow(item, withStart))}
        </tbody>
      </table>
      <nav class="pager" aria-label=${l.pagination}>
        ${this.previousCursors.length > 0 ? html`<button type="button" @click=${this.previousPage}>${l.previous}</button>` : nothing}
        <span>${l.page(this.previousCursors.length + 1)}</span>
        ${page.next ? html`<button type="button" @click=${() => this.nextPage(page.next!)}>${l.next}</button>` : nothing}
      </nav>
    `;
  }

  private renderRow(item: ManagedSummary, withStart: boolean) {
    const l = fr.list;
    return html`<tr data-id=${item.id}>
      <td class="title">
        <a href=${hrefOf.edit(this.spec.segment, item.id)}>${item.title}</a>
        <span class="slug">${item.slug}</span>
      </td>
      <td data-label=${l.colStatus}><vp-status-badge status=${item.status} ?unpublished-changes=${item.hasUnpublishedChanges}></vp-status-badge></td>
      ${withStart ? html`<td data-label=${l.colStart}>${item.start ? formatLocal(item.start) : l.noStart}</td>` : nothing}
      <td data-label=${l.colLocale} lang=${item.locale}>${fr.editor.locales[item.locale] ?? item.locale}</td>
      <td data-label=${l.colUpdated}>${l.updatedBy(formatShort(item.updatedAt), this.workspace.nameOf(item.updatedBy))}</td>
    </tr>`;
  }

  private apply(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const pick = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const filters: Filters = {};
    const status = pick('status') as Filters['status'];
    if (status) filters.status = status;
    for (const key of ['q', 'theme', 'region'] as const) {
      const value = pick(key);
      if (value) filters[key] = value;
    }
    const sort = pick('sort') as ListSort | undefined;
    if (sort && sort !== 'updated') filters.sort = sort;
    this.showFirstPage(filters);
  }

  private reset() {
    this.showFirstPage(this.filters.sort ? { sort: this.filters.sort } : {});
  }

  private showFirstPage(filters: Filters) {
    const unchanged = JSON.stringify(filters) === JSON.stringify(this.filters) && this.cursor === undefined;
    remembered.set(this.spec.segment, filters);
    this.filters = filters;
    this.previousCursors = [];
    this.cursor = undefined;
    // The same filters submitted again still mean "load again" (someone may have added an item).
    if (unchanged) void this.items.run();
  }

  private nextPage(next: string) {
    this.previousCursors = [...this.previousCursors, this.cursor];
    this.cursor = next;
  }

  private previousPage() {
    this.cursor = this.previousCursors.at(-1);
    this.previousCursors = this.previousCursors.slice(0, -1);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-content-list': VpContentList;
  }
}
