import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ManagedItem, PreviewLink, ScheduleChange, Versioned } from '../api/client.js';
import type { Rights } from '../content/rights.js';
import { formatLong, instantOf, localInZone } from '../content/time.js';
import type { ContentTypeSpec } from '../content/types.js';
import { fr } from '../i18n/fr.js';
import { hrefOf } from './route.js';
import { copy, problemLines } from './states.js';
import { describeError, type ErrorText } from './problem-text.js';
import { shared } from './styles.js';
import type { Workspace } from './workspace.js';
import './vp-status-badge.js';

export type ItemAction = 'save' | 'submit' | 'publish' | 'unpublish' | 'discard' | 'delete' | 'erase' | 'schedule' | 'unschedule';

export interface ActionRequest {
  action: ItemAction;
  schedule?: ScheduleChange;
}

/**
 * The side panel of the editor: where the item stands (status, versions, who and when, by name), what can be done
 * to it now (its lifecycle, as the role allows), its schedule on the Paris clock, and preview links.
 *
 * @fires vp-action - `detail` is an {@link ActionRequest}; the editor runs it.
 */
@customElement('vp-item-panel')
export class VpItemPanel extends LitElement {
  static override styles = [
    shared,
    css`
      :host { display: block; }
      section { border-top: 1px solid var(--vp-line); padding-top: 0.75rem; margin-top: 0.75rem; }
      h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
      h3 { font-size: 1rem; margin: 0 0 0.5rem; }
      dl { margin: 0 0 1rem; font-size: 0.92rem; }
      dt { color: var(--vp-muted); font-size: 0.85rem; }
      dd { margin: 0 0 0.5rem; overflow-wrap: anywhere; }
      .actions { display: flex; flex-direction: column; gap: 0.5rem; }
      .link { overflow-wrap: anywhere; font-size: 0.9rem; }
      input[type='datetime-local'] { font: inherit; padding: 0.4rem; border: 1px solid #7b8577; border-radius: 4px; width: 100%; }
    `,
  ];

  @property({ attribute: false }) spec!: ContentTypeSpec;
  @property({ attribute: false }) workspace!: Workspace;
  @property({ attribute: false }) current: Versioned<ManagedItem> | null = null;
  @property({ attribute: false }) rights!: Rights;
  @property({ type: Boolean }) dirty = false;
  @property() busy: string | null = null;

  @state() private link: PreviewLink | null = null;
  @state() private linkNotice = '';
  @state() private linkError: ErrorText | null = null;
  @state() private minutes = 1440;

  override render() {
    const item = this.current?.item;
    return html`
      <h2>${fr.editor.meta.label}</h2>
      ${item ? this.renderMeta(item) : nothing}
      ${this.renderActions(item)}
      ${item && this.rights.manage ? this.renderSchedule(item) : nothing}
      ${item ? this.renderPreview() : nothing}
      ${item?.status === 'published'
        ? html`<p class="link"><a id="public-link" href=${this.workspace.api.deliveryUrl(this.spec.segment, item.slug, String((item.content as { locale?: string }).locale ?? 'fr'))} target="_blank" rel="noopener">${fr.editor.publicLink}</a></p>`
        : nothing}
    `;
  }

  private renderMeta(item: ManagedItem) {
    const m = fr.editor.meta;
    const name = this.workspace.nameOf;
    return html`<dl>
      <dt>${m.status}</dt>
      <dd><vp-status-badge status=${item.status} ?unpublished-changes=${item.hasUnpublishedChanges}></vp-status-badge></dd>
      <dt>${m.version}</dt><dd id="version">${item.version}</dd>
      <dt>${m.slug}</dt><dd id="current-slug">${item.slug}</dd>
      <dt>${m.created}</dt><dd>${m.by(formatLong(item.createdAt), name(item.createdBy))}</dd>
      <dt>${m.updated}</dt><dd>${m.by(formatLong(item.updatedAt), name(item.updatedBy))}</dd>
      ${item.publishedAt ? html`<dt>${m.published}</dt><dd>${formatLong(item.publishedAt)}</dd>` : nothing}
      ${item.publishAt ? html`<dt>${m.publishAt}</dt><dd id="publish-at">${formatLong(item.publishAt)}</dd>` : nothing}
      ${item.unpublishAt ? html`<dt>${m.unpublishAt}</dt><dd id="unpublish-at">${formatLong(item.unpublishAt)}</dd>` : nothing}
    </dl>`;
  }

  private renderActions(item: ManagedItem | undefined) {
    const a = fr.editor.actions;
    const r = this.rights;
    if (!r.edit && !r.manage) return nothing;
    const button = (action: ItemAction, label: string, options: { primary?: boolean; danger?: boolean; needsSaved?: boolean; hint?: string } = {}) => html`<button
      type="button" class=${options.primary ? 'primary' : options.danger ? 'danger' : ''} data-action=${action}
      ?disabled=${this.busy !== null || (options.needsSaved === true && this.dirty)}
      aria-describedby=${options.needsSaved && this.dirty ? 'save-first' : nothing}
      @click=${() => this.emit({ action })}>${this.busy === action ? a.saving : label}</button>`;
    const published = item?.status === 'published';
    return html`<div class="actions" role="group" aria-label=${a.label}>
      ${r.edit ? button('save', item ? a.save : a.create(this.spec.names), { primary: true }) : nothing}
      ${item && r.submit ? button('submit', a.submit, { needsSaved: true }) : nothing}
      ${item && r.manage && (!published || item.hasUnpublishedChanges)
        ? button('publish', item.hasUnpublishedChanges ? a.publishChanges : a.publish, { needsSaved: true })
        : nothing}
      ${item && r.manage && item.hasUnpublishedChanges ? button('discard', a.discard) : nothing}
      ${item && r.manage && published ? button('unpublish', a.unpublish) : nothing}
      ${item && r.manage ? button('delete', a.delete, { danger: true }) : nothing}
      ${item && r.manage && this.spec.desk === 'advertising' ? button('erase', a.erase, { danger: true }) : nothing}
      ${item ? html`<a href=${hrefOf.history(this.spec.segment, item.id)}>${a.history}</a>` : nothing}
    </div>
    ${this.dirty && item ? html`<p class="hint" id="save-first">${r.submit ? a.saveBeforeSubmit : a.saveFirst}</p>` : nothing}
    ${item && r.submit && !this.dirty ? html`<p class="hint">${a.submitHint}</p>` : nothing}`;
  }

