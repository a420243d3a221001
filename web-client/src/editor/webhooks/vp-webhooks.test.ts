import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.js';
import type { WebhooksApi } from '../../api/webhooks-api.js';
import { webhooksFr as w } from '../../i18n/fr-webhooks.js';
import { deep, settle } from '../media/media-test-helpers.js';
import { deliveryFixture, webhookFixture } from './webhook-test-helpers.js';
import './vp-webhooks.js';
import './vp-webhook-detail.js';
import type { VpWebhooks } from './vp-webhooks.js';
import type { VpWebhookDetail } from './vp-webhook-detail.js';

async function mount<T extends HTMLElement>(tag: string, api: Partial<WebhooksApi>, props: Record<string, unknown> = {}) {
  const el = document.createElement(tag) as T & { api: WebhooksApi };
  el.api = {
    list: vi.fn(async () => ({ items: [], next: null })),
    deliveries: vi.fn(async () => ({ items: [], next: null })),
    ...api,
  } as unknown as WebhooksApi;
  Object.assign(el, props);
  document.body.append(el);
  await settle(el);
  return el;
}

const button = (root: ShadowRoot, label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;

/** The element with the focus, through shadow roots. */
function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('vp-webhooks', () => {
  it('creates a webhook from the form and shows its secret once, focused, until put away', async () => {
    const hook = webhookFixture({ events: ['published'], contentTypes: ['fiche'] });
    const create = vi.fn(async () => ({ webhook: hook, secret: 'whsec_c2VjcmV0' }));
    const el = await mount<VpWebhooks>('vp-webhooks', { create });
    const form = deep(el, 'vp-webhook-form');
    form.querySelector<HTMLInputElement>('#new-webhook-url')!.value = 'https://miroir.example.org/vivapolis';
    form.querySelector<HTMLInputElement>('input[name=events][value=published]')!.checked = true;
    form.querySelector<HTMLInputElement>('input[name=contentTypes][value=fiche]')!.checked = true;
    form.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);

    expect(create).toHaveBeenCalledWith({ url: 'https://miroir.example.org/vivapolis', description: null, events: ['published'], contentTypes: ['fiche'], enabled: true });
    const secret = deep(el, 'vp-webhook-secret');
    expect(secret.querySelector<HTMLInputElement>('#webhook-secret')!.value).toBe('whsec_c2VjcmV0');
    expect(secret.textContent).toContain('vous ne le reverrez plus');
    expect(focused()?.id).toBe('webhook-secret');
    expect(form.querySelector<HTMLInputElement>('#new-webhook-url')!.value).toBe('');

    button(secret, w.done).click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('vp-webhook-secret')).toBeNull();
    expect(focused()?.tagName).toBe('H1');
  });

  it('puts each of the API’s messages beside its field, and the focus on the first', async () => {
    const create = vi.fn(async () => {
      throw new ApiError('http', {
        status: 400, title: 'Les données envoyées ne sont pas valides.',
        errors: { Url: ['L’adresse doit commencer par https://.'], contentTypes: ['Type de contenu inconnu.'] },
      });
    });
    const el = await mount<VpWebhooks>('vp-webhooks', { create });
    const form = deep(el, 'vp-webhook-form');
    form.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);

    const url = form.querySelector<HTMLInputElement>('#new-webhook-url')!;
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-describedby')).toContain('new-webhook-url-error');
    expect(form.querySelector('#new-webhook-url-error')!.textContent).toBe('L’adresse doit commencer par https://.');
    expect(form.querySelector('#new-webhook-contentTypes-error')!.textContent).toBe('Type de contenu inconnu.');
    expect(form.querySelector('#new-webhook-events-error')).toBeNull();
    expect(focused()).toBe(url);
  });

  it('lists each webhook with what it follows, its state and its last delivery', async () => {
    const paused = webhookFixture({ enabled: false, events: ['deleted'], lastFailureAt: '2026-12-01T09:00:00Z', health: 'failing', failingSince: '2026-12-01T09:00:00Z', lastError: 'HTTP 500' });
    const el = await mount<VpWebhooks>('vp-webhooks', { list: vi.fn(async () => ({ items: [paused], next: null })) });
    const row = el.shadowRoot!.querySelector(`tr[data-id="${paused.id}"]`)!;
    expect(row.querySelector('a')!.getAttribute('href')).toBe(`#/webhooks/${paused.id}`);
    expect(row.textContent).toContain('suppression — tous les types');
    expect(row.textContent).toContain(w.paused);
    expect(row.textContent).toContain('en échec depuis le');
    expect(row.textContent).toContain('HTTP 500');
  });
});

