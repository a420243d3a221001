/** Fixtures shared by the webhooks screens' unit tests. */
import type { Delivery, WebhookDetails } from '../../api/webhooks-api.js';

export function webhookFixture(over: Partial<WebhookDetails> = {}): WebhookDetails {
  return {
    id: '0193c5a2-7b1e-7cc0-9d1a-4f2b8e6a5c31',
    url: 'https://miroir.example.org/vivapolis',
    description: 'Miroir de l’Institut',
    events: [],
    contentTypes: [],
    enabled: true,
    health: 'healthy',
    failingSince: null,
    consecutiveFailures: 0,
    lastError: null,
    lastSuccessAt: null,
    lastFailureAt: null,
    pendingDeliveries: 0,
    secretPrefix: 'whsec_MfKQ',
    previousSecretExpiresAt: null,
    version: 1,
    createdAt: '2026-12-01T09:00:00+00:00',
    createdBy: 'admin@example.org',
    updatedAt: '2026-12-01T09:00:00+00:00',
    updatedBy: 'admin@example.org',
    ...over,
  };
}

export function deliveryFixture(over: Partial<Delivery> = {}): Delivery {
  return {
    id: '0193c5a2-7b1e-7cc0-9d1a-000000000001',
    webhookId: '0193c5a2-7b1e-7cc0-9d1a-4f2b8e6a5c31',
    event: 'webhook.ping',
    position: null,
    status: 'pending',
    attempts: 0,
    createdAt: '2026-12-01T10:00:00+00:00',
    nextAttemptAt: '2026-12-01T10:00:00+00:00',
    lastAttemptAt: null,
    lastStatusCode: null,
    lastError: null,
    deliveredAt: null,
    ...over,
  };
}
