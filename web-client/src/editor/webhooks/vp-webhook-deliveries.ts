import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Delivery, DeliveryDetails, DeliveryPage, DeliveryStatus, WebhooksApi } from '../../api/webhooks-api.js';
import { formatShort } from '../../content/time.js';
import { webhooksFr as w } from '../../i18n/fr-webhooks.js';
import { describeError, type ErrorText } from '../problem-text.js';
import { CursorPages } from '../cursor-pages.js';
import { failedState, loadingState, problemLines } from '../states.js';
import { shared } from '../styles.js';
import { codeOf, eventOf } from './webhook-text.js';

/** While a delivery is due this soon, the log asks again by itself, this often, this many times at most. */
const DUE_SOON_MS = 20_000;
const FOLLOW_MS = 1_000;
const FOLLOW_ROUNDS = 20;

/**
 * A webhook's delivery log (admins): each message with its state, last HTTP status, attempts and dates; its
 * attempts (status, duration, error, the receiver's answer) on demand; « Renvoyer » sends it again.
 */
@customElement('vp-webhook-deliveries')
export class VpWebhookDeliveries extends LitElement {
  static override styles = [
    shared,
    css`
      ol.attempts { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
      ol.attempts li { margin-bottom: 0.35rem; overflow-wrap: anywhere; }
      td button { margin: 0 0.25rem 0.25rem 0; }
    `,
  ];

  @property({ attribute: false }) api!: WebhooksApi;
  @property() webhookId = '';
  @state() private status: DeliveryStatus | '' = '';
  private pages = new CursorPages(this);
  @state() private attempts = new Map<string, DeliveryDetails | 'loading' | ErrorText>();
  @state() private notice = '';
  @state() private alert: ErrorText | null = null;
  private followRounds = 0;
  private followTimer: ReturnType<typeof setTimeout> | undefined;

  private page = new Task(this, {
    args: () => [this.api, this.webhookId, this.status, this.pages.cursor] as const,
    task: async ([api, id, status, cursor], { signal }) => {
      const page = await api.deliveries(id, { ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }, signal);
      this.followIfDue(page.items);
      return page;
    },
  });

  /** Asks the API again (after a ping, a redelivery), and follows what is about to be sent. */
  reload() {
    this.followRounds = 0;
    void this.page.run();
  }

  override disconnectedCallback() {
    clearTimeout(this.followTimer);
    super.disconnectedCallback();
  }

  override render() {
    return html`<section class="panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">${w.deliveriesTitle}</h2>
      <form class="filters" role="search" aria-label=${w.deliveriesTitle} @submit=${(e: Event) => { e.preventDefault(); this.reload(); }}>
        <div class="field">
          <label for="delivery-status">${w.statusFilter}</label>
          <select id="delivery-status" @change=${this.filter}>
            <option value="">${w.anyStatus}</option>
            ${Object.entries(w.deliveryStatuses).map(([v, label]) => html`<option value=${v} ?selected=${this.status === v}>${label}</option>`)}
          </select>
        </div>
        <button type="submit">${w.refresh}</button>
      </form>
      <p class="notice" role="status">${this.notice}</p>
      <div class="alert" role="alert">${this.alert ? problemLines(this.alert) : nothing}</div>
      ${this.page.render({
        initial: () => loadingState(w.deliveriesLoading),
        // While asking again, the page shown stays, the same elements: the focus stays on the button pressed.
        pending: () => (this.page.value ? this.renderPage(this.page.value) : loadingState(w.deliveriesLoading)),
        error: (error) => failedState(w.deliveriesError, error, () => this.page.run()),
        complete: (page) => this.renderPage(page),
      })}
    </section>`;
  }

  private renderPage(page: DeliveryPage) {
    return page.items.length === 0 && this.pages.first
      ? html`<p role="status">${w.deliveriesEmpty}</p>`
      : html`${this.renderTable(page.items)}${this.pages.render(page.next)}`;
  }

