import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { shared } from '../styles.js';
import { MediaBrowser } from './media-browser.js';
import { srcsetOf, type MediaApi, type MediaDetails } from './media-api.js';
import { mayChange, type MediaUser } from './media-rights.js';
import { mediaText } from './media-text.js';
import { mediaStyles } from './media-styles.js';
import './vp-media-grid.js';
import './vp-media-texts.js';
import './vp-media-upload.js';

/** What a picked image gives the field that asked: a cover as the contract takes it, ready to store. */
export interface PickedMedia {
  media: MediaDetails;
  cover: { url: string; alt: string; credit: string | null; mediaId: string };
}

/**
 * A modal dialog to choose an image of the library, or to upload one (drag and drop, progress, alt text prompt).
 * An image without alt text cannot be chosen until it is described: the dialog asks for it, or, for an author
 * looking at someone else's image, says who can.
 *
 * @fires vp-media-picked - `PickedMedia` when an image is chosen; the dialog then closes.
 * @fires vp-media-closed - when the dialog closes without a choice.
 */
@customElement('vp-media-picker')
export class VpMediaPicker extends LitElement {
  static override styles = [
    shared,
    mediaStyles,
    css`
      dialog { width: min(60rem, 96vw); max-height: 92vh; border: 1px solid var(--vp-line); border-radius: 8px; padding: 0; }
      dialog::backdrop { background: rgb(20 30 20 / 45%); }
      header, footer { display: flex; justify-content: space-between; align-items: center; gap: 1rem; padding: 0.75rem 1rem; }
      header { border-bottom: 1px solid var(--vp-line); }
      header h2 { margin: 0; font-size: 1.3rem; }
      .body { padding: 1rem; overflow: auto; max-height: calc(92vh - 9rem); }
      footer { border-top: 1px solid var(--vp-line); flex-wrap: wrap; }
      .chosen { display: flex; gap: 0.75rem; align-items: center; }
      .chosen img { width: 5rem; height: auto; border-radius: 3px; }
      vp-media-upload { display: block; margin-bottom: 1rem; }
    `,
  ];

  @property({ attribute: false }) api!: MediaApi;
  @property({ attribute: false }) user: MediaUser | null = null;

  @state() private selected: { media: MediaDetails; etag: string | null } | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  private readonly browser = new MediaBrowser(this, () => this.api);

  /** Opens the dialog on the newest images. */
  async open(): Promise<void> {
    await this.updateComplete;
    this.selected = null;
    if (!this.dialog.open) this.dialog.showModal();
    await this.browser.search({});
  }

  close() {
    if (this.dialog?.open) this.dialog.close();
  }

  override render() {
    const b = this.browser;
    return html`
      <dialog aria-labelledby="picker-title" @close=${this.closed}>
        <header>
          <h2 id="picker-title">${mediaText.picker.title}</h2>
          <button type="button" @click=${() => this.close()}>${mediaText.picker.close}</button>
        </header>
        <div class="body">
          <vp-media-upload .api=${this.api}
            @vp-media-uploaded=${(e: CustomEvent<{ media: MediaDetails }>) => this.browser.upsert(e.detail.media)}
            @vp-media-ready=${(e: CustomEvent<{ media: MediaDetails; etag: string }>) => this.uploaded(e.detail.media, e.detail.etag)}></vp-media-upload>
          <form class="filters" role="search" aria-label=${mediaText.library.filters} @submit=${this.search}>
            <div class="field">
              <label for="q">${mediaText.library.search} <span class="hint">${mediaText.library.searchHint}</span></label>
              <input id="q" name="q" type="search" .value=${b.query.q ?? ''} />
            </div>
            <button type="submit">${mediaText.library.apply}</button>
          </form>
          ${b.status === 'loading' && b.items.length === 0 ? html`<p role="status" aria-busy="true">${mediaText.library.loading}</p>` : nothing}
          ${b.status === 'error'
            ? html`<div class="alert" role="alert"><p>${mediaText.library.error}</p></div>
                <button type="button" @click=${() => b.search()}>${mediaText.library.retry}</button>`
            : nothing}
          ${b.status === 'ready' && b.items.length === 0
            ? html`<p role="status">${b.query.q ? mediaText.library.emptyFiltered : mediaText.library.empty}</p>`
            : nothing}
          ${b.items.length > 0
            ? html`<p class="visually-hidden" role="status">${mediaText.library.count(b.items.length)}</p>
                <vp-media-grid .items=${b.items} selected-id=${this.selected?.media.id ?? ''}
                  @vp-media-select=${(e: CustomEvent<{ media: MediaDetails }>) => this.select(e.detail.media)}></vp-media-grid>`
            : nothing}
          ${b.next ? html`<p><button type="button" @click=${() => b.more()}>${mediaText.library.more}</button></p>` : nothing}
          ${this.renderNeedsAlt()}
        </div>
        <footer>
          <div class="chosen" aria-live="polite">
            ${this.selected
              ? html`<img src=${this.selected.media.url} srcset=${srcsetOf(this.selected.media)} sizes="5rem" alt="" />
                  <span>${this.selected.media.fileName}</span>`
              : nothing}
          </div>
          <button type="button" class="primary" ?disabled=${!this.selected?.media.alt} @click=${this.pick}>${mediaText.picker.confirm}</button>
        </footer>
      </dialog>
    `;
  }

  private renderNeedsAlt() {
    const chosen = this.selected;
    if (!chosen || chosen.media.alt) return nothing;
    if (!mayChange(this.user, chosen.media)) return html`<div class="alert" role="alert">${mediaText.picker.cannotDescribe}</div>`;
    if (!chosen.etag) return html`<p role="status" aria-busy="true">${mediaText.library.loading}</p>`;
    return html`
      <div class="notice" role="status">${mediaText.picker.needsAlt}</div>
      <vp-media-texts .api=${this.api} .media=${chosen.media} .etag=${chosen.etag} require-alt
        @vp-media-saved=${(e: CustomEvent<{ media: MediaDetails; etag: string }>) => this.uploaded(e.detail.media, e.detail.etag)}></vp-media-texts>
    `;
  }

  private async select(media: MediaDetails) {
    this.selected = { media, etag: null };
    if (media.alt || !mayChange(this.user, media)) return;
    // The list's copy has no ETag: read the image, so that its description is saved on its current version.
    const current = await this.api.get(media.id);
    if (this.selected?.media.id === current.item.id) this.selected = { media: current.item, etag: current.etag };
  }

  private uploaded(media: MediaDetails, etag: string) {
    this.browser.upsert(media);
    this.selected = { media, etag };
  }

  private search(event: SubmitEvent) {
    event.preventDefault();
    const q = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    void this.browser.search(q ? { q } : {});
  }

  private pick() {
    const media = this.selected?.media;
    if (!media?.alt) return;
    const picked: PickedMedia = { media, cover: { url: media.url, alt: media.alt, credit: media.credit ?? null, mediaId: media.id } };
    this.dispatchEvent(new CustomEvent('vp-media-picked', { detail: picked, bubbles: true, composed: true }));
    this.picked = true;
    this.close();
  }

  private picked = false;

  private closed() {
    if (!this.picked) this.dispatchEvent(new CustomEvent('vp-media-closed', { bubbles: true, composed: true }));
    this.picked = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-media-picker': VpMediaPicker;
  }
}
