import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../../api/client.js';
import { srcsetOf, thumbnailOf, type MediaApi, type MediaDetails } from '../../api/media-api.js';
import { fr } from '../../i18n/fr.js';
import { mayChange, type MediaUser } from './media-rights.js';
import { loadMediaElements } from './load.js';
import { MediaSaved } from './media-saved.js';
import type { PickedMedia, VpMediaPicker } from './vp-media-picker.js';

/** A cover as the contract has it. */
export interface Cover {
  url: string;
  alt: string;
  credit?: string | null;
  mediaId?: string | null;
}

type Library =
  | { status: 'none' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; media: MediaDetails; etag: string }
  | { status: 'missing'; id: string }
  | { status: 'error'; id: string };

/**
 * The image of a cover: its preview (the library's widths, for a `srcset`), the picker to choose or upload one, and
 * its removal. When the library's image has no alt text yet (publication would be refused with a 422 on
 * `cover.mediaId`), it says so and offers to describe it right here. Rendered in the light DOM of the form, so that
 * the field's label, hint and error (in that form) name and describe its buttons.
 *
 * @fires vp-cover-change - `detail` is the new cover, or null when it is removed.
 */
@customElement('vp-cover-image')
export class VpCoverImage extends LitElement {
  @property({ attribute: false }) api!: MediaApi;
  @property({ attribute: false }) user: MediaUser | null = null;
  @property({ attribute: false }) cover: Cover | null | undefined = undefined;
  @property({ type: Boolean }) readonly = false;
  /** Ids of the field's hint and error, for its buttons. */
  @property({ attribute: 'described-by' }) describedBy = '';
  /** 'true' while the field shows an error: the image is read again (its alt text may be gone since). */
  @property() invalid = 'false';

  @state() private library: Library = { status: 'none' };
  @state() private described = false;

  protected override createRenderRoot() {
    return this;
  }

  // Described elsewhere on the page (the same image in the text): the cover's notice follows.
  protected readonly elsewhere = new MediaSaved(this, (media, etag) => {
    const library = this.library;
    if (library.status === 'ready' && library.id === media.id && !library.media.alt && media.alt) {
      this.library = { status: 'ready', id: media.id, media, etag };
    }
  });

  override willUpdate(changed: PropertyValues<this>) {
    const id = this.cover?.mediaId ?? null;
    const known = this.library.status === 'none' ? null : this.library.id;
    const refused = changed.has('invalid') && this.invalid === 'true';
    if ((changed.has('cover') && id !== known) || (refused && id)) {
      this.described = false;
      if (id) void this.load(id);
      else this.library = { status: 'none' };
    }
  }

  /** Gives the focus to the field's first button (after a refused save or publication). */
  override focus() {
    this.querySelector<HTMLElement>('button')?.focus();
  }

  override render() {
    const t = fr.media.cover;
    const cover = this.cover?.url ? this.cover : null;
    const described = this.describedBy || nothing;
    return html`
      <style>
        vp-cover-image { display: block; }
        vp-cover-image .cover { display: grid; grid-template-columns: minmax(8rem, 16rem) minmax(0, 1fr); gap: 0.75rem 1rem; align-items: start; margin-bottom: 0.5rem; }
        vp-cover-image .cover img { width: 100%; height: auto; border-radius: 4px; background: #eef1ec; }
        vp-cover-image .cover p { margin: 0 0 0.4rem; overflow-wrap: anywhere; }
        vp-cover-image .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
        vp-cover-image .describe { margin-top: 0.75rem; }
        @media (max-width: 40rem) { vp-cover-image .cover { grid-template-columns: 1fr; } }
      </style>
      ${cover ? this.renderCover(cover) : html`<p class="hint">${t.none}</p>`}
      ${this.readonly
        ? nothing
        : html`<div class="buttons">
            <button type="button" class="choose" aria-describedby=${described} @click=${this.choose}>${cover ? t.change : t.choose}</button>
            ${cover ? html`<button type="button" class="danger remove" @click=${this.removeCover}>${t.remove}</button>` : nothing}
          </div>`}
      ${this.renderDescribe()}
      ${this.readonly ? nothing : html`<vp-media-picker .api=${this.api} .user=${this.user} @vp-media-picked=${this.picked}
        @vp-media-closed=${() => this.focusChoose()}></vp-media-picker>`}
    `;
  }

