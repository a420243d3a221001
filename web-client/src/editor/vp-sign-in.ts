import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError, type Api, type TokenResponse } from '../api/client.js';
import { fr } from '../i18n/fr.js';
import { describeError, type ErrorText } from './problem-text.js';
import { shared } from './styles.js';

/**
 * The sign-in form.
 *
 * @fires vp-signed-in - `detail` is the API's TokenResponse.
 */
@customElement('vp-sign-in')
export class VpSignIn extends LitElement {
  static override styles = [shared];

  @property({ attribute: false }) api!: Api;
  /** A message to show above the form, e.g. that the session expired. */
  @property() message = '';

  @state() private busy = false;
  @state() private error: ErrorText | null = null;
  @state() private fieldErrors: { email?: string[]; password?: string[] } = {};

  @query('h1') private heading!: HTMLElement;

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const fe = this.fieldErrors;
    return html`
      <h1 tabindex="-1">${fr.auth.title}</h1>
      <p class="notice" role="status">${this.message}</p>
      <!-- No whitespace inside the alert: it must stay :empty (hidden) until there is an error. -->
      <div class="alert" role="alert">${this.error
          ? html`<p><strong>${this.error.title}</strong></p>
              ${this.error.detail ? html`<p>${this.error.detail}</p>` : nothing}`
          : nothing}</div>
      <p>${fr.auth.intro}</p>
      <form novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
        <div class="field">
          <label for="email">${fr.auth.email}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            aria-invalid=${fe.email ? 'true' : 'false'}
            aria-describedby=${fe.email ? 'email-error' : nothing}
          />
          ${fe.email ? html`<p class="field-error" id="email-error">${fe.email.join(' ')}</p>` : nothing}
        </div>
        <div class="field">
          <label for="password">${fr.auth.password}</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-invalid=${fe.password ? 'true' : 'false'}
            aria-describedby=${fe.password ? 'password-error' : nothing}
          />
          ${fe.password ? html`<p class="field-error" id="password-error">${fe.password.join(' ')}</p>` : nothing}
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${this.busy ? fr.auth.submitting : fr.auth.submit}
        </button>
      </form>
      <p class="hint">${fr.auth.forgotten}</p>
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.busy = true;
    this.error = null;
    this.fieldErrors = {};
    try {
      const token: TokenResponse = await this.api.signIn(String(data.get('email') ?? ''), String(data.get('password') ?? ''));
      form.reset();
      this.dispatchEvent(new CustomEvent<TokenResponse>('vp-signed-in', { detail: token, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        // The API's wording may vary; this one tells the editor what to do.
        this.error = { title: fr.auth.badCredentials };
      } else if (error instanceof ApiError && error.status === 429) {
        // Too many failures for this address, or for this network: the API's detail says how long to wait.
        // No automatic retry: the editor reads how long to wait and decides when to try again.
        const detail = error.problem.detail ?? error.problem.title;
        this.error = detail ? { title: fr.auth.tooManyAttempts, detail } : { title: fr.auth.tooManyAttempts };
      } else {
        this.error = describeError(error);
        if (error instanceof ApiError && error.problem.errors) {
          const errors = error.problem.errors;
          const pick = (name: string) => Object.entries(errors).find(([k]) => k.toLowerCase() === name)?.[1];
          this.fieldErrors = { email: pick('email'), password: pick('password') };
        }
      }
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[aria-invalid="true"], #email')?.focus();
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-sign-in': VpSignIn;
  }
  interface HTMLElementEventMap {
    'vp-signed-in': CustomEvent<TokenResponse>;
  }
}
