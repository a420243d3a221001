import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError } from '../../api/client.js';
import { CONTENT_STATUSES, type ContentStatus } from '../../api/client.js';
import { specOfTypeName } from '../../content/registry.js';
import { hrefOf } from '../route.js';
import { shared } from '../styles.js';
import { MediaBrowser } from './media-browser.js';
import { srcsetOf, usedByOf, type MediaApi, type MediaDetails, type MediaUse } from '../../api/media-api.js';
import { mayChange, type MediaUser } from './media-rights.js';
import { fr } from '../../i18n/fr.js';
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
  /** A colleague's display name by e-mail (uploads record e-mails); the e-mail itself by default. */
  @property({ attribute: false }) nameOf: (email: string) => string = (email) => email;

  @state() private selected: { media: MediaDetails; etag: string } | null = null;
  @state() private uses: Uses = { status: 'loading' };
  @state() private message: { kind: 'notice' | 'alert'; text: string; items?: MediaUse[] } | null = null;
  /** The deletion asks again in the page (not window.confirm, which screen readers and tests handle badly). */
  @state() private confirming = false;

  @query('h1') private heading!: HTMLElement;
  private readonly browser = new MediaBrowser(this, () => this.api);

  // Not in connectedCallback: an element written before its chunk loaded gets its properties only at its first update.
  override firstUpdated() {
    void this.browser.search({});
  }

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const b = this.browser;
    const filtered = Boolean(b.query.q || b.query.missingAlt || b.query.mine);
    return html`
      <h1 tabindex="-1">${fr.media.library.title}</h1>
      <p class="hint">${fr.media.library.intro}</p>
      <vp-media-upload .api=${this.api}
        @vp-media-uploaded=${(e: CustomEvent<{ media: MediaDetails; etag: string }>) => this.show(e.detail.media, e.detail.etag)}
        @vp-media-ready=${(e: CustomEvent<{ media: MediaDetails; etag: string }>) => this.show(e.detail.media, e.detail.etag)}></vp-media-upload>
      ${this.message && !this.selected
        ? html`<div class=${this.message.kind} role=${this.message.kind === 'alert' ? 'alert' : 'status'}>${this.message.text}</div>`
        : nothing}
      <form class="filters" role="search" aria-label=${fr.media.library.filters} @submit=${this.search}>
        <div class="field">
          <label for="q">${fr.media.library.search} <span class="hint">${fr.media.library.searchHint}</span></label>
          <input id="q" name="q" type="search" .value=${b.query.q ?? ''} />
        </div>
        <label class="check"><input type="checkbox" name="missingAlt" .checked=${Boolean(b.query.missingAlt)} /> ${fr.media.library.missingAlt}</label>
        <label class="check"><input type="checkbox" name="mine" .checked=${Boolean(b.query.mine)} /> ${fr.media.library.mine}</label>
        <button type="submit">${fr.media.library.apply}</button>
      </form>
      <div class="layout">
        <section aria-label=${fr.media.library.grid}>
          ${b.status === 'loading' && b.items.length === 0 ? html`<p role="status" aria-busy="true">${fr.media.library.loading}</p>` : nothing}
          ${b.status === 'error'
            ? html`<div class="alert" role="alert"><p>${fr.media.library.error}</p></div>
                <button type="button" @click=${() => b.search()}>${fr.media.library.retry}</button>`
            : nothing}
          ${b.status === 'ready' && b.items.length === 0
            ? html`<p role="status">${filtered ? fr.media.library.emptyFiltered : fr.media.library.empty}</p>`
            : nothing}
          ${b.items.length > 0
            ? html`<p class="visually-hidden" role="status">${fr.media.library.count(b.items.length)}</p>
                <vp-media-grid .items=${b.items} selected-id=${this.selected?.media.id ?? ''}
                  @vp-media-select=${(e: CustomEvent<{ media: MediaDetails }>) => this.open(e.detail.media.id)}></vp-media-grid>`
            : nothing}
          ${b.next ? html`<p><button type="button" @click=${() => b.more()}>${fr.media.library.more}</button></p>` : nothing}
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
        <p class="meta">${fr.media.details.size(m.width, m.height)} · ${m.format.toUpperCase()} · ${fr.media.details.bytes(m.bytes)}</p>
        <p class="meta">${fr.media.details.uploaded(this.nameOf(m.createdBy), dateTime.format(new Date(m.createdAt)))}</p>
        ${this.message
          ? html`<div class=${this.message.kind} role=${this.message.kind === 'alert' ? 'alert' : 'status'}>
              <p>${this.message.text}</p>
              ${this.message.items?.length ? html`<ul>${this.message.items.map((u) => this.renderUse(u))}</ul>` : nothing}
            </div>`
          : nothing}
        ${editable ? nothing : html`<p class="hint">${fr.media.details.readOnly}</p>`}
        <vp-media-texts .api=${this.api} .media=${m} .etag=${etag} ?readonly=${!editable}
          @vp-media-saved=${(e: CustomEvent<{ media: MediaDetails; etag: string }>) => this.saved(e.detail.media, e.detail.etag)}></vp-media-texts>
        <h3>${fr.media.details.usedIn}</h3>
        ${this.uses.status === 'loading' ? html`<p role="status" aria-busy="true">${fr.media.details.usesLoading}</p>` : nothing}
        ${this.uses.status === 'error' ? html`<p class="alert" role="alert">${fr.media.library.error}</p>` : nothing}
        ${this.uses.status === 'ready'
          ? this.uses.items.length === 0
            ? html`<p>${fr.media.details.notUsed}</p>`
            : html`<ul>${this.uses.items.map((u) => this.renderUse(u))}</ul>`
          : nothing}
        <h3>${fr.media.details.files}</h3>
        <ul>
          ${m.variants.map((v) => html`<li><a href=${v.url} target="_blank" rel="noopener">${v.width} px · ${v.format.toUpperCase()}</a> (${fr.media.details.bytes(v.bytes)})</li>`)}
        </ul>
        ${editable && !this.confirming
          ? html`<p><button type="button" class="danger" @click=${() => (this.confirming = true)}>${fr.media.details.delete}</button></p>`
          : nothing}
        ${editable && this.confirming
          ? html`<div class="alert" role="alertdialog" aria-labelledby="confirm-delete">
              <p id="confirm-delete">${fr.media.details.confirmDelete}</p>
              <button type="button" class="danger" @click=${this.deleteSelected}>${fr.media.details.confirm}</button>
              <button type="button" @click=${() => (this.confirming = false)}>${fr.media.details.keep}</button>
            </div>`
          : nothing}
        <p><button type="button" @click=${() => (this.selected = null)}>${fr.media.library.close}</button></p>
      </aside>
    `;
  }

  private renderUse(u: MediaUse) {
    const where = [u.inCurrentContent ? fr.media.details.inDraft : '', u.inPublishedVersion ? fr.media.details.inPublished : '']
      .filter(Boolean)
      .join(', ');
    const spec = specOfTypeName(u.type);
    const status = (CONTENT_STATUSES as readonly string[]).includes(u.status) ? fr.status[u.status as ContentStatus] : u.status;
    return html`<li data-use=${u.id}>${spec ? html`<a href=${hrefOf.edit(spec.segment, u.id)}>${u.title}</a>` : u.title}
      <span class="meta">(${spec?.names.one ?? u.type}, ${status} ; ${where})</span></li>`;
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
      this.message = { kind: 'notice', text: fr.media.details.deleted };
    } catch (error) {
      const items = usedByOf(error);
      this.message = items.length
        ? { kind: 'alert', text: fr.media.details.inUse, items }
        : { kind: 'alert', text: error instanceof ApiError && error.problem.detail ? error.problem.detail : fr.media.library.error };
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
