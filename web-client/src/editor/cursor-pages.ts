import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { fr } from '../i18n/fr.js';

/**
 * Cursor paging as the API's lists have it (`next`, passed back as `cursor`): the cursor of the page shown, the
 * ones before it for « Page précédente », and the pager's buttons. The host's task reads `cursor` in its args.
 */
export class CursorPages implements ReactiveController {
  cursor: string | undefined;
  private before: (string | undefined)[] = [];

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {}

  get first() {
    return this.before.length === 0;
  }

  /** Back to the first page (a new filter). */
  reset() {
    this.before = [];
    this.cursor = undefined;
    this.host.requestUpdate();
  }

  /** « Page précédente » and « Page suivante », as far as there are pages. */
  render(next: string | null | undefined) {
    return html`<nav class="pager" aria-label=${fr.list.pagination}>
      ${this.before.length ? html`<button type="button" @click=${this.previous}>${fr.list.previous}</button>` : nothing}
      ${next ? html`<button type="button" @click=${() => this.forward(next)}>${fr.list.next}</button>` : nothing}
    </nav>`;
  }

  private previous = () => {
    this.cursor = this.before.at(-1);
    this.before = this.before.slice(0, -1);
    this.host.requestUpdate();
  };

  private forward(next: string) {
    this.before = [...this.before, this.cursor];
    this.cursor = next;
    this.host.requestUpdate();
  }
}