  private renderTable(deliveries: Delivery[]) {
    return html`<table class="cards">
      <caption>${w.deliveriesCaption}</caption>
      <thead><tr>
        <th scope="col">${w.colEvent}</th><th scope="col">${w.colStatus}</th><th scope="col">${w.colCode}</th>
        <th scope="col">${w.colAttempts}</th><th scope="col">${w.colAt}</th><th scope="col">${w.colActions}</th>
      </tr></thead>
      <tbody>
        ${deliveries.map((d) => {
          const event = eventOf(d);
          const when = formatShort(d.createdAt);
          const shown = this.attempts.get(d.id);
          return html`<tr data-id=${d.id} data-status=${d.status}>
            <td><strong>${event}</strong></td>
            <td data-label=${w.colStatus}>${w.deliveryStatuses[d.status]}${d.nextAttemptAt ? html`<span class="hint">${w.nextAttempt(formatShort(d.nextAttemptAt))}</span>` : nothing}${d.lastError ? html`<span class="hint">${d.lastError}</span>` : nothing}</td>
            <td data-label=${w.colCode}>${d.attempts ? codeOf(d.lastStatusCode) : '—'}</td>
            <td data-label=${w.colAttempts}>${d.attempts}</td>
            <td data-label=${w.colAt}>${when}${d.lastAttemptAt && formatShort(d.lastAttemptAt) !== when ? html`<span class="hint">${w.lastAttempt(formatShort(d.lastAttemptAt))}</span>` : nothing}</td>
            <td>
              <button type="button" aria-expanded=${shown ? 'true' : 'false'} aria-controls="attempts-${d.id}" aria-label=${shown ? w.hideAttemptsLabel(event, when) : w.attemptsLabel(event, when)}
                @click=${() => this.toggleAttempts(d)}>${shown ? w.hideAttempts : w.attempts}</button>
              <button type="button" aria-label=${w.redeliverLabel(event, when)} @click=${() => this.redeliver(d)}>${w.redeliver}</button>
              <div id="attempts-${d.id}">${shown ? this.renderAttempts(event, shown) : nothing}</div>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private renderAttempts(event: string, shown: DeliveryDetails | 'loading' | ErrorText) {
    if (shown === 'loading') return loadingState(w.attemptsLoading);
    if (!('attemptLog' in shown)) return html`<div class="alert" role="alert"><p>${w.attemptsError}</p>${problemLines(shown)}</div>`;
    if (!shown.attemptLog.length) return html`<p>${w.noAttempt}</p>`;
    return html`<ol class="attempts" aria-label=${w.attemptsCaption(event)}>
      ${shown.attemptLog.map((a) => html`<li>
        ${formatShort(a.at)} — ${codeOf(a.statusCode)} — ${w.colDuration.toLowerCase()} ${a.durationMs} ms
        ${a.error ? html`<br />${w.colError} : ${a.error}` : nothing}
        ${a.responseBody ? html`<br />${w.colAnswer} : <span class="secret">${a.responseBody}</span>` : nothing}
      </li>`)}
    </ol>`;
  }

  private filter(event: Event) {
    this.status = (event.target as HTMLSelectElement).value as DeliveryStatus | '';
    this.pages.reset();
  }

  private async toggleAttempts(delivery: Delivery) {
    const next = new Map(this.attempts);
    if (next.has(delivery.id)) {
      next.delete(delivery.id);
      this.attempts = next;
      return;
    }
    this.attempts = new Map(next.set(delivery.id, 'loading'));
    let shown: DeliveryDetails | ErrorText;
    try {
      shown = await this.api.delivery(this.webhookId, delivery.id);
    } catch (error) {
      shown = describeError(error);
    }
    if (this.attempts.has(delivery.id)) this.attempts = new Map(this.attempts).set(delivery.id, shown);
  }

  private async redeliver(delivery: Delivery) {
    this.notice = '';
    this.alert = null;
    try {
      await this.api.redeliver(this.webhookId, delivery.id);
      this.notice = w.redelivered(eventOf(delivery));
      // Attempts shown before are out of date now.
      const next = new Map(this.attempts);
      next.delete(delivery.id);
      this.attempts = next;
      this.reload();
    } catch (error) {
      this.alert = describeError(error);
    }
  }

  /** A delivery due within moments (a ping, a redelivery): ask again shortly, so that its result shows by itself. */
  private followIfDue(items: Delivery[]) {
    clearTimeout(this.followTimer);
    const soon = Date.now() + DUE_SOON_MS;
    const due = items.some((d) => d.status === 'pending' && (!d.nextAttemptAt || Date.parse(d.nextAttemptAt) < soon));
    if (due && this.followRounds < FOLLOW_ROUNDS && this.isConnected) {
      this.followRounds += 1;
      this.followTimer = setTimeout(() => void this.page.run(), FOLLOW_MS);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-webhook-deliveries': VpWebhookDeliveries;
  }
}
