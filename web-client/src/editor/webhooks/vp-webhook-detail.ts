import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { ApiError, type Versioned } from '../../api/client.js';
import type { WebhookDetails, WebhookSettings, WebhooksApi } from '../../api/webhooks-api.js';
import { formatShort } from '../../content/time.js';
import { webhooksFr as w } from '../../i18n/fr-webhooks.js';
import { describeError, fieldErrors, type ErrorText } from '../problem-text.js';
import { failedState, loadingState, problemLines } from '../states.js';
import { shared } from '../styles.js';
import { healthOf, lastDeliveryOf, pingOutcomeOf, settingsFrom, subscriptionOf } from './webhook-text.js';
import type { VpWebhookDeliveries } from './vp-webhook-deliveries.js';
import type { VpWebhookForm } from './vp-webhook-form.js';
import type { VpWebhookSecret } from './vp-webhook-secret.js';
import './vp-webhook-deliveries.js';
import './vp-webhook-form.js';
import './vp-webhook-secret.js';

/** How long a ping's result is waited for on screen (the dispatcher sends it within a moment). */
const PING_WAIT_MS = 15_000;
const PING_POLL_MS = 500;

/**
 * One webhook (admins): its state, the ping and its result, pause and resume, the secret's rotation (the new one
 * shown once), its deletion, its settings and its delivery log.
 *
 * @fires vp-navigate - after the deletion, back to the list with a notice.
 */
@customElement('vp-webhook-detail')
export class VpWebhookDetail extends LitElement {
  static override styles = [
    shared,
    css`
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 0.75rem; margin: 0 0 1rem; }
      dt { color: var(--vp-muted); }
      dd { margin: 0; overflow-wrap: anywhere; }
      h1 { overflow-wrap: anywhere; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-bottom: 1rem; }
      @media (max-width: 40rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.4rem; } }
    `,
  ];

  @property({ attribute: false }) api!: WebhooksApi;
  @property() webhookId = '';
  @property({ attribute: false }) nameOf: (email: string | null | undefined) => string = (e) => e ?? '';
  @state() private current: Versioned<WebhookDetails> | null = null;
  @state() private notice = '';
  @state() private pingResult = '';
  @state() private alert: ErrorText | null = null;
  @state() private errors: Record<string, string[]> = {};
  @state() private secret: { value: string; intro: string } | null = null;
  /** An action is under way: another waits for its end (a double click sends one request). */
  private busy = false;
  @query('h1') private heading!: HTMLElement;

  private webhook = new Task(this, {
    args: () => [this.api, this.webhookId] as const,
    task: async ([api, id], { signal }) => (this.current = await api.get(id, signal)),
  });

  focusHeading() {
    this.heading?.focus();
  }

  override render() {
    // One heading whatever the state, so that the focus given on arrival stays on it once the webhook is loaded.
    return html`
      <p><a href="#/webhooks">← ${w.back}</a></p>
      <h1 tabindex="-1">${w.detailTitle}${this.current ? ` ${this.current.item.url}` : ''}</h1>
      ${this.webhook.render({
        initial: () => loadingState(w.detailLoading),
        pending: () => (this.current ? this.renderWebhook(this.current.item) : loadingState(w.detailLoading)),
        error: (error) => failedState(w.detailError, error, () => this.webhook.run()),
        complete: () => this.renderWebhook(this.current!.item),
      })}
    `;
  }

  private renderWebhook(hook: WebhookDetails) {
    return html`
      <p class="notice" role="status">${this.notice}</p>
      <div class="alert" role="alert">${this.alert ? problemLines(this.alert) : nothing}</div>
      ${this.secret
        ? html`<vp-webhook-secret .secret=${this.secret.value} intro=${this.secret.intro} @vp-secret-done=${this.forgetSecret}></vp-webhook-secret>`
        : nothing}
      <section class="panel" aria-labelledby="summary-title">
        <h2 id="summary-title">${w.summary}</h2>
        <dl>
          <dt>${w.colState}</dt><dd data-state>${hook.enabled ? w.active : html`<strong>${w.paused}</strong>`}</dd>
          <dt>${w.colSends}</dt><dd>${subscriptionOf(hook)}${hook.description ? html`<br />${hook.description}` : nothing}</dd>
          <dt>${w.colHealth}</dt><dd>${healthOf(hook)}</dd>
          ${hook.lastError ? html`<dt>${w.lastError}</dt><dd>${hook.lastError}</dd>` : nothing}
          <dt>${w.colLast}</dt><dd>${lastDeliveryOf(hook)}</dd>
          <dt>${w.colPending}</dt><dd>${hook.pendingDeliveries}</dd>
          <dt>${w.secretPrefix}</dt>
          <dd><span class="secret" data-secret-prefix>${hook.secretPrefix}…</span>${hook.previousSecretExpiresAt ? html` (${w.previousSecret(formatShort(hook.previousSecretExpiresAt))})` : nothing}</dd>
          <dt>${w.history}</dt>
          <dd>${w.createdBy(formatShort(hook.createdAt), this.nameOf(hook.createdBy))}<br />${w.updatedBy(formatShort(hook.updatedAt), this.nameOf(hook.updatedBy))}</dd>
        </dl>
        <div class="actions" role="group" aria-label=${w.actions}>
          <button type="button" class="primary" @click=${this.ping}>${w.ping}</button>
          <button type="button" @click=${this.togglePause}>${hook.enabled ? w.pause : w.resume}</button>
          <button type="button" @click=${this.rotate}>${w.rotate}</button>
          <button type="button" class="danger" @click=${this.deleteWebhook}>${w.remove}</button>
        </div>
        <p class="notice" role="status" id="ping-result">${this.pingResult}</p>
      </section>
      <section class="panel" aria-labelledby="settings-title">
        <h2 id="settings-title">${w.settingsTitle}</h2>
        <vp-webhook-form id-prefix="webhook" submitLabel=${w.save} .settings=${settingsFrom(hook)} .errors=${this.errors} @vp-webhook-submit=${this.save}></vp-webhook-form>
      </section>
      <vp-webhook-deliveries .api=${this.api} webhookId=${hook.id}></vp-webhook-deliveries>
    `;
  }

