import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError } from '../../api/client.js';
import { shared } from '../styles.js';
import { ACCEPTED_TYPES, precheck, thumbnailOf, type MediaApi, type MediaDetails } from './media-api.js';
import { mediaText } from './media-text.js';
import './vp-media-texts.js';

type Stage =
  | { name: 'idle'; message?: { kind: 'notice' | 'alert'; text: string } }
  | { name: 'uploading'; file: string; fraction: number; controller: AbortController }
  | { name: 'describe'; media: MediaDetails; etag: string; created: boolean };

/**
 * Drop an image (or choose one), watch it go up, then describe it: the alt text prompt comes as soon as the upload
 * is done, with "later" to skip it. The API checks the bytes; the declared type and the size are checked here only
 * to spare a doomed upload.
 *
 * @fires vp-media-uploaded - `{ media, etag, created }` when the API has the image (created false: it was already there).
 * @fires vp-media-ready - `{ media, etag }` when the editor has described it, or chose to do so later.
 */
@customElement('vp-media-upload')
export class VpMediaUpload extends LitElement {
  static override styles = [
    shared,
    css`
      .zone { border: 2px dashed #7b8577; border-radius: 8px; padding: 1.25rem; text-align: center; background: #f7f9f6; }
      .zone.over { border-color: var(--vp-green); background: var(--vp-info-bg); }
      .zone p { margin: 0.25rem 0; }
      .choose { text-decoration: underline; color: var(--vp-green-dark); cursor: pointer; font-weight: 600; display: inline; }
      progress { width: 100%; height: 1rem; }
      .describe { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 1rem; align-items: start; }
      .describe img { width: 100%; height: auto; border-radius: 4px; }
      @media (max-width: 40rem) { .describe { grid-template-columns: 1fr; } }
    `,
  ];

  @property({ attribute: false }) api!: MediaApi;
  @state() private stage: Stage = { name: 'idle' };
  @state() private over = false;

  override render() {
    const stage = this.stage;
    if (stage.name === 'uploading') {
      const percent = Math.round(stage.fraction * 100);
      return html`
        <div class="zone" aria-live="polite">
          <p id="progress-label">${mediaText.upload.progress(stage.file)}</p>
          <progress max="100" .value=${percent} aria-labelledby="progress-label"></progress>
          <p>${stage.fraction >= 1 ? mediaText.upload.processing : mediaText.upload.percent(percent)}</p>
          <button type="button" @click=${() => stage.controller.abort()}>${mediaText.upload.cancel}</button>
        </div>
      `;
    }
    if (stage.name === 'describe') {
      return html`
        <div class="notice" role="status">${stage.created ? mediaText.upload.done : mediaText.upload.duplicate}</div>
        <div class="describe">
          <img src=${thumbnailOf(stage.media)} alt="" width=${stage.media.width} height=${stage.media.height} />
          <vp-media-texts .api=${this.api} .media=${stage.media} .etag=${stage.etag} offer-later
            @vp-media-saved=${(e: CustomEvent<{ media: MediaDetails; etag: string }>) => this.ready(e.detail.media, e.detail.etag)}
            @vp-media-later=${() => this.ready(stage.media, stage.etag)}></vp-media-texts>
        </div>
      `;
    }
    return html`
      ${stage.message ? html`<div class=${stage.message.kind} role=${stage.message.kind === 'alert' ? 'alert' : 'status'}>${stage.message.text}</div>` : nothing}
      <div class="zone ${this.over ? 'over' : ''}" role="group" aria-label=${mediaText.upload.zone}
           @dragenter=${this.dragOver} @dragover=${this.dragOver} @dragleave=${() => (this.over = false)} @drop=${this.drop}>
        <p><strong>${mediaText.upload.drop}</strong> ${mediaText.upload.or}
          <label class="choose" for="file">${mediaText.upload.choose}</label></p>
        <input id="file" class="visually-hidden" type="file" accept=${ACCEPTED_TYPES.join(',')} @change=${this.chosen} />
        <p class="hint">${mediaText.upload.formats}</p>
      </div>
    `;
  }

  /** Uploads a file as if it had been dropped (for the rich-text editor's paste, say). */
  async upload(file: File): Promise<void> {
    const refused = precheck(file);
    if (refused) {
      this.stage = { name: 'idle', message: { kind: 'alert', text: refused === 'type' ? mediaText.upload.wrongType : mediaText.upload.tooLarge } };
      return;
    }
    const controller = new AbortController();
    this.stage = { name: 'uploading', file: file.name, fraction: 0, controller };
    try {
      const result = await this.api.upload(file, {}, {
        signal: controller.signal,
        onProgress: (fraction) => {
          if (this.stage.name === 'uploading') this.stage = { ...this.stage, fraction };
        },
      });
      this.dispatchEvent(new CustomEvent('vp-media-uploaded', { detail: { media: result.item, etag: result.etag, created: result.created }, bubbles: true, composed: true }));
      this.stage = { name: 'describe', media: result.item, etag: result.etag, created: result.created };
      await this.updateComplete;
      this.renderRoot.querySelector('vp-media-texts')?.renderRoot.querySelector<HTMLInputElement>('#alt')?.focus();
    } catch (error) {
      this.stage = { name: 'idle', message: { kind: 'alert', text: this.describe(error) } };
    }
  }

  private describe(error: unknown): string {
    if (error instanceof DOMException && error.name === 'AbortError') return mediaText.upload.cancelled;
    if (!(error instanceof ApiError)) return mediaText.upload.failed;
    if (error.kind === 'network') return mediaText.upload.network;
    return error.problem.errors?.file?.[0] ?? error.problem.detail ?? mediaText.upload.failed;
  }

  private ready(media: MediaDetails, etag: string) {
    this.stage = { name: 'idle' };
    this.dispatchEvent(new CustomEvent('vp-media-ready', { detail: { media, etag }, bubbles: true, composed: true }));
  }

  private dragOver(event: DragEvent) {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.over = true;
  }

  private drop(event: DragEvent) {
    event.preventDefault();
    this.over = false;
    const file = event.dataTransfer?.files?.[0];
    if (file) void this.upload(file);
  }

  private chosen(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.upload(file);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-media-upload': VpMediaUpload;
  }
}