  private renderCover(cover: Cover) {
    const t = fr.media.cover;
    const library = this.library;
    const media = library.status === 'ready' ? library.media : null;
    return html`<div class="cover">
      <img src=${media ? thumbnailOf(media) : cover.url} srcset=${media ? srcsetOf(media) : nothing} sizes="(max-width: 40rem) 90vw, 16rem"
        alt=${cover.alt ?? ''} width=${media?.width ?? nothing} height=${media?.height ?? nothing} />
      <div>
        ${media ? html`<p class="file-name"><strong>${media.fileName}</strong></p><p class="hint">${fr.media.details.size(media.width, media.height)}</p>` : nothing}
        ${!cover.mediaId ? html`<p class="hint">${t.outside}</p>` : nothing}
        ${library.status === 'loading' ? html`<p class="hint" role="status">${t.loading}</p>` : nothing}
        ${library.status === 'missing' ? html`<p class="field-error">${t.missing}</p>` : nothing}
        ${library.status === 'error' ? html`<p class="hint">${t.loadError}</p>` : nothing}
      </div>
    </div>`;
  }

  /** An image of the library still without alt text: publication would be refused; describe it here. */
  private renderDescribe() {
    const library = this.library;
    if (this.described) return html`<p class="notice" role="status">${fr.media.cover.described}</p>`;
    if (library.status !== 'ready' || library.media.alt) return nothing;
    void loadMediaElements();
    if (!mayChange(this.user, library.media)) return html`<p class="alert describe">${fr.media.picker.cannotDescribe}</p>`;
    return html`<div class="describe">
      <p class="alert">${fr.media.cover.needsAlt}</p>
      <vp-media-texts .api=${this.api} .media=${library.media} .etag=${library.etag} require-alt
        @vp-media-saved=${this.describedNow}></vp-media-texts>
    </div>`;
  }

  private async load(id: string) {
    if (this.library.status === 'none' || this.library.id !== id) this.library = { status: 'loading', id };
    try {
      const { item, etag } = await this.api.get(id);
      if (this.cover?.mediaId === id) this.library = { status: 'ready', id, media: item, etag };
    } catch (error) {
      if (this.cover?.mediaId !== id) return;
      this.library = error instanceof ApiError && error.status === 404 ? { status: 'missing', id } : { status: 'error', id };
    }
  }

  private async choose() {
    await loadMediaElements();
    await this.updateComplete;
    await this.querySelector<VpMediaPicker>('vp-media-picker')?.open();
  }

  private picked(event: CustomEvent<PickedMedia>) {
    const { media, cover } = event.detail;
    this.described = false;
    this.emit({ url: cover.url, alt: cover.alt, ...(cover.credit ? { credit: cover.credit } : {}), mediaId: cover.mediaId });
    // The picker's copy has no ETag; the preview reads the image again (and finds it described).
    this.library = { status: 'loading', id: media.id };
    void this.load(media.id);
    this.focusChoose();
  }

  private async describedNow(event: CustomEvent<{ media: MediaDetails; etag: string }>) {
    const { media, etag } = event.detail;
    this.library = { status: 'ready', id: media.id, media, etag };
    this.described = true;
    // A cover without its own alt text takes the library's.
    if (this.cover && !this.cover.alt?.trim() && media.alt) this.emit({ ...this.cover, alt: media.alt });
    this.focusChoose();
  }

  private removeCover() {
    this.emit(null);
    this.focusChoose();
  }

  private async focusChoose() {
    await this.updateComplete;
    this.querySelector<HTMLElement>('button.choose')?.focus();
  }

  private emit(cover: Cover | null) {
    this.dispatchEvent(new CustomEvent('vp-cover-change', { detail: cover, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-cover-image': VpCoverImage;
  }
}
