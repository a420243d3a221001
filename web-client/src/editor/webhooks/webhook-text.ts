/**
 * What the webhooks screens say about a webhook and its deliveries, and the settings their forms send: plain
 * functions, so that the words and the request are tested without a browser.
 */
import type { Delivery, DeliveryDetails, WebhookDetails, WebhookSettings } from '../../api/webhooks-api.js';
import { contentTypes, specOfTypeName } from '../../content/registry.js';
import { formatShort } from '../../content/time.js';
import { webhooksFr as w } from '../../i18n/fr-webhooks.js';

/** The kinds of change a webhook can follow, in the contract's order. */
export const EVENTS = Object.keys(w.eventNames) as (keyof typeof w.eventNames)[];

/** The content types a webhook can follow: the editor's registry, by the names the API gives them. */
export const TYPES = contentTypes.map((t) => ({ name: t.typeName, label: t.names.many }));

/** The settings a webhook form holds: blank description left out, `enabled` as given (the form does not show it). */
export function settingsOf(data: FormData, enabled: boolean): WebhookSettings {
  const description = String(data.get('description') ?? '').trim();
  return {
    url: String(data.get('url') ?? '').trim(),
    description: description || null,
    events: data.getAll('events').map(String),
    contentTypes: data.getAll('contentTypes').map(String),
    enabled,
  };
}

/** A webhook's settings as they are, to send back with one change (pause, resume). */
export const settingsFrom = (webhook: WebhookDetails, change: Partial<WebhookSettings> = {}): WebhookSettings => ({
  url: webhook.url,
  description: webhook.description ?? null,
  events: [...webhook.events],
  contentTypes: [...webhook.contentTypes],
  enabled: webhook.enabled,
  ...change,
});

/** « publication, dépublication — Fiches » ; empty lists mean everything. */
export function subscriptionOf(webhook: Pick<WebhookDetails, 'events' | 'contentTypes'>): string {
  const events = webhook.events.length ? webhook.events.map((e) => w.eventNames[e] ?? e).join(', ') : w.allEvents;
  const types = webhook.contentTypes.length
    ? webhook.contentTypes.map((t) => specOfTypeName(t)?.names.many ?? t).join(', ')
    : w.allTypes;
  return w.sends(events, types);
}

/** The latest of the last success and the last failure. */
export function lastDeliveryOf(webhook: Pick<WebhookDetails, 'lastSuccessAt' | 'lastFailureAt'>): string {
  const { lastSuccessAt: ok, lastFailureAt: ko } = webhook;
  if (ok && (!ko || ok >= ko)) return w.lastSuccess(formatShort(ok));
  if (ko) return w.lastFailure(formatShort(ko));
  return w.noDelivery;
}

export const healthOf = (webhook: Pick<WebhookDetails, 'health' | 'failingSince'>): string =>
  webhook.health === 'failing' && webhook.failingSince ? w.failingSince(formatShort(webhook.failingSince)) : w.healthy;

/** A delivery's message, in words: `webhook.ping` is « ping », `content.published` « publication ». */
export function eventOf(delivery: Pick<Delivery, 'event'>): string {
  if (delivery.event === 'webhook.ping') return w.pingEvent;
  const kind = delivery.event.replace(/^content\./, '') as keyof typeof w.eventNames;
  return w.eventNames[kind] ?? delivery.event;
}

export const codeOf = (code: number | null | undefined): string => (code == null ? w.noAnswer : w.httpCode(code));

/**
 * What became of a ping, once its first attempt is made: received (with the status and the duration), or why not.
 * Null while it has not been tried.
 */
export function pingOutcomeOf(details: DeliveryDetails): string | null {
  const { delivery, attemptLog } = details;
  const last = attemptLog.at(-1);
  if (delivery.status === 'delivered') {
    return w.pingDelivered(codeOf(last?.statusCode ?? delivery.lastStatusCode), last ? w.inMs(last.durationMs) : '');
  }
  if (delivery.attempts === 0 || !last) return null;
  return w.pingFailed(delivery.lastError ?? last.error ?? codeOf(last.statusCode));
}
