import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { WebhookDetails, WebhookPage, WebhookSettings, WebhooksApi, WebhookWithSecret } from '../../api/webhooks-api.js';
import { webhooksFr as w } from '../../i18n/fr-webhooks.js';
import { describeError, fieldErrors, type ErrorText } from '../problem-text.js';
import { CursorPages } from '../cursor-pages.js';
import { failedState, loadingState, problemLines } from '../states.js';
import { shared } from '../styles.js';
import { healthOf, lastDeliveryOf, subscriptionOf } from './webhook-text.js';
import type { VpWebhookForm } from './vp-webhook-form.js';
import type { VpWebhookSecret } from './vp-webhook-secret.js';
import './vp-webhook-form.js';
import './vp-webhook-secret.js';

/** The hash of a webhook's own screen (its settings, actions and delivery log). */
export const webhookHref = (id: string) => `#/webhooks/${id}`;

/**
 * The webhooks (admins): where each sends, what it follows, whether it is paused and how its deliveries go; the
 * creation, whose signing secret is shown once.
 */
@customElement('vp-webhooks')
export class VpWebhooks extends LitElement {
  static override styles = [shared];

  @property({ attribute: false }) api!: WebhooksApi;
  @state() private notice = '';
  @state() private alert: ErrorText | null = null;
  @state() private errors: Record<string, string[]> = {};
  @state() private created: WebhookWithSecret | null = null;
  /** A creation is under way: a second submit waits for its end. */
  private busy = false;
  private pages = new CursorPages(this);
  @query('h1') private heading!: HTMLElement;
  @query('vp-webhook-form') private form!: VpWebhookForm;

  private webhooks = new Task(this, {
    args: () => [this.api, this.pages.cursor] as const,
    task: ([api, cursor], { signal }) => api.list(cursor, signal),
  });

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    return html`
      <h1 tabindex="-1">${w.title}</h1>
      <p>${w.intro}</p>
      <p class="notice" role="status">${this.notice}</p>
      <div class="alert" role="alert">${this.alert ? problemLines(this.alert) : nothing}</div>
      ${this.created
        ? html`<vp-webhook-secret .secret=${this.created.secret} @vp-secret-done=${this.forgetSecret}></vp-webhook-secret>
            <p><a href=${webhookHref(this.created.webhook.id)}>${w.open(this.created.webhook.url)}</a></p>`
        : nothing}
      <section class="panel" aria-labelledby="create-webhook-title">
        <h2 id="create-webhook-title">${w.createTitle}</h2>
        <vp-webhook-form id-prefix="new-webhook" submitLabel=${w.create} .errors=${this.errors} @vp-webhook-submit=${this.create}></vp-webhook-form>
      </section>
      ${this.webhooks.render({
        initial: () => loadingState(w.loading),
        // While asking again, the list shown stays, the same elements.
        pending: () => (this.webhooks.value ? this.renderPage(this.webhooks.value) : loadingState(w.loading)),
        error: (error) => failedState(w.error, error, () => this.webhooks.run()),
        complete: (page) => this.renderPage(page),
      })}
    `;
  }

  private renderPage(page: WebhookPage) {
    return page.items.length === 0 && this.pages.first
      ? html`<p role="status">${w.empty}</p>`
      : html`${this.renderTable(page.items)}${this.pages.render(page.next)}`;
  }

  private renderTable(webhooks: WebhookDetails[]) {
    return html`<table class="cards">
      <caption>${w.caption}</caption>
      <thead><tr>
        <th scope="col">${w.colUrl}</th><th scope="col">${w.colSends}</th><th scope="col">${w.colState}</th>
        <th scope="col">${w.colHealth}</th><th scope="col">${w.colLast}</th><th scope="col">${w.colPending}</th>
      </tr></thead>
      <tbody>
        ${webhooks.map((hook) => html`<tr data-id=${hook.id}>
          <td><a href=${webhookHref(hook.id)} class="secret">${hook.url}</a>${hook.description ? html`<span class="hint">${hook.description}</span>` : nothing}</td>
          <td data-label=${w.colSends}>${subscriptionOf(hook)}</td>
          <td data-label=${w.colState}>${hook.enabled ? w.active : html`<strong>${w.paused}</strong>`}</td>
          <td data-label=${w.colHealth}>${healthOf(hook)}${hook.lastError ? html`<span class="hint">${hook.lastError}</span>` : nothing}</td>
          <td data-label=${w.colLast}>${lastDeliveryOf(hook)}</td>
          <td data-label=${w.colPending}>${hook.pendingDeliveries}</td>
        </tr>`)}
      </tbody>
    </table>`;
  }

  private async create(event: CustomEvent<WebhookSettings>) {
    if (this.busy) return;
    this.notice = '';
    this.alert = null;
    this.errors = {};
    this.busy = true;
    try {
      this.created = await this.api.create(event.detail);
      this.notice = w.created(this.created.webhook.url);
      this.form.clear();
      void this.webhooks.run();
      await this.updateComplete;
      this.renderRoot.querySelector<VpWebhookSecret>('vp-webhook-secret')?.focus();
    } catch (error) {
      this.alert = describeError(error);
      this.errors = fieldErrors(error);
      await this.updateComplete;
      await this.form.updateComplete;
      // A field refused: the focus goes to it; any other problem is read from the alert, the focus stays put.
      this.form.focusFirstInvalid();
    } finally {
      this.busy = false;
    }
  }

  private async forgetSecret() {
    this.created = null;
    await this.updateComplete;
    this.focusHeading();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-webhooks': VpWebhooks;
  }
}
