import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Api, ManagedSummary, Segment } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import { shared } from './styles.js';

/**
 * Links an item to others of a type (an article's related fiches): the chosen ones by title, each removable, and a
 * search by title that adds one. Titles of the chosen ids are read from the API once each.
 *
 * @fires vp-relations-change - `detail` is the new list of ids.
 */
@customElement('vp-relation-picker')
export class VpRelationPicker extends LitElement {
  static override styles = [
    shared,
    css`
      fieldset { border: 1px solid var(--vp-line); border-radius: 6px; padding: 0.75rem; margin: 0; min-width: 0; }
      legend { font-weight: 600; padding: 0 0.3rem; }
      ul { list-style: none; margin: 0 0 0.5rem; padding: 0; }
      li { display: flex; gap: 0.5rem; align-items: center; justify-content: space-between; padding: 0.25rem 0; border-bottom: 1px solid var(--vp-line); overflow-wrap: anywhere; }
      .results li { border: 0; }
      .results button { text-align: left; }
      .missing { color: var(--vp-muted); font-style: italic; }
    `,
  ];

  @property({ attribute: false }) api!: Api;
  @property() target!: Segment;
  @property() label = '';
  @property({ attribute: false }) value: readonly string[] = [];
  @property({ type: Boolean }) readonly = false;
  @property({ type: Number, attribute: 'max-items' }) maxItems = 0;
  @property() error = '';
  @property() fieldId = '';

  @state() private titles = new Map<string, string | null>();
  @state() private results: ManagedSummary[] | null = null;
  @state() private searching = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private search = 0;

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('value')) for (const id of this.value) if (!this.titles.has(id)) void this.loadTitle(id);
  }

  private async loadTitle(id: string) {
    this.titles.set(id, '');
    let title: string | null;
    try {
      const { item } = await this.api.content(this.target).get(id);
      title = String((item.content as Record<string, unknown>).title ?? item.slug);
    } catch {
      title = null;
    }
    this.titles = new Map(this.titles).set(id, title);
  }

  override render() {
    const what = fr.relations.targets[this.target] ?? '';
    const searchId = `${this.fieldId}-search`;
    return html`
      <fieldset id=${this.fieldId} aria-describedby=${this.error ? `${this.fieldId}-error` : nothing}>
        <legend>${this.label}${this.maxItems ? html` <span class="hint" style="display:inline">(${fr.editor.items(this.value.length, this.maxItems)})</span>` : nothing}</legend>
        ${this.value.length === 0
          ? html`<p class="hint">${fr.relations.none}</p>`
          : html`<ul>
              ${this.value.map((id) => {
                const title = this.titles.get(id);
                return html`<li>
                  <span class=${title === null ? 'missing' : ''}>${title === null ? fr.relations.missing : title || '…'}</span>
                  ${this.readonly
                    ? nothing
                    : html`<button type="button" aria-label=${`${fr.editor.remove} « ${title || id} »`} @click=${() => this.unlink(id)}>${fr.editor.remove}</button>`}
                </li>`;
              })}
            </ul>`}
        ${this.readonly
          ? nothing
          : html`
              <label for=${searchId}>${fr.relations.search(what)}</label>
              <input id=${searchId} type="search" autocomplete="off" @input=${this.typed} />
              <p class="visually-hidden" role="status">${this.searching ? fr.relations.searching : this.results ? `${this.results.length} ${fr.relations.results.toLowerCase()}` : ''}</p>
              ${this.results
                ? this.results.length === 0
                  ? html`<p class="hint">${fr.relations.noResult}</p>`
                  : html`<ul class="results" aria-label=${fr.relations.results}>
                      ${this.results.map(
                        (r) => html`<li><button type="button" ?disabled=${this.value.includes(r.id)} @click=${() => this.add(r)}>${fr.relations.add(r.title)}</button></li>`,
                      )}
                    </ul>`
                : nothing}
            `}
        ${this.error ? html`<p class="field-error" id="${this.fieldId}-error">${this.error}</p>` : nothing}
      </fieldset>
    `;
  }

  private typed(event: Event) {
    const q = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.timer);
    if (q.length < 2) {
      this.results = null;
      return;
    }
    this.timer = setTimeout(() => void this.find(q), 250);
  }

  private async find(q: string) {
    const mine = ++this.search;
    this.searching = true;
    try {
      const page = await this.api.content(this.target).list({ q, limit: 8, sort: 'title' });
      if (mine === this.search) this.results = page.items;
    } catch {
      if (mine === this.search) this.results = [];
    } finally {
      if (mine === this.search) this.searching = false;
    }
  }

  private add(item: ManagedSummary) {
    this.titles = new Map(this.titles).set(item.id, item.title);
    this.emit([...this.value, item.id]);
  }

  private async unlink(id: string) {
    this.emit(this.value.filter((v) => v !== id));
    await this.updateComplete;
    // The button pressed is gone: the search box keeps the focus in the field.
    this.renderRoot.querySelector<HTMLElement>('input[type="search"], li button')?.focus();
  }

  private emit(ids: string[]) {
    this.dispatchEvent(new CustomEvent<string[]>('vp-relations-change', { detail: ids, bubbles: true, composed: true }));
  }

  override focus() {
    this.renderRoot.querySelector<HTMLElement>('input, button')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-relation-picker': VpRelationPicker;
  }
}
