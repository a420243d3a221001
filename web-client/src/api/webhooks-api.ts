/**
 * The webhooks' administration calls (admins only), through the shared {@link Transport}: the token, the retry
 * after a 401 and the problems are the transport's, as for every other call.
 */
import type { JsonOf, Transport, Versioned } from './client.js';
import type { paths } from './schema';

type Item = paths['/api/v1/manage/webhooks/{id}'];
type Deliveries = paths['/api/v1/manage/webhooks/{id}/deliveries']['get'];

export type WebhookPage = JsonOf<paths['/api/v1/manage/webhooks']['get']['responses'][200]>;
export type WebhookDetails = JsonOf<Item['get']['responses'][200]>;
/** What an administrator sets: URL, description, events, content types, enabled. */
export type WebhookSettings = JsonOf<NonNullable<paths['/api/v1/manage/webhooks']['post']['requestBody']>>;
/** The webhook and its signing secret, in the answers of a creation and a rotation only. */
export type WebhookWithSecret = JsonOf<paths['/api/v1/manage/webhooks']['post']['responses'][201]>;
export type WebhookEvent = WebhookDetails['events'][number];
export type DeliveryPage = JsonOf<Deliveries['responses'][200]>;
export type Delivery = DeliveryPage['items'][number];
export type DeliveryStatus = Delivery['status'];
export type DeliveryDetails = JsonOf<paths['/api/v1/manage/webhooks/{id}/deliveries/{deliveryId}']['get']['responses'][200]>;
export type DeliveryAttempt = DeliveryDetails['attemptLog'][number];

export type WebhooksApi = ReturnType<typeof createWebhooksApi>;

export function createWebhooksApi(transport: Transport) {
  const { client, call, versioned } = transport;
  const opt = (signal?: AbortSignal) => (signal ? { signal } : {});
  const id = (value: string) => ({ params: { path: { id: value } } });
  const delivery = (webhookId: string, deliveryId: string) => ({ params: { path: { id: webhookId, deliveryId } } });
  // If-Match is optional for a deletion and a rotation: sent when known, so that a stale screen gets a 412.
  const ifMatch = (etag?: string) => (etag ? { headers: { 'If-Match': etag } } : {});

  return {
    async list(cursor?: string, signal?: AbortSignal): Promise<WebhookPage> {
      const query = { limit: 50, ...(cursor ? { cursor } : {}) };
      return (await call(() => client.GET('/api/v1/manage/webhooks', { params: { query }, ...opt(signal) }))).data;
    },

    async get(webhookId: string, signal?: AbortSignal): Promise<Versioned<WebhookDetails>> {
      const { data, response } = await call(() => client.GET('/api/v1/manage/webhooks/{id}', { ...id(webhookId), ...opt(signal) }));
      return versioned(data, response);
    },

    /** The secret is in this answer only. */
    async create(settings: WebhookSettings): Promise<WebhookWithSecret> {
      return (await call(() => client.POST('/api/v1/manage/webhooks', { body: settings }))).data;
    },

    /** Replaces every setting (pausing is `enabled: false`); the secret stays. */
    async update(webhookId: string, etag: string, settings: WebhookSettings): Promise<Versioned<WebhookDetails>> {
      const { data, response } = await call(() =>
        client.PUT('/api/v1/manage/webhooks/{id}', { ...id(webhookId), headers: { 'If-Match': etag }, body: settings }),
      );
      return versioned(data, response);
    },

    async remove(webhookId: string, etag?: string): Promise<void> {
      await call(() => client.DELETE('/api/v1/manage/webhooks/{id}', { ...id(webhookId), ...ifMatch(etag) }));
    },

    /** A new secret, in this answer only; the former one still signs for a day. */
    async rotateSecret(webhookId: string, etag?: string): Promise<WebhookWithSecret> {
      return (await call(() => client.POST('/api/v1/manage/webhooks/{id}/secret', { ...id(webhookId), ...ifMatch(etag) }))).data;
    },

    /** Queues a `webhook.ping`: the answer is its delivery, pending until the dispatcher sends it. */
    async ping(webhookId: string): Promise<Delivery> {
      return (await call(() => client.POST('/api/v1/manage/webhooks/{id}/ping', id(webhookId)))).data;
    },

    async deliveries(webhookId: string, filter: { status?: DeliveryStatus; cursor?: string } = {}, signal?: AbortSignal): Promise<DeliveryPage> {
      const query = { limit: 20, ...(filter.status ? { status: filter.status } : {}), ...(filter.cursor ? { cursor: filter.cursor } : {}) };
      return (await call(() => client.GET('/api/v1/manage/webhooks/{id}/deliveries', { params: { path: { id: webhookId }, query }, ...opt(signal) }))).data;
    },

    /** One delivery with its payload and every attempt (status code, duration, error). */
    async delivery(webhookId: string, deliveryId: string, signal?: AbortSignal): Promise<DeliveryDetails> {
      return (await call(() => client.GET('/api/v1/manage/webhooks/{id}/deliveries/{deliveryId}', { ...delivery(webhookId, deliveryId), ...opt(signal) }))).data;
    },

    /** The same message again (same webhook-id and body); 409 while an attempt is under way. */
    async redeliver(webhookId: string, deliveryId: string): Promise<Delivery> {
      return (await call(() => client.POST('/api/v1/manage/webhooks/{id}/deliveries/{deliveryId}/redeliver', delivery(webhookId, deliveryId)))).data;
    },
  };
}
