import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ContentStatus } from '../api/client.js';
import { fr } from '../i18n/fr.js';

/**
 * The lifecycle status of an item as a badge, plus "modifications non publiées" when a published
 * item has been edited since. The text is the information; colour only repeats it.
 *
 * @csspart badge - each badge
 */
@customElement('vp-status-badge')
export class VpStatusBadge extends LitElement {
  static override styles = css`
    :host { display: inline-flex; flex-wrap: wrap; gap: 0.3rem; }
    span { border-radius: 999px; padding: 0.1rem 0.6rem; font-size: 0.85rem; font-weight: 600; border: 1px solid; }
    .draft { background: #eef0ec; color: #3b4238; }
    .in_review { background: #fff4d6; color: #6a4b00; }
    .scheduled { background: #e6efff; color: #1d3f7a; }
    .published { background: #e1f2e6; color: #134a28; }
    .unpublished { background: #f3e8e8; color: #6e1d1d; }
    .changes { background: #fff; color: #6a4b00; border-style: dashed; }
  `;

  @property() status: ContentStatus = 'draft';
  @property({ type: Boolean, attribute: 'unpublished-changes' }) unpublishedChanges = false;

  override render() {
    return html`<span part="badge" class=${this.status} data-status=${this.status}>${fr.status[this.status] ?? this.status}</span
      >${this.unpublishedChanges
        ? html`<span part="badge" class="changes" data-status="changes">${fr.unpublishedChanges}</span>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-status-badge': VpStatusBadge;
  }
}
