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

/** What every pushed event looks like (WebSocket `domain-event` message and webhook body). */
export interface DomainEventEnvelope<Payload = Record<string, unknown>> {
  /** Stable event id: the same on every delivery, for de-duplication. */
  id: string;
  type: DomainEventName;
  aggregateType: string;
  aggregateId: string;
  occurredAt: string;
  payload: Payload;
}

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

/** Payload of `*.status_changed`: the order after the change. */
export interface OrderStatusChangedPayload {
  orderId: string;
  number: string;
  from: string;
  to: string;
}

/** Payload of `stock.changed`: the movements written and the resulting levels. */
export interface StockChangedPayload {
  productId: string;
  movementIds: string[];
  levels: { warehouseId: string; onHand: number; reserved: number; available: number }[];
}