  private async ping() {
    const queued = await this.act(async () => {
      this.pingResult = '';
      const delivery = await this.api.ping(this.webhookId);
      this.pingResult = w.pingQueued;
      this.deliveries?.reload();
      return delivery;
    });
    if (queued) await this.followPing(queued.id);
  }

  /** The dispatcher sends a ping within a moment: its first attempt is followed here, the rest in the log. */
  private async followPing(deliveryId: string) {
    const deadline = Date.now() + PING_WAIT_MS;
    let outcome: string | null = null;
    while (!outcome && Date.now() < deadline && this.isConnected) {
      await new Promise((r) => setTimeout(r, PING_POLL_MS));
      outcome = await this.api.delivery(this.webhookId, deliveryId).then(pingOutcomeOf, () => null);
    }
    this.pingResult = outcome ?? w.pingWaiting;
    this.deliveries?.reload();
    await this.refresh();
  }

  private togglePause() {
    const hook = this.current!;
    const enabled = !hook.item.enabled;
    return this.act(async () => {
      this.current = await this.api.update(this.webhookId, hook.etag, settingsFrom(hook.item, { enabled }));
      this.notice = enabled ? w.resumedNotice : w.pausedNotice;
    });
  }

  private rotate() {
    if (!window.confirm(w.confirmRotate)) return;
    return this.act(async () => {
      const rotated = await this.api.rotateSecret(this.webhookId, this.current?.etag);
      const until = rotated.webhook.previousSecretExpiresAt;
      this.secret = { value: rotated.secret, intro: until ? w.rotatedIntro(formatShort(until)) : w.secretIntro };
      await this.updateComplete;
      this.renderRoot.querySelector<VpWebhookSecret>('vp-webhook-secret')?.focus();
      await this.refresh();
    });
  }

  private deleteWebhook() {
    const hook = this.current!;
    if (!window.confirm(w.confirmRemove(hook.item.url))) return;
    return this.act(async () => {
      await this.api.remove(this.webhookId, hook.etag);
      this.dispatchEvent(new CustomEvent('vp-navigate', {
        detail: { path: '#/webhooks', notice: w.removed(hook.item.url) }, bubbles: true, composed: true,
      }));
    });
  }

  private async save(event: CustomEvent<WebhookSettings>) {
    const form = event.target as VpWebhookForm;
    this.errors = {};
    await this.act(async () => {
      this.current = await this.api.update(this.webhookId, this.current!.etag, event.detail);
      this.notice = w.saved;
    });
    if (Object.keys(this.errors).length) {
      await this.updateComplete;
      await form.updateComplete;
      form.focusFirstInvalid();
    }
  }

  /**
   * One action at a time: its notice or its problem (a 412 reloads the webhook and says so; field messages go to
   * the form). Buttons are never disabled meanwhile, so that the focus stays on the one that was pressed.
   */
  private async act<T>(run: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.notice = '';
    this.alert = null;
    this.busy = true;
    try {
      return await run();
    } catch (error) {
      this.alert = error instanceof ApiError && error.status === 412 ? { title: w.stale } : describeError(error);
      this.errors = fieldErrors(error);
      if (error instanceof ApiError && (error.status === 412 || error.status === 404)) await this.refresh();
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  private async refresh() {
    try {
      this.current = await this.api.get(this.webhookId);
    } catch {
      void this.webhook.run();
    }
  }

  private get deliveries() {
    return this.renderRoot.querySelector<VpWebhookDeliveries>('vp-webhook-deliveries');
  }

  private async forgetSecret() {
    this.secret = null;
    await this.updateComplete;
    this.focusHeading();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vp-webhook-detail': VpWebhookDetail;
  }
}
