import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { AuditEntry, AuditQuery, Colleague } from '../api/client.js';
import { contentTypes, specOfTypeName } from '../content/registry.js';
import { formatShort, instantOf } from '../content/time.js';
import { fr } from '../i18n/fr.js';
import { hrefOf } from './route.js';
import { failedState, loadingState } from './states.js';
import { shared } from './styles.js';
import type { Workspace } from './workspace.js';

type Filters = Omit<AuditQuery, 'limit' | 'cursor'>;

/** The audit log (admins): who did what and when, filtered by person, item, action, type and days (Paris time). */
@customElement('vp-audit')
export class VpAudit extends LitElement {
  static override styles = [shared];

  @property({ attribute: false }) workspace!: Workspace;
  /** An item to show the whole story of (from a link). */
  @property() item: string | undefined;
  @state() private filters: Filters = {};
  @state() private cursors: (string | undefined)[] = [];
  @state() private cursor: string | undefined;
  @state() private people: Colleague[] = [];
  @query('h1') private heading!: HTMLElement;

  private entries = new Task(this, {
    args: () => [this.filters, this.cursor] as const,
    task: ([filters, cursor], { signal }) => this.workspace.api.audit({ ...filters, limit: 50, ...(cursor ? { cursor } : {}) }, signal),
  });

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('item')) this.show(this.item ? { item: this.item } : {});
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.workspace.api.colleagues().then((p) => (this.people = p), () => undefined);
  }

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const a = fr.audit;
    const f = this.filters;
    const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');
    return html`
      <h1 tabindex="-1">${a.title}</h1>
      <p>${a.intro}</p>
      <form class="filters" role="search" aria-label=${a.filters} @submit=${this.apply}>
        <div class="field">
          <label for="audit-user">${a.user}</label>
          <select id="audit-user" name="user">
            <option value="">${a.anyone}</option>
            ${this.people.map((p) => html`<option value=${p.email} ?selected=${f.user === p.email}>${p.displayName}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="audit-item">${a.item}</label>
          <input id="audit-item" name="item" type="text" autocomplete="off" .value=${f.item ?? ''} aria-describedby="audit-item-hint" />
          <span class="hint" id="audit-item-hint">${a.itemHint}</span>
        </div>
        <div class="field">
          <label for="audit-action">${a.action}</label>
          <select id="audit-action" name="action">
            <option value="">${a.anyAction}</option>
            ${Object.entries(a.actions).map(([v, label]) => html`<option value=${v} ?selected=${f.action === v}>${label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="audit-type">${a.type}</label>
          <select id="audit-type" name="type">
            <option value="">${a.anyType}</option>
            ${contentTypes.map((t) => html`<option value=${t.typeName} ?selected=${f.type === t.typeName}>${t.names.many}</option>`)}
          </select>
        </div>
        <div class="field"><label for="audit-from">${a.from}</label><input id="audit-from" name="from" type="date" .value=${day(this.dayFrom)} /></div>
        <div class="field"><label for="audit-to">${a.to}</label><input id="audit-to" name="to" type="date" .value=${day(this.dayTo)} /></div>
        <button type="submit">${fr.list.apply}</button>
        ${Object.keys(f).length ? html`<button type="button" @click=${() => this.show({})}>${fr.list.reset}</button>` : nothing}
      </form>
      ${this.entries.render({
        initial: () => loadingState(a.loading),
        pending: () => loadingState(a.loading),
        error: (error) => failedState(a.error, error, () => this.entries.run()),
        complete: (page) => (page.items.length === 0 && !this.cursors.length
          ? html`<p role="status">${a.empty}</p>`
          : html`${this.renderTable(page.items)}
            <nav class="pager" aria-label=${fr.list.pagination}>
              ${this.cursors.length ? html`<button type="button" @click=${this.previous}>${fr.list.previous}</button>` : nothing}
              <span>${fr.list.page(this.cursors.length + 1)}</span>
              ${page.next ? html`<button type="button" @click=${() => this.nextPage(page.next!)}>${fr.list.next}</button>` : nothing}
            </nav>`),
      })}
    `;
  }

  /** The days typed, kept to show them again (the query holds instants). */
  private dayFrom: string | undefined;
  private dayTo: string | undefined;

  private renderTable(entries: AuditEntry[]) {
    const a = fr.audit;
    return html`<table class="cards">
      <caption>${a.caption}</caption>
      <thead><tr><th scope="col">${a.colAt}</th><th scope="col">${a.colBy}</th><th scope="col">${a.colAction}</th><th scope="col">${a.colItem}</th><th scope="col">${a.colVersion}</th></tr></thead>
      <tbody>
        ${entries.map((e) => {
          const spec = e.type ? specOfTypeName(e.type) : undefined;
          const what = spec ? spec.names.one : e.action.startsWith('api_key') ? a.apiKey : e.action.startsWith('user') ? a.account : e.action.startsWith('webhook') ? a.webhook : '';
          return html`<tr>
            <td>${formatShort(e.at)}</td>
            <td data-label=${a.colBy}>${this.workspace.nameOf(e.by)}</td>
            <td data-label=${a.colAction}>${a.actions[e.action] ?? e.action}</td>
            <td data-label=${a.colItem}>
              ${spec && e.action !== 'deleted' && e.action !== 'erased' ? html`<a href=${hrefOf.edit(spec.segment, e.itemId)}>${a.open(what)}</a>` : what}
              <a href=${hrefOf.audit(e.itemId)}>${a.itemFilter}<span class="visually-hidden"> ${a.itemFilterLabel(e.itemId)}</span></a>
            </td>
            <td data-label=${a.colVersion}>${e.version ?? ''}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private apply(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const filters: Filters = {};
    if (value('user')) filters.user = value('user');
    if (/^[0-9a-f-]{36}$/i.test(value('item'))) filters.item = value('item').toLowerCase();
    if (value('action')) filters.action = value('action');
    if (value('type')) filters.type = value('type');
    this.dayFrom = value('from') || undefined;
    this.dayTo = value('to') || undefined;
    // Days on the Paris clock: from midnight of the first to midnight after the last.
    if (this.dayFrom) filters.from = instantOf(`${this.dayFrom}T00:00`) ?? undefined;
    if (this.dayTo) {
      const next = new Date(`${this.dayTo}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      filters.to = instantOf(`${next.toISOString().slice(0, 10)}T00:00`) ?? undefined;
    }
    this.show(filters);
  }

  private show(filters: Filters) {
    if (!filters.from) this.dayFrom = undefined;
    if (!filters.to) this.dayTo = undefined;
    this.filters = filters;
    this.cursors = [];
    this.cursor = undefined;
  }

  private nextPage(next: string) {
    this.cursors = [...this.cursors, this.cursor];
    this.cursor = next;
  }

  private previous() {
    this.cursor = this.cursors.at(-1);
    this.cursors = this.cursors.slice(0, -1);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-audit': VpAudit;
  }
}
