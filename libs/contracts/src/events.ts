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
};

/** Payload of `stock.changed`: the movements written and the resulting levels. */
export interface StockChangedPayload {
  productId: string;
  movementIds: string[];
  levels: { warehouseId: string; onHand: number; reserved: number; available: number }[];
}
