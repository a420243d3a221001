import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { CONTENT_STATUSES, type Api, type ContentStatus, type ManagedPage } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import { describeError } from './problem-text.js';
import { shared } from './styles.js';
import './vp-status-badge.js';

const PAGE_SIZE = 20;

/**
 * Every article, newest first, with its status; filters by status and text; cursor paging.
 */
@customElement('vp-article-list')
export class VpArticleList extends LitElement {
  static override styles = [
    shared,
    css`
      .toolbar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; justify-content: space-between; margin-bottom: 1rem; }
      form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; }
      form.filters .field { margin: 0; min-width: 12rem; }
      table { width: 100%; border-collapse: collapse; background: var(--vp-bg); }
      caption { text-align: left; color: var(--vp-muted); padding: 0.5rem 0; }
      th, td { text-align: left; padding: 0.55rem 0.6rem; border-bottom: 1px solid var(--vp-line); vertical-align: top; }
      th { font-size: 0.9rem; color: var(--vp-muted); }
      td.title a { font-weight: 600; }
      .slug { display: block; color: var(--vp-muted); font-size: 0.85rem; }
      nav.pager { display: flex; gap: 0.75rem; margin-top: 1rem; }
    `,
  ];

  @property({ attribute: false }) api!: Api;

  @state() private status: ContentStatus | '' = '';
  @state() private q = '';
  /** Cursors of the pages before the current one; the current page's cursor is `cursor`. */
  @state() private previousCursors: (string | undefined)[] = [];
  @state() private cursor: string | undefined = undefined;

  @query('h1') private heading!: HTMLElement;

  private articles = new Task(this, {
    task: ([api, status, q, cursor], { signal }): Promise<ManagedPage> =>
      api.listArticles({ status: status || undefined, q: q || undefined, cursor, limit: PAGE_SIZE }, signal),
    args: () => [this.api, this.status, this.q, this.cursor] as const,
  });

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const filtered = this.status !== '' || this.q !== '';
    return html`
      <div class="toolbar">
        <h1 tabindex="-1">${fr.list.title}</h1>
        <a class="button primary" href="#/articles/new">${fr.list.newArticle}</a>
      </div>
      <form class="filters" role="search" aria-label=${fr.list.filters} @submit=${this.applyFilters}>
        <div class="field">
          <label for="status">${fr.list.status}</label>
          <select id="status" name="status">
            <option value="" ?selected=${this.status === ''}>${fr.list.allStatuses}</option>
            ${CONTENT_STATUSES.map(
              (s) => html`<option value=${s} ?selected=${this.status === s}>${fr.status[s]}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="q">${fr.list.search} <span class="hint">${fr.list.searchHint}</span></label>
          <input id="q" name="q" type="search" .value=${this.q} />
        </div>
        <button type="submit">${fr.list.apply}</button>
        ${filtered ? html`<button type="button" @click=${this.resetFilters}>${fr.list.reset}</button>` : nothing}
      </form>
      ${this.articles.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        error: (error) => html`
          <div class="alert" role="alert">
            <p><strong>${fr.list.error}</strong></p>
            <p>${describeError(error).title}</p>
          </div>
          <button type="button" @click=${() => this.articles.run()}>${fr.list.retry}</button>
        `,
        complete: (page) => this.renderPage(page, filtered),
      })}
    `;
  }

  private renderLoading() {
    return html`<p role="status" aria-busy="true">${fr.list.loading}</p>`;
  }

  private renderPage(page: ManagedPage, filtered: boolean) {
    if (page.items.length === 0 && this.previousCursors.length === 0) {
      return html`<p role="status">${filtered ? fr.list.emptyFiltered : fr.list.empty}</p>`;
    }
    return html`
      <p class="visually-hidden" role="status">${fr.list.count(page.items.length)}</p>
      <table>
        <caption>${fr.list.caption}</caption>
        <thead>
          <tr>
            <th scope="col">${fr.list.colTitle}</th>
            <th scope="col">${fr.list.colStatus}</th>
            <th scope="col">${fr.list.colLocale}</th>
            <th scope="col">${fr.list.colUpdated}</th>
          </tr>
        </thead>
        <tbody>
          ${page.items.map(
            (a) => html`
              <tr data-id=${a.id}>
                <td class="title">
                  <a href="#/articles/${a.id}">${a.title}</a>
                  <span class="slug">${a.slug}</span>
                </td>
                <td>
                  <vp-status-badge status=${a.status} ?unpublished-changes=${a.hasUnpublishedChanges}></vp-status-badge>
                </td>
                <td lang=${a.locale}>${fr.editor.locales[a.locale] ?? a.locale}</td>
                <td>${fr.list.updatedBy(fr.dateTime.format(new Date(a.updatedAt)), a.updatedBy)}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
      <nav class="pager" aria-label=${fr.list.pagination}>
        ${this.previousCursors.length > 0
          ? html`<button type="button" @click=${this.previousPage}>${fr.list.previous}</button>`
          : nothing}
        ${page.next ? html`<button type="button" @click=${() => this.nextPage(page.next!)}>${fr.list.next}</button>` : nothing}
      </nav>
    `;
  }

  private applyFilters(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.showFirstPage(String(data.get('status') ?? '') as ContentStatus | '', String(data.get('q') ?? '').trim());
  }

  private resetFilters() {
    this.showFirstPage('', '');
  }

  private showFirstPage(status: ContentStatus | '', q: string) {
    const unchanged = status === this.status && q === this.q && this.cursor === undefined;
    this.status = status;
    this.q = q;
    this.previousCursors = [];
    this.cursor = undefined;
    // Changed arguments re-run the task by themselves; the same filters submitted again
    // still mean "load again" (someone may have added an article).
    if (unchanged) void this.articles.run();
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
    'vp-article-list': VpArticleList;
  }
}
