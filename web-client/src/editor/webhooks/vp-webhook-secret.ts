import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { webhooksFr as w } from '../../i18n/fr-webhooks.js';
import { copy } from '../states.js';
import { shared } from '../styles.js';

/**
 * A signing secret, shown this once (after a creation or a rotation): selected on focus, a copy button, and the
 * button that puts it away for good.
 *
 * @fires vp-secret-done - the administrator has the secret; the parent forgets it.
 */
@customElement('vp-webhook-secret')
export class VpWebhookSecret extends LitElement {
  static override styles = [shared];

  @property() secret = '';
  /** Why it is shown, and for how long the former one still signs (a rotation). */
  @property() intro = w.secretIntro;
  @state() private copied = '';

  /** The secret itself gets the focus: the next thing to do is to copy it. */
  override focus() {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input')?.focus());
  }

  override render() {
    return html`<section class="panel" aria-labelledby="secret-title">
      <h2 id="secret-title">${w.secretTitle}</h2>
      <p id="secret-intro"><strong>${this.intro}</strong></p>
      <div class="field">
        <label for="webhook-secret">${w.secretTitle}</label>
        <input id="webhook-secret" type="text" readonly class="secret" .value=${this.secret} aria-describedby="secret-intro"
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
      </div>
      <button type="button" @click=${async () => (this.copied = (await copy(this.secret)) ? w.copied : w.copyFailed)}>${w.copy}</button>
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('vp-secret-done', { bubbles: true, composed: true }))}>${w.done}</button>
      <p class="notice" role="status">${this.copied}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-webhook-secret': VpWebhookSecret;
  }
}
