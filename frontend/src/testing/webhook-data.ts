import type { WebhookDeliveryDto, WebhookEndpointDto } from '@depot/contracts';

/** Test data for the webhook specs. */
export function endpointDto(overrides: Partial<WebhookEndpointDto> = {}): WebhookEndpointDto {
  return {
    id: 'wh-1',
    url: 'https://hooks.example.com/depot',
    description: 'Shop stock sync',
    eventTypes: ['product.updated'],
    enabled: true,
    disabledReason: null,
    failingSince: null,
    version: 2,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export function deliveryDto(overrides: Partial<WebhookDeliveryDto> = {}): WebhookDeliveryDto {
  return {
    id: 'd-1',
    messageId: 'msg-1',
    eventType: 'webhook.test',
    status: 'failed',
    attempts: 3,
    nextAttemptAt: null,
    lastAttemptAt: '2026-01-02T10:05:00.000Z',
    responseStatus: 500,
    responseTimeMs: 42,
    responseBody: '{"error":"boom"}',
    lastError: 'HTTP 500',
    requestBody: '{"id":"msg-1","type":"webhook.test","data":{"message":"hi"}}',
    createdAt: '2026-01-02T10:04:00.000Z',
    ...overrides,
  };
}
