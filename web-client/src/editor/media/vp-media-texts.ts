import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../../api/client.js';
import { shared } from '../styles.js';
import type { MediaApi, MediaDetails, MediaTexts } from './media-api.js';
import { mediaText } from './media-text.js';

/**
 * The alt text, credit and caption of one image, saved with its ETag (a concurrent edit is reloaded, never
 * overwritten). The upload's alt text prompt, the picker's and the library's details all use it.
 *
 * @fires vp-media-saved - `{ media, etag }` once the texts are saved.
 * @fires vp-media-later - the editor chose to describe the image later (only with `offer-later`).
 */
@customElement('vp-media-texts')
export class VpMediaTexts extends LitElement {
  static override styles = [shared];

  @property({ attribute: false }) api!: MediaApi;
  @property({ attribute: false }) media!: MediaDetails;
  @property({ attribute: false }) etag!: string;
  /** The alt text must be filled before saving (the picker, before the image is used). */
  @property({ type: Boolean, attribute: 'require-alt' }) requireAlt = false;
  @property({ type: Boolean, attribute: 'offer-later' }) offerLater = false;
  @property({ type: Boolean }) readonly = false;

  @state() private saving = false;
  @state() private errors: Record<string, string[]> = {};
  @state() private message: { kind: 'notice' | 'alert'; text: string } | null = null;

  override render() {
    const m = this.media;
    const field = (name: keyof MediaTexts, label: string, hint: string | null, value: string | null | undefined, long = false) => {
      const errors = this.errors[name] ?? [];
      const describedBy = [hint ? `${name}-hint` : '', errors.length ? `${name}-error` : ''].filter(Boolean).join(' ');
      return html`
        <div class="field">
          <label for=${name}>${label}</label>
          ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing}
          ${long
            ? html`<textarea id=${name} name=${name} maxlength="1000" ?readonly=${this.readonly} aria-describedby=${describedBy || nothing}
                    aria-invalid=${errors.length ? 'true' : 'false'} .value=${value ?? ''}></textarea>`
            : html`<input type="text" id=${name} name=${name} maxlength=${name === 'alt' ? 300 : 200} ?readonly=${this.readonly}
                    ?required=${name === 'alt' && this.requireAlt} aria-describedby=${describedBy || nothing}
                    aria-invalid=${errors.length ? 'true' : 'false'} .value=${value ?? ''} />`}
          ${errors.map((e) => html`<p class="field-error" id="${name}-error">${e}</p>`)}
        </div>
      `;
    };
    return html`
      <form novalidate @submit=${this.save} aria-label=${mediaText.texts.legend}>
        ${this.message ? html`<div class=${this.message.kind} role=${this.message.kind === 'alert' ? 'alert' : 'status'}>${this.message.text}</div>` : nothing}
        ${field('alt', mediaText.texts.alt, mediaText.texts.altHint, m.alt)}
        ${field('credit', mediaText.texts.credit, mediaText.texts.creditHint, m.credit)}
        ${field('caption', mediaText.texts.caption, null, m.caption, true)}
        ${this.readonly
          ? nothing
          : html`
              <button type="submit" class="primary" ?disabled=${this.saving}>${this.saving ? mediaText.texts.saving : mediaText.texts.save}</button>
              ${this.offerLater
                ? html`<button type="button" @click=${() => this.dispatchEvent(new CustomEvent('vp-media-later', { bubbles: true, composed: true }))}>${mediaText.texts.later}</button>`
                : nothing}
            `}
      </form>
    `;
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const texts: MediaTexts = {
      alt: String(data.get('alt') ?? '').trim() || null,
      credit: String(data.get('credit') ?? '').trim() || null,
      caption: String(data.get('caption') ?? '').trim() || null,
    };
    if (this.requireAlt && !texts.alt) {
      this.errors = { alt: [mediaText.texts.altRequired] };
      this.message = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#alt')?.focus();
      return;
    }
    this.saving = true;
    this.errors = {};
    this.message = null;
    try {
      const saved = await this.api.update(this.media.id, this.etag, texts);
      this.media = saved.item;
      this.etag = saved.etag;
      this.message = { kind: 'notice', text: mediaText.texts.saved };
      this.dispatchEvent(new CustomEvent('vp-media-saved', { detail: { media: saved.item, etag: saved.etag }, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        const current = await this.api.get(this.media.id);
        this.media = current.item;
        this.etag = current.etag;
        this.message = { kind: 'alert', text: mediaText.texts.stale };
      } else {
        this.errors = error instanceof ApiError ? (error.problem.errors ?? {}) : {};
        this.message = { kind: 'alert', text: error instanceof ApiError && error.problem.detail ? error.problem.detail : mediaText.texts.failed };
      }
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-media-texts': VpMediaTexts;
  }
}
