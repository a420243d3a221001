import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { requestBounds } from '../../api/bounds.js';
import type { WebhookSettings } from '../../api/webhooks-api.js';
import { webhooksFr as w } from '../../i18n/fr-webhooks.js';
import { shared } from '../styles.js';
import { EVENTS, TYPES, settingsOf } from './webhook-text.js';

/**
 * A webhook's settings (URL, description, events, content types), for its creation and its edit. Each problem
 * message shows beside its field; `enabled` is not a field here (pause and resume are actions of their own).
 *
 * @fires vp-webhook-submit - `detail`: the settings to send.
 */
@customElement('vp-webhook-form')
export class VpWebhookForm extends LitElement {
  static override styles = [
    shared,
    css`
      fieldset { border: 1px solid var(--vp-line); border-radius: 4px; margin: 0 0 1rem; padding: 0.5rem 0.75rem; }
      fieldset label { font-weight: 400; display: flex; gap: 0.4rem; align-items: baseline; margin: 0.2rem 0; }
      legend { font-weight: 600; padding: 0 0.25rem; }
    `,
  ];

  /** The settings to start from (an edit); a new webhook follows everything, enabled. */
  @property({ attribute: false }) settings: WebhookSettings | null = null;
  /** The API's messages, by field (`url`, `events`, `contentTypes`, `description`). */
  @property({ attribute: false }) errors: Record<string, string[]> = {};
  @property() submitLabel = '';
  /** Ids are made from it, so that the labels, hints and errors of two forms never meet. */
  @property({ attribute: 'id-prefix' }) idPrefix = 'webhook';

  /** After a refusal: the first field the API named. */
  focusFirstInvalid() {
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[data-invalid] input');
    invalid?.focus();
    return Boolean(invalid);
  }

  /** Empties the form (after a creation). */
  clear() {
    this.renderRoot.querySelector('form')?.reset();
  }

  override render() {
    const s = this.settings;
    const bounds = requestBounds.CreateWebhook;
    return html`<form @submit=${this.submit} novalidate>
      <div class="field">
        <label for="${this.idPrefix}-url">${w.url}</label>
        <span class="hint" id="${this.idPrefix}-url-hint">${w.urlHint}</span>
        <input id="${this.idPrefix}-url" name="url" type="url" autocomplete="off" required maxlength=${bounds.url.maxLength}
          .value=${s?.url ?? ''} aria-invalid=${this.invalid('url')} aria-describedby=${this.described('url', true)} />
        ${this.error('url')}
      </div>
      <div class="field">
        <label for="${this.idPrefix}-description">${w.description}</label>
        <span class="hint" id="${this.idPrefix}-description-hint">${w.descriptionHint}</span>
        <input id="${this.idPrefix}-description" name="description" type="text" autocomplete="off" maxlength=${bounds.description.maxLength}
          .value=${s?.description ?? ''} aria-invalid=${this.invalid('description')} aria-describedby=${this.described('description', true)} />
        ${this.error('description')}
      </div>
      ${this.choices('events', w.events, w.eventsHint, EVENTS.map((e) => ({ value: e, label: w.eventNames[e] })), s?.events ?? [])}
      ${this.choices('contentTypes', w.types, w.typesHint, TYPES.map((t) => ({ value: t.name, label: t.label })), s?.contentTypes ?? [])}
      <p><button type="submit" class="primary">${this.submitLabel}</button></p>
    </form>`;
  }

  /** A group of checkboxes; its problem message is part of the group's description, read on entering it. */
  private choices(name: string, legend: string, hint: string, options: { value: string; label: string }[], checked: readonly string[]) {
    return html`<fieldset aria-describedby=${this.described(name, true)} ?data-invalid=${Boolean(this.errors[name]?.length)}>
      <legend>${legend}</legend>
      <span class="hint" id="${this.idPrefix}-${name}-hint">${hint}</span>
      ${options.map((o) => html`<label><input type="checkbox" name=${name} value=${o.value} .checked=${checked.includes(o.value)} /> ${o.label}</label>`)}
      ${this.error(name)}
    </fieldset>`;
  }

  private invalid = (name: string) => (this.errors[name]?.length ? 'true' : 'false');

  private described(name: string, hint: boolean) {
    const ids = [hint ? `${this.idPrefix}-${name}-hint` : '', this.errors[name]?.length ? `${this.idPrefix}-${name}-error` : ''];
    return ids.filter(Boolean).join(' ') || nothing;
  }

  private error(name: string) {
    return this.errors[name]?.length ? html`<p class="field-error" id="${this.idPrefix}-${name}-error">${this.errors[name]!.join(' ')}</p>` : nothing;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const settings = settingsOf(new FormData(event.target as HTMLFormElement), this.settings?.enabled ?? true);
    this.dispatchEvent(new CustomEvent<WebhookSettings>('vp-webhook-submit', { detail: settings, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-webhook-form': VpWebhookForm;
  }
}
