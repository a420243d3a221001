import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError } from '../../api/client.js';
import { shared } from '../styles.js';
import { MediaBrowser } from './media-browser.js';
import { srcsetOf, usedByOf, type MediaApi, type MediaDetails, type MediaUse } from './media-api.js';
import { mayChange, type MediaUser } from './media-rights.js';
import { mediaText } from './media-text.js';
import { mediaStyles } from './media-styles.js';
import './vp-media-grid.js';
import './vp-media-texts.js';
import './vp-media-upload.js';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

type Uses = { status: 'loading' } | { status: 'ready'; items: MediaUse[] } | { status: 'error' };

/**
 * The media library screen: upload, search (text, images still without alt text, one's own), the thumbnails, and
 * the details of the chosen image: its texts to edit, its files, the items that use it, and its deletion (refused
 * while an item uses it, naming them).
 */
@customElement('vp-media-library')
export class VpMediaLibrary extends LitElement {
  static override styles = [
    shared,
    mediaStyles,
    css`
      .layout { display: grid; grid-template-columns: 1fr minmax(18rem, 24rem); gap: 1.5rem; align-items: start; }
      @media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
      aside { border: 1px solid var(--vp-line); border-radius: 8px; padding: 1rem; background: var(--vp-bg); }
      aside h2 { font-size: 1.15rem; margin: 0 0 0.75rem; overflow-wrap: anywhere; }
      aside img { width: 100%; height: auto; border-radius: 4px; margin-bottom: 0.5rem; }
      aside h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
      aside ul { margin: 0; padding-left: 1.1rem; }
      .meta { color: var(--vp-muted); font-size: 0.9rem; margin: 0.2rem 0; }
      vp-media-upload { display: block; margin-bottom: 1.25rem; }
    `,
  ];

  @property({ attribute: false }) api!: MediaApi;
  @property({ attribute: false }) user: MediaUser | null = null;

  @state() private selected: { media: MediaDetails; etag: string } | null = null;
  @state() private uses: Uses = { status: 'loading' };
  @state() private message: { kind: 'notice' | 'alert'; text: string; items?: MediaUse[] } | null = null;
  /** The deletion asks again in the page (not window.confirm, which screen readers and tests handle badly). */
  @state() private confirming = false;

  @query('h1') private heading!: HTMLElement;
  private readonly browser = new MediaBrowser(this, () => this.api);

