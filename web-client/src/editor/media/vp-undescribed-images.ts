import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { mediaHashesIn, thumbnailOf, type MediaApi, type MediaDetails } from '../../api/media-api.js';
import { fr } from '../../i18n/fr.js';
import { shared } from '../styles.js';
import { loadMediaElements } from './load.js';
import { MediaSaved } from './media-saved.js';
import { mayChange, type MediaUser } from './media-rights.js';

/** The largest page of the library's list: the images still to describe are few. */
const PAGE = 100;

/**
 * The library images a rich text shows that have no alt text yet (a publication would be refused with a 422 on the
 * field), each with its description to write right here. Reads the library again only when the text's set of
 * images changes.
 *
 * @fires vp-media-described - `{ hash, alt }` once one of them is described, for the text's own `alt` attributes.
 */
@customElement('vp-undescribed-images')
export class VpUndescribedImages extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; margin-top: 0.75rem; }
      :host([hidden]) { display: none; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; }
      li { display: grid; grid-template-columns: minmax(6rem, 10rem) minmax(0, 1fr); gap: 0.75rem; align-items: start; }
      li img { width: 100%; height: auto; border-radius: 4px; }
      h3 { font-size: 1rem; margin: 0 0 0.5rem; }
      @media (max-width: 40rem) { li { grid-template-columns: 1fr; } }
    `,
  ];

  @property({ attribute: false }) api!: MediaApi;
  @property({ attribute: false }) user: MediaUser | null = null;
  /** The rich text's HTML. */
  @property() html = '';
  /** 'true' while the field shows an error: the library is asked again (an alt text may be gone since). */
  @property() invalid = 'false';

  @state() private images: { media: MediaDetails; etag: string | null }[] = [];
  private key = '';

  // Described elsewhere on the page (the same image as the cover): no longer to describe here.
  protected readonly elsewhere = new MediaSaved(this, (media) => {
    if (media.alt && this.images.some((i) => i.media.id === media.id)) this.described(media);
  });

  override willUpdate(changed: PropertyValues<this>) {
    const refused = changed.has('invalid') && this.invalid === 'true';
    if (!changed.has('html') && !refused) return;
    const hashes = mediaHashesIn(this.html ?? '');
    const key = hashes.join(' ');
    if (key === this.key && !refused) return;
    this.key = key;
    void this.check(key, hashes);
  }

  override render() {
    if (this.images.length === 0) return nothing;
    const t = fr.media.body;
    return html`<section class="alert" aria-labelledby="undescribed-title">
      <h3 id="undescribed-title">${t.title(this.images.length)}</h3>
      <p>${t.intro}</p>
      <ul>
        ${this.images.map(({ media, etag }) => html`<li data-media=${media.id}>
          <img src=${thumbnailOf(media)} alt="" width=${media.width} height=${media.height} />
          <div>
            <p><strong>${media.fileName}</strong></p>
            ${!mayChange(this.user, media)
              ? html`<p>${fr.media.picker.cannotDescribe}</p>`
              : etag
                ? html`<vp-media-texts .api=${this.api} .media=${media} .etag=${etag} require-alt
                    @vp-media-saved=${(e: CustomEvent<{ media: MediaDetails }>) => this.described(e.detail.media)}></vp-media-texts>`
                : html`<p role="status">${fr.media.library.loading}</p>`}
          </div>
        </li>`)}
      </ul>
    </section>`;
  }

  private async check(key: string, hashes: string[]) {
    if (hashes.length === 0) {
      this.images = [];
      return;
    }
    try {
      const page = await this.api.list({ missingAlt: true, limit: PAGE });
      if (key !== this.key) return;
      const found = page.items.filter((m) => hashes.includes(m.hash));
      if (found.length) void loadMediaElements();
      this.images = found.map((media) => ({ media, etag: null }));
      // The list has no ETags: each one is read, so that its description is saved on its current version.
      for (const media of found) {
        const current = await this.api.get(media.id);
        if (key !== this.key) return;
        this.images = this.images.map((i) => (i.media.id === media.id ? { media: current.item, etag: current.etag } : i));
      }
    } catch {
      // A comfort, not a gate: the API refuses the publication all the same, naming the field.
      if (key === this.key) this.images = [];
    }
  }

  private described(media: MediaDetails) {
    this.images = this.images.filter((i) => i.media.id !== media.id);
    if (media.alt) {
      this.dispatchEvent(new CustomEvent('vp-media-described', { detail: { hash: media.hash, alt: media.alt }, bubbles: true, composed: true }));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-undescribed-images': VpUndescribedImages;
  }
}
