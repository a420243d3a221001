import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import { checkNewPassword, fieldMessages, newPasswordFields } from './password-fields.js';
import { describeError, type ErrorText } from './problem-text.js';
import { problemLines } from './states.js';
import { shared } from './styles.js';
import type { Workspace } from './workspace.js';

/**
 * Everyone's own account: who they are, and a password change (which the API follows by ending every session,
 * this one included).
 *
 * @fires vp-password-changed - the session is over: the app asks to sign in again.
 */
@customElement('vp-account')
export class VpAccount extends LitElement {
  static override styles = [shared];

  @property({ attribute: false }) workspace!: Workspace;
  @state() private errors: Record<string, string | undefined> = {};
  @state() private alert: ErrorText | null = null;
  @state() private busy = false;
  @query('h1') private heading!: HTMLElement;

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const p = fr.password;
    const user = this.workspace.user;
    return html`
      <h1 tabindex="-1">${p.accountTitle}</h1>
      <p>${p.who(user.displayName, user.email, fr.roles.names[user.role] ?? user.role)}</p>
      <section class="panel" aria-labelledby="change-title">
        <h2 id="change-title">${p.changeTitle}</h2>
        <div class="alert" role="alert">${this.alert ? problemLines(this.alert) : nothing}</div>
        <form novalidate @submit=${this.submit}>
          <div class="field">
            <label for="currentPassword">${p.current}</label>
            <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required
              aria-invalid=${this.errors.currentPassword ? 'true' : 'false'} aria-describedby=${this.errors.currentPassword ? 'currentPassword-error' : nothing} />
            ${this.errors.currentPassword ? html`<p class="field-error" id="currentPassword-error">${this.errors.currentPassword}</p>` : nothing}
          </div>
          ${newPasswordFields(this.errors)}
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? p.changing : p.change}</button>
        </form>
      </section>
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.alert = null;
    this.errors = checkNewPassword(data);
    if (Object.keys(this.errors).length === 0) {
      this.busy = true;
      try {
        await this.workspace.api.changePassword(String(data.get('currentPassword') ?? ''), String(data.get('newPassword') ?? ''));
        form.reset();
        this.dispatchEvent(new CustomEvent('vp-password-changed', { bubbles: true, composed: true }));
        return;
      } catch (error) {
        this.errors = error instanceof ApiError ? fieldMessages(error.problem.errors) : {};
        if (!Object.keys(this.errors).length) this.alert = describeError(error);
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
    'vp-account': VpAccount;
  }
}