  private renderSchedule(item: ManagedItem) {
    const s = fr.schedule;
    const scheduled = item.publishAt || item.unpublishAt;
    return html`<section aria-labelledby="schedule-title">
      <h3 id="schedule-title">${s.title}</h3>
      ${item.publishAt ? html`<p id="scheduled-publish">${s.current(s.publishes, formatLong(item.publishAt))}</p>` : nothing}
      ${item.unpublishAt ? html`<p id="scheduled-unpublish">${s.current(s.unpublishes, formatLong(item.unpublishAt))}</p>` : nothing}
      <form @submit=${this.schedule} novalidate>
        <p class="hint" id="schedule-hint">${s.intro}</p>
        <div class="field">
          <label for="publish-at-input">${s.publishAt}</label>
          <input id="publish-at-input" name="publishAt" type="datetime-local" aria-describedby="schedule-hint"
            .value=${item.publishAt ? localInZone(new Date(item.publishAt)) : ''} />
        </div>
        <div class="field">
          <label for="unpublish-at-input">${s.unpublishAt}</label>
          <input id="unpublish-at-input" name="unpublishAt" type="datetime-local" aria-describedby="schedule-hint"
            .value=${item.unpublishAt ? localInZone(new Date(item.unpublishAt)) : ''} />
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy !== null || this.dirty} aria-describedby=${this.dirty ? 'save-first' : nothing}>${s.save}</button>
          ${scheduled ? html`<button type="button" data-action="unschedule" ?disabled=${this.busy !== null} @click=${() => this.emit({ action: 'unschedule' })}>${s.cancel}</button>` : nothing}
        </div>
      </form>
    </section>`;
  }

  private renderPreview() {
    const p = fr.preview;
    return html`<section aria-labelledby="preview-title">
      <h3 id="preview-title">${p.title}</h3>
      <p class="hint">${p.intro}</p>
      <div class="field">
        <label for="preview-lifetime">${p.lifetime}</label>
        <select id="preview-lifetime" @change=${(e: Event) => (this.minutes = Number((e.target as HTMLSelectElement).value))}>
          ${Object.entries(p.lifetimes).map(([m, label]) => html`<option value=${m} ?selected=${Number(m) === this.minutes}>${label}</option>`)}
        </select>
      </div>
      <button type="button" @click=${this.createLink}>${p.create}</button>
      <div class="alert" role="alert">${this.linkError ? problemLines(this.linkError) : nothing}</div>
      ${this.link
        ? html`<div class="field">
            <label for="preview-url">${p.link}</label>
            <input id="preview-url" type="text" readonly .value=${this.workspace.api.absolute(this.link.url)} aria-describedby="preview-expiry"
              @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
            <span class="hint" id="preview-expiry">${p.expires(formatLong(this.link.expiresAt))}</span>
            <div class="actions">
              <button type="button" id="copy-preview" @click=${this.copyLink}>${p.copy}</button>
              <a href=${this.workspace.api.absolute(this.link.url)} target="_blank" rel="noopener">${p.open}</a>
            </div>
          </div>`
        : nothing}
      <p class="notice" role="status">${this.linkNotice}</p>
    </section>`;
  }

  private schedule(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const at = (name: string) => instantOf(String(data.get(name) ?? '')) ?? undefined;
    const change: ScheduleChange = {};
    const publishAt = at('publishAt');
    const unpublishAt = at('unpublishAt');
    if (publishAt) change.publishAt = publishAt;
    if (unpublishAt) change.unpublishAt = unpublishAt;
    this.emit({ action: 'schedule', schedule: change });
  }

  private async createLink() {
    const item = this.current?.item;
    if (!item) return;
    this.linkError = null;
    this.linkNotice = '';
    try {
      this.link = await this.workspace.api.content(this.spec.segment).preview(item.id, this.minutes);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#preview-url')?.focus();
    } catch (error) {
      this.linkError = describeError(error);
    }
  }

  private async copyLink() {
    if (!this.link) return;
    this.linkNotice = (await copy(this.workspace.api.absolute(this.link.url))) ? fr.preview.copied : fr.preview.copyFailed;
  }

  /** A new item (another one opened, or saved): its links are not this one's. */
  forgetLink() {
    this.link = null;
    this.linkNotice = '';
    this.linkError = null;
  }

  /** Gives the focus back to the button of an action, when it is still there (else to the first action); false when none is left. */
  focusAction(action: string): boolean {
    const target =
      this.renderRoot.querySelector<HTMLElement>(`[data-action="${action}"]:not([disabled])`) ??
      this.renderRoot.querySelector<HTMLElement>('.actions button:not([disabled]), .actions a');
    target?.focus();
    return Boolean(target);
  }

  private emit(detail: ActionRequest) {
    this.dispatchEvent(new CustomEvent<ActionRequest>('vp-action', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-item-panel': VpItemPanel;
  }
  interface HTMLElementEventMap {
    'vp-action': CustomEvent<ActionRequest>;
  }
}
