import type { DomainEventPayloads, WebhookTestPayload } from './event-payloads';
import { DomainEventName, type DomainEventAggregateType } from './events';

/** Event types a webhook can subscribe to (internal events such as session.revoked excluded). */
export const WEBHOOK_EVENT_TYPES = [
  DomainEventName.ProductCreated,
  DomainEventName.ProductUpdated,
  DomainEventName.ProductArchived,
  DomainEventName.CategoryCreated,
  DomainEventName.CategoryUpdated,
  DomainEventName.CategoryDeleted,
  DomainEventName.WarehouseCreated,
  DomainEventName.WarehouseUpdated,
  DomainEventName.StockChanged,
  DomainEventName.SupplierCreated,
  DomainEventName.SupplierUpdated,
  DomainEventName.CustomerCreated,
  DomainEventName.CustomerUpdated,
  DomainEventName.PurchaseOrderCreated,
  DomainEventName.PurchaseOrderUpdated,
  DomainEventName.PurchaseOrderStatusChanged,
  DomainEventName.SalesOrderCreated,
  DomainEventName.SalesOrderUpdated,
  DomainEventName.SalesOrderStatusChanged,
  DomainEventName.InvoiceIssued,
  DomainEventName.PaymentRecorded,
  DomainEventName.CreditNoteIssued,
  'webhook.test',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The payload type of every webhook event type. */
export type WebhookEventPayloads = Pick<DomainEventPayloads, Exclude<WebhookEventType, 'webhook.test'>> & {
  'webhook.test': WebhookTestPayload;
};

/**
 * The JSON body of a webhook delivery, in the Standard Webhooks shape: `data` holds the event's
 * aggregate and its payload's fields. Signed with the `webhook-*` headers; `id` equals `webhook-id`.
 */
export type WebhookMessage<T extends WebhookEventType = WebhookEventType> = {
  [K in T]: {
    /** The event id: the same on every attempt and replay, for de-duplication. */
    id: string;
    type: K;
    /** When the event happened (ISO 8601), not when this attempt was sent. */
    timestamp: string;
    data: {
      aggregateType: K extends DomainEventName ? DomainEventAggregateType<K> : 'webhook_endpoint';
      aggregateId: string;
    } & WebhookEventPayloads[K];
  };
}[T];

export const WEBHOOK_LIMITS = { urlMaxLength: 2000, descriptionMaxLength: 300 } as const;

export interface WebhookEndpointDto {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  /** Why the endpoint was switched off automatically, if it was. */
  disabledReason: string | null;
  failingSince: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Returned once, on creation: the signing secret (`whsec_...`). */
export interface CreatedWebhookEndpointDto extends WebhookEndpointDto {
  secret: string;
}

export interface CreateWebhookEndpointRequest {
  url: string;
  description?: string;
  eventTypes: WebhookEventType[];
}

export interface UpdateWebhookEndpointRequest {
  version: number;
  url?: string;
  description?: string;
  eventTypes?: WebhookEventType[];
  enabled?: boolean;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookDeliveryDto {
  id: string;
  /** The `webhook-id` header: the event id, the same on every attempt and replay. */
  messageId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  responseStatus: number | null;
  responseTimeMs: number | null;
  responseBody: string | null;
  lastError: string | null;
  requestBody: string;
  createdAt: string;
}