describe('vp-webhook-detail', () => {
  const hook = webhookFixture();
  const versioned = (item = hook, etag = '"1"') => ({ item, etag });

  it('pauses with the settings as they are and the ETag read, keeping the focus on the button', async () => {
    const update = vi.fn(async () => versioned({ ...hook, enabled: false, version: 2 }, '"2"'));
    const el = await mount<VpWebhookDetail>('vp-webhook-detail', { get: vi.fn(async () => versioned()), update }, { webhookId: hook.id });
    const pause = button(el.shadowRoot!, w.pause);
    pause.focus();
    pause.click();
    await settle(el);

    expect(update).toHaveBeenCalledWith(hook.id, '"1"', { url: hook.url, description: hook.description, events: [], contentTypes: [], enabled: false });
    expect(el.shadowRoot!.querySelector('[data-state]')!.textContent).toBe(w.paused);
    expect(el.shadowRoot!.querySelector('p.notice')!.textContent).toBe(w.pausedNotice);
    expect(focused()).toBe(pause);
    expect(pause.textContent).toBe(w.resume);
  });

  it('pings, then says what the receiver answered', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const queued = deliveryFixture();
    const delivered = deliveryFixture({ status: 'delivered', attempts: 1, lastStatusCode: 204 });
    const attempt = { number: 1, at: '2026-12-01T10:00:01Z', durationMs: 8, statusCode: 204, error: null, responseBody: null, nextRetryAt: null };
    const delivery = vi.fn(async () => ({ delivery: delivered, payload: {} as never, attemptLog: [attempt] }));
    const el = await mount<VpWebhookDetail>('vp-webhook-detail', {
      get: vi.fn(async () => versioned()), ping: vi.fn(async () => queued), delivery,
    }, { webhookId: hook.id });
    button(el.shadowRoot!, w.ping).click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('#ping-result')!.textContent).toBe(w.pingQueued);
    await vi.advanceTimersByTimeAsync(600);
    await settle(el);
    expect(delivery).toHaveBeenCalledWith(hook.id, queued.id);
    expect(el.shadowRoot!.querySelector('#ping-result')!.textContent).toBe('Ping reçu par le récepteur : HTTP 204 en 8 ms.');
    vi.useRealTimers();
  });

  it('shows the rotated secret once; a stale ETag reloads the webhook and says why', async () => {
    vi.stubGlobal('confirm', () => true);
    const rotated = { ...hook, version: 2, secretPrefix: 'whsec_NEW1', previousSecretExpiresAt: '2026-12-02T10:00:00Z' };
    const get = vi.fn(async () => versioned()).mockResolvedValueOnce(versioned()).mockResolvedValue(versioned(rotated, '"2"'));
    const rotateSecret = vi.fn(async () => ({ webhook: rotated, secret: 'whsec_bm91dmVhdQ==' }));
    const update = vi.fn(async () => {
      throw new ApiError('http', { status: 412, title: 'Précondition échouée' });
    });
    const el = await mount<VpWebhookDetail>('vp-webhook-detail', { get, rotateSecret, update }, { webhookId: hook.id });
    button(el.shadowRoot!, w.rotate).click();
    await settle(el);
    expect(rotateSecret).toHaveBeenCalledWith(hook.id, '"1"');
    const secret = deep(el, 'vp-webhook-secret');
    expect(secret.querySelector<HTMLInputElement>('#webhook-secret')!.value).toBe('whsec_bm91dmVhdQ==');
    expect(secret.textContent).toContain('L’ancien signe aussi jusqu’au');
    expect(el.shadowRoot!.querySelector('[data-secret-prefix]')!.textContent).toBe('whsec_NEW1…');

    button(el.shadowRoot!, w.pause).click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain(w.stale);
    expect(get).toHaveBeenCalledTimes(3);
  });

  it('redelivers a delivery from the log', async () => {
    const failed = deliveryFixture({ event: 'content.published', status: 'failed', attempts: 3, lastStatusCode: 500, nextAttemptAt: null });
    const redeliver = vi.fn(async () => ({ ...failed, status: 'pending' as const }));
    const el = await mount<VpWebhookDetail>('vp-webhook-detail', {
      get: vi.fn(async () => versioned()), deliveries: vi.fn(async () => ({ items: [failed], next: null })), redeliver,
    }, { webhookId: hook.id });
    const log = deep(el, 'vp-webhook-deliveries');
    const row = log.querySelector(`tr[data-id="${failed.id}"]`)!;
    expect(row.textContent).toContain('publication');
    expect(row.textContent).toContain('HTTP 500');
    button(log, w.redeliver).click();
    await settle(el);
    expect(redeliver).toHaveBeenCalledWith(hook.id, failed.id);
    expect(log.querySelector('p.notice')!.textContent).toBe(w.redelivered('publication'));
  });
});
