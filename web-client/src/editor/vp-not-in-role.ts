import { LitElement, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { fr } from '../i18n/fr.js';
import { shared } from './styles.js';

/**
 * Shown instead of a screen the signed-in role does not work on (sales on articles, an author on the users): a
 * page that says so and what the role is for, rather than a list that fails with 403.
 */
@customElement('vp-not-in-role')
export class VpNotInRole extends LitElement {
  static override styles = [shared];

  /** The account's role, as the token names it (not `role`: that is the element's ARIA role). */
  @property({ attribute: 'account-role' }) accountRole = '';
  @query('h1') private heading!: HTMLElement;

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    const t = fr.notInRole;
    return html`
      <h1 tabindex="-1">${t.title}</h1>
      <p>${t.body(fr.roles.names[this.accountRole] ?? this.accountRole, fr.roles.describe[this.accountRole] ?? '')}</p>
      <p>${t.ask}</p>
      <p><a href="#/">${t.home}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-not-in-role': VpNotInRole;
  }
}
