import type { DomainEventPayloads } from './event-payloads';
import { Permission } from './permissions';

/** Names of the domain events Depot emits (outbox, WebSocket, webhooks). */
export const DomainEventName = {
  ProductCreated: 'product.created',
  ProductUpdated: 'product.updated',
  ProductArchived: 'product.archived',
  CategoryCreated: 'category.created',
  CategoryUpdated: 'category.updated',
  CategoryDeleted: 'category.deleted',
  WarehouseCreated: 'warehouse.created',
  WarehouseUpdated: 'warehouse.updated',
  SupplierCreated: 'supplier.created',
  SupplierUpdated: 'supplier.updated',
  CustomerCreated: 'customer.created',
  CustomerUpdated: 'customer.updated',
  PurchaseOrderCreated: 'purchase_order.created',
  PurchaseOrderUpdated: 'purchase_order.updated',
  /** Submitted, (partially) received or cancelled; payload carries `from` and `to`. */
  PurchaseOrderStatusChanged: 'purchase_order.status_changed',
  SalesOrderCreated: 'sales_order.created',
  SalesOrderUpdated: 'sales_order.updated',
  /** Confirmed, (partially) fulfilled, invoiced or cancelled; payload carries `from` and `to`. */
  SalesOrderStatusChanged: 'sales_order.status_changed',
  InvoiceIssued: 'invoice.issued',
  CreditNoteIssued: 'credit_note.issued',
  PaymentRecorded: 'invoice.payment_recorded',
  /** Stock of a product changed (adjustment, transfer, receipt, shipment...); aggregate = the product. */
  StockChanged: 'stock.changed',
  /** A session ended (logout, refresh-token reuse, admin action): its sockets are closed. */
  SessionRevoked: 'session.revoked',
} as const;
export type DomainEventName = (typeof DomainEventName)[keyof typeof DomainEventName];

/** The aggregate each event is about (`aggregateType` of its envelope). */
export const DOMAIN_EVENT_AGGREGATE_TYPES = {
  'product.created': 'product',
  'product.updated': 'product',
  'product.archived': 'product',
  'category.created': 'category',
  'category.updated': 'category',
  'category.deleted': 'category',
  'warehouse.created': 'warehouse',
  'warehouse.updated': 'warehouse',
  'supplier.created': 'supplier',
  'supplier.updated': 'supplier',
  'customer.created': 'customer',
  'customer.updated': 'customer',
  'purchase_order.created': 'purchase_order',
  'purchase_order.updated': 'purchase_order',
  'purchase_order.status_changed': 'purchase_order',
  'sales_order.created': 'sales_order',
  'sales_order.updated': 'sales_order',
  'sales_order.status_changed': 'sales_order',
  'invoice.issued': 'invoice',
  'credit_note.issued': 'invoice',
  'invoice.payment_recorded': 'invoice',
  /** The aggregate id is the product's. */
  'stock.changed': 'stock',
  'session.revoked': 'session',
} as const satisfies Record<DomainEventName, string>;
export type DomainEventAggregateType<T extends DomainEventName = DomainEventName> =
  (typeof DOMAIN_EVENT_AGGREGATE_TYPES)[T];

/**
 * What every pushed event looks like (WebSocket `domain-event` message; webhooks wrap the same
 * fields, see `WebhookMessage`). `DomainEventEnvelope<'product.created'>` is one event type;
 * without an argument it is the union of all, narrowed by checking `type`.
 */
export type DomainEventEnvelope<T extends DomainEventName = DomainEventName> = {
  [K in T]: {
    /** Stable event id: the same on every delivery, for de-duplication. */
    id: string;
    type: K;
    aggregateType: DomainEventAggregateType<K>;
    aggregateId: string;
    /** ISO 8601 timestamp of the commit that recorded the event. */
    occurredAt: string;
    payload: DomainEventPayloads[K];
  };
}[T];

/** The WebSocket message name that carries a DomainEventEnvelope. */
export const REALTIME_EVENT = 'domain-event';
/** Sent just before the server disconnects a socket whose session ended. */
export const REALTIME_SESSION_ENDED = 'session-ended';

/** Permission needed to see an event, by aggregate type. Unknown aggregates are never pushed. */
export const EVENT_READ_PERMISSION: Readonly<Record<string, Permission>> = {
  product: Permission.CatalogProductsRead,
  category: Permission.CatalogProductsRead,
  warehouse: Permission.InventoryWarehousesRead,
  stock: Permission.InventoryStockRead,
  supplier: Permission.PurchasingSuppliersRead,
  customer: Permission.SalesCustomersRead,
  purchase_order: Permission.PurchasingOrdersRead,
  sales_order: Permission.SalesOrdersRead,
  invoice: Permission.SalesInvoicesRead,
};
