import { LitElement, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { fr } from '../i18n/fr.js';
import { shared } from './styles.js';

/** What an unknown address shows, instead of silently showing another page. */
@customElement('vp-not-found')
export class VpNotFound extends LitElement {
  static override styles = [shared];
  @query('h1') private heading!: HTMLElement;

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    return html`<h1 tabindex="-1">${fr.notFound.title}</h1>
      <p>${fr.notFound.body}</p>
      <p><a href="#/">${fr.notFound.home}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-not-found': VpNotFound;
  }
}
