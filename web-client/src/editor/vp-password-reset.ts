import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError, type Api } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import { checkNewPassword, fieldMessages, newPasswordFields } from './password-fields.js';
import { describeError, type ErrorText } from './problem-text.js';
import { problemLines } from './states.js';
import { shared } from './styles.js';

/**
 * The page of the one-time link an administrator hands over: the account's owner chooses a password with the
 * token. The token leaves the address bar as soon as it is read, so that it stays in no history.
 */
@customElement('vp-password-reset')
export class VpPasswordReset extends LitElement {
  static override styles = [shared];

  @property({ attribute: false }) api!: Api;
  @property() token = '';
  @state() private done = false;
  @state() private errors: Record<string, string | undefined> = {};
  @state() private alert: ErrorText | null = null;
  @state() private busy = false;
  @query('h1') private heading!: HTMLElement;
  private held = '';

  override connectedCallback() {
    super.connectedCallback();
    this.held = this.token;
    if (this.token) history.replaceState(null, '', '#/password-reset');
  }

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const p = fr.password;
    const token = this.held || this.token;
    return html`
      <h1 tabindex="-1">${p.resetTitle}</h1>
      ${this.done
        ? html`<p class="notice" role="status">${p.resetDone}</p><p><a href="#/">${p.signInLink}</a></p>`
        : !token
          ? html`<div class="alert" role="alert"><p>${p.resetMissing}</p></div>`
          : html`
              <p>${p.resetIntro}</p>
              <div class="alert" role="alert">${this.alert ? problemLines(this.alert) : nothing}</div>
              <form novalidate @submit=${this.submit}>
                ${newPasswordFields(this.errors)}
                <button type="submit" class="primary" ?disabled=${this.busy}>${p.reset}</button>
              </form>
            `}
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.alert = null;
    this.errors = checkNewPassword(data);
    if (Object.keys(this.errors).length === 0) {
      this.busy = true;
      try {
        await this.api.resetPassword(this.held || this.token, String(data.get('newPassword') ?? ''));
        this.done = true;
        await this.updateComplete;
        return this.focusHeading();
      } catch (error) {
        const fields = error instanceof ApiError ? fieldMessages(error.problem.errors) : {};
        // A spent or expired token is the link's fault, not the password's.
        if (fields.resetToken || (error instanceof ApiError && error.status === 400 && !fields.newPassword)) this.alert = { title: fr.password.resetRefused };
        else if (fields.newPassword) this.errors = { newPassword: fields.newPassword };
        else this.alert = describeError(error);
      } finally {
        this.busy = false;
      }
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-password-reset': VpPasswordReset;
  }
}