  override connectedCallback() {
    super.connectedCallback();
    void this.browser.search({});
  }

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const b = this.browser;
    const filtered = Boolean(b.query.q || b.query.missingAlt || b.query.mine);
    return html`
      <h1 tabindex="-1">${mediaText.library.title}</h1>
      <p class="hint">${mediaText.library.intro}</p>
      <vp-media-upload .api=${this.api}
        @vp-media-uploaded=${(e: CustomEvent<{ media: MediaDetails; etag: string }>) => this.show(e.detail.media, e.detail.etag)}
        @vp-media-ready=${(e: CustomEvent<{ media: MediaDetails; etag: string }>) => this.show(e.detail.media, e.detail.etag)}></vp-media-upload>
      ${this.message && !this.selected
        ? html`<div class=${this.message.kind} role=${this.message.kind === 'alert' ? 'alert' : 'status'}>${this.message.text}</div>`
        : nothing}
      <form class="filters" role="search" aria-label=${mediaText.library.filters} @submit=${this.search}>
        <div class="field">
          <label for="q">${mediaText.library.search} <span class="hint">${mediaText.library.searchHint}</span></label>
          <input id="q" name="q" type="search" .value=${b.query.q ?? ''} />
        </div>
        <label class="check"><input type="checkbox" name="missingAlt" .checked=${Boolean(b.query.missingAlt)} /> ${mediaText.library.missingAlt}</label>
        <label class="check"><input type="checkbox" name="mine" .checked=${Boolean(b.query.mine)} /> ${mediaText.library.mine}</label>
        <button type="submit">${mediaText.library.apply}</button>
      </form>
      <div class="layout">
        <section aria-label=${mediaText.library.grid}>
          ${b.status === 'loading' && b.items.length === 0 ? html`<p role="status" aria-busy="true">${mediaText.library.loading}</p>` : nothing}
          ${b.status === 'error'
            ? html`<div class="alert" role="alert"><p>${mediaText.library.error}</p></div>
                <button type="button" @click=${() => b.search()}>${mediaText.library.retry}</button>`
            : nothing}
          ${b.status === 'ready' && b.items.length === 0
            ? html`<p role="status">${filtered ? mediaText.library.emptyFiltered : mediaText.library.empty}</p>`
            : nothing}
          ${b.items.length > 0
            ? html`<p class="visually-hidden" role="status">${mediaText.library.count(b.items.length)}</p>
                <vp-media-grid .items=${b.items} selected-id=${this.selected?.media.id ?? ''}
                  @vp-media-select=${(e: CustomEvent<{ media: MediaDetails }>) => this.open(e.detail.media.id)}></vp-media-grid>`
            : nothing}
          ${b.next ? html`<p><button type="button" @click=${() => b.more()}>${mediaText.library.more}</button></p>` : nothing}
        </section>
        ${this.selected ? this.renderDetails(this.selected.media, this.selected.etag) : nothing}
      </div>
    `;
  }

  private renderDetails(m: MediaDetails, etag: string) {
    const editable = mayChange(this.user, m);
    return html`
      <aside aria-labelledby="details-title">
        <h2 id="details-title" tabindex="-1">${m.fileName}</h2>
        <img src=${m.url} srcset=${srcsetOf(m)} sizes="24rem" alt=${m.alt ?? ''} width=${m.width} height=${m.height} />
        <p class="meta">${mediaText.details.size(m.width, m.height)} · ${m.format.toUpperCase()} · ${mediaText.details.bytes(m.bytes)}</p>
        <p class="meta">${mediaText.details.uploaded(m.createdBy, dateTime.format(new Date(m.createdAt)))}</p>
        ${this.message
          ? html`<div class=${this.message.kind} role=${this.message.kind === 'alert' ? 'alert' : 'status'}>
              <p>${this.message.text}</p>
              ${this.message.items?.length ? html`<ul>${this.message.items.map((u) => this.renderUse(u))}</ul>` : nothing}
            </div>`
          : nothing}
        ${editable ? nothing : html`<p class="hint">${mediaText.details.readOnly}</p>`}
        <vp-media-texts .api=${this.api} .media=${m} .etag=${etag} ?readonly=${!editable}
          @vp-media-saved=${(e: CustomEvent<{ media: MediaDetails; etag: string }>) => this.saved(e.detail.media, e.detail.etag)}></vp-media-texts>
        <h3>${mediaText.details.usedIn}</h3>
        ${this.uses.status === 'loading' ? html`<p role="status" aria-busy="true">${mediaText.details.usesLoading}</p>` : nothing}
        ${this.uses.status === 'error' ? html`<p class="alert" role="alert">${mediaText.library.error}</p>` : nothing}
        ${this.uses.status === 'ready'
          ? this.uses.items.length === 0
            ? html`<p>${mediaText.details.notUsed}</p>`
            : html`<ul>${this.uses.items.map((u) => this.renderUse(u))}</ul>`
          : nothing}
        <h3>${mediaText.details.files}</h3>
        <ul>
          ${m.variants.map((v) => html`<li><a href=${v.url} target="_blank" rel="noopener">${v.width} px · ${v.format.toUpperCase()}</a> (${mediaText.details.bytes(v.bytes)})</li>`)}
        </ul>
        ${editable && !this.confirming
          ? html`<p><button type="button" class="danger" @click=${() => (this.confirming = true)}>${mediaText.details.delete}</button></p>`
          : nothing}
        ${editable && this.confirming
          ? html`<div class="alert" role="alertdialog" aria-labelledby="confirm-delete">
              <p id="confirm-delete">${mediaText.details.confirmDelete}</p>
              <button type="button" class="danger" @click=${this.deleteSelected}>${mediaText.details.confirm}</button>
              <button type="button" @click=${() => (this.confirming = false)}>${mediaText.details.keep}</button>
            </div>`
          : nothing}
        <p><button type="button" @click=${() => (this.selected = null)}>${mediaText.library.close}</button></p>
      </aside>
    `;
  }

  private renderUse(u: MediaUse) {
    const where = [u.inCurrentContent ? mediaText.details.inDraft : '', u.inPublishedVersion ? mediaText.details.inPublished : '']
      .filter(Boolean)
      .join(', ');
    return html`<li data-use=${u.id}>${u.title} <span class="meta">(${u.type}, ${u.status} ; ${where})</span></li>`;
  }

  private async open(id: string) {
    const current = await this.api.get(id);
    this.show(current.item, current.etag);
  }

  private show(media: MediaDetails, etag: string) {
    this.browser.upsert(media);
    this.selected = { media, etag };
    this.message = null;
    this.confirming = false;
    void this.loadUses(media.id);
  }

  private saved(media: MediaDetails, etag: string) {
    this.browser.upsert(media);
    this.selected = { media, etag };
  }

  private async loadUses(id: string) {
    this.uses = { status: 'loading' };
    try {
      const items = await this.api.uses(id);
      if (this.selected?.media.id === id) this.uses = { status: 'ready', items };
    } catch {
      if (this.selected?.media.id === id) this.uses = { status: 'error' };
    }
  }

  private async deleteSelected() {
    const chosen = this.selected;
    this.confirming = false;
    if (!chosen) return;
    try {
      await this.api.remove(chosen.media.id, chosen.etag);
      this.browser.remove(chosen.media.id);
      this.selected = null;
      this.message = { kind: 'notice', text: mediaText.details.deleted };
    } catch (error) {
      const items = usedByOf(error);
      this.message = items.length
        ? { kind: 'alert', text: mediaText.details.inUse, items }
        : { kind: 'alert', text: error instanceof ApiError && error.problem.detail ? error.problem.detail : mediaText.library.error };
    }
  }

  private search(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const q = String(data.get('q') ?? '').trim();
    void this.browser.search({
      ...(q ? { q } : {}),
      ...(data.get('missingAlt') ? { missingAlt: true } : {}),
      ...(data.get('mine') ? { mine: true } : {}),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-media-library': VpMediaLibrary;
  }
}
