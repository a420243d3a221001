import { describe, expect, it } from 'vitest';
import { contentTypes } from '../../content/registry.js';
import { webhooksFr as w } from '../../i18n/fr-webhooks.js';
import { deliveryFixture, webhookFixture } from './webhook-test-helpers.js';
import { EVENTS, TYPES, eventOf, lastDeliveryOf, pingOutcomeOf, settingsFrom, settingsOf, subscriptionOf } from './webhook-text.js';

describe('what a webhook follows', () => {
  it('offers every kind of change of the contract and every type of the registry, by the API’s names', () => {
    expect(EVENTS).toEqual(['published', 'republished', 'slug_changed', 'unpublished', 'deleted', 'erased', 'withdrawn']);
    expect(TYPES).toEqual(contentTypes.map((t) => ({ name: t.typeName, label: t.names.many })));
    expect(TYPES.map((t) => t.name)).toContain('advertiser-contact');
  });

  it('says « everything » for empty lists, and names types as the menu does', () => {
    expect(subscriptionOf(webhookFixture())).toBe('tous les changements — tous les types');
    expect(subscriptionOf(webhookFixture({ events: ['published', 'unpublished'], contentTypes: ['fiche', 'advertiser-contact'] })))
      .toBe('publication, dépublication — Fiches, Contacts annonceurs');
  });

  it('reads a form into the request: trimmed, a blank description left out, the state kept', () => {
    const data = new FormData();
    data.set('url', '  https://r.example.org/hook ');
    data.set('description', '   ');
    data.append('events', 'published');
    data.append('contentTypes', 'fiche');
    data.append('contentTypes', 'event');
    expect(settingsOf(data, false)).toEqual({ url: 'https://r.example.org/hook', description: null, events: ['published'], contentTypes: ['fiche', 'event'], enabled: false });
  });

  it('sends a webhook’s settings back as they are, with one change (a pause)', () => {
    const hook = webhookFixture({ events: ['deleted'], contentTypes: ['article'] });
    expect(settingsFrom(hook, { enabled: false })).toEqual({
      url: hook.url, description: hook.description, events: ['deleted'], contentTypes: ['article'], enabled: false,
    });
  });
});

describe('what became of deliveries', () => {
  it('gives the latest of the last success and the last failure', () => {
    expect(lastDeliveryOf(webhookFixture())).toBe(w.noDelivery);
    expect(lastDeliveryOf(webhookFixture({ lastSuccessAt: '2026-12-01T10:00:00Z', lastFailureAt: '2026-12-01T09:00:00Z' }))).toMatch(/^réussie le /);
    expect(lastDeliveryOf(webhookFixture({ lastSuccessAt: '2026-12-01T08:00:00Z', lastFailureAt: '2026-12-01T09:00:00Z' }))).toMatch(/^échec le /);
  });

  it('names messages in words', () => {
    expect(eventOf(deliveryFixture())).toBe('ping');
    expect(eventOf(deliveryFixture({ event: 'content.slug_changed' }))).toBe('changement d’adresse (slug)');
    expect(eventOf(deliveryFixture({ event: 'content.something_new' }))).toBe('content.something_new');
  });

  it('tells a ping’s result once tried: received with its status and duration, or why not', () => {
    const attempt = { number: 1, at: '2026-12-01T10:00:01Z', durationMs: 12, statusCode: 200, error: null, responseBody: 'ok', nextRetryAt: null };
    expect(pingOutcomeOf({ delivery: deliveryFixture(), payload: { type: 'webhook.ping', timestamp: '', data: {} } as never, attemptLog: [] })).toBeNull();
    expect(pingOutcomeOf({ delivery: deliveryFixture({ status: 'delivered', attempts: 1, lastStatusCode: 200 }), payload: {} as never, attemptLog: [attempt] }))
      .toBe('Ping reçu par le récepteur : HTTP 200 en 12 ms.');
    expect(pingOutcomeOf({
      delivery: deliveryFixture({ attempts: 1, lastStatusCode: 503, lastError: 'HTTP 503 Service Unavailable' }), payload: {} as never,
      attemptLog: [{ ...attempt, statusCode: 503, error: 'HTTP 503 Service Unavailable' }],
    })).toBe('Le ping n’est pas passé : HTTP 503 Service Unavailable. Il sera retenté ; voyez le journal des livraisons.');
  });
});
