import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { shared } from '../styles.js';
import { srcsetOf, thumbnailOf, type MediaDetails } from './media-api.js';
import { mediaText } from './media-text.js';
import { mediaStyles } from './media-styles.js';

/**
 * Thumbnails of images, each a toggle button: the library screen and the picker show the library with it.
 *
 * @fires vp-media-select - `{ media }` when an image is chosen (click, Enter or Space).
 */
@customElement('vp-media-grid')
export class VpMediaGrid extends LitElement {
  static override styles = [shared, mediaStyles];

  @property({ attribute: false }) items: MediaDetails[] = [];
  @property({ attribute: 'selected-id' }) selectedId: string | null = null;
  /** Accessible name of the list. */
  @property() label: string = mediaText.library.grid;

  override render() {
    return html`
      <ul class="grid" aria-label=${this.label}>
        ${this.items.map(
          (m) => html`
            <li>
              <button type="button" class="card" data-id=${m.id} aria-pressed=${m.id === this.selectedId ? 'true' : 'false'}
                      @click=${() => this.dispatchEvent(new CustomEvent('vp-media-select', { detail: { media: m }, bubbles: true, composed: true }))}>
                <img src=${thumbnailOf(m)} srcset=${srcsetOf(m)} sizes="10rem" alt="" loading="lazy"
                     width=${m.width} height=${m.height} />
                <span class="name">${m.fileName}</span>
                ${m.alt ? html`<span class="visually-hidden">${m.alt}</span>` : html`<span class="badge-missing">${mediaText.card.missingAlt}</span>`}
              </button>
            </li>
          `,
        )}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-media-grid': VpMediaGrid;
  }
}
