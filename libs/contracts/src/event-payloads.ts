import type { CategoryDto } from './categories';
import type { InvoiceDto, PurchaseOrderDto, PurchaseOrderStatus, SalesOrderDto, SalesOrderStatus } from './orders';
import type { PartnerDto } from './partners';
import type { ProductDto } from './products';
import type { WarehouseDto } from './warehouses';

// One payload type per domain event. JSON Schema for each is generated from these declarations
// (libs/contracts/event-schemas.json, `npm run openapi`) and published in the AsyncAPI document,
// so the doc comments here are what integrators read.

/** `product.created`: the product as it was created. */
export interface ProductCreatedPayload {
  product: ProductDto;
}

/** `product.updated`: the product after the change (`version` tells the order of updates). */
export interface ProductUpdatedPayload {
  product: ProductDto;
}

/** `product.archived`: the product after archiving (`status` is `archived`). */
export interface ProductArchivedPayload {
  product: ProductDto;
}

/** `category.created`: the category as it was created. */
export interface CategoryCreatedPayload {
  category: CategoryDto;
}

/** `category.updated`: the category after the change (renamed or moved). */
export interface CategoryUpdatedPayload {
  category: CategoryDto;
}

/** `category.deleted`: the category as it was just before it was deleted. */
export interface CategoryDeletedPayload {
  category: CategoryDto;
}

/** `warehouse.created`: the warehouse as it was created. */
export interface WarehouseCreatedPayload {
  warehouse: WarehouseDto;
}

/** `warehouse.updated`: the warehouse after the change. */
export interface WarehouseUpdatedPayload {
  warehouse: WarehouseDto;
}

/** `supplier.created`: the supplier as it was created. */
export interface SupplierCreatedPayload {
  supplier: PartnerDto;
}

/** `supplier.updated`: the supplier after the change. */
export interface SupplierUpdatedPayload {
  supplier: PartnerDto;
}

/** `customer.created`: the customer as it was created. */
export interface CustomerCreatedPayload {
  customer: PartnerDto;
}

/** `customer.updated`: the customer after the change. */
export interface CustomerUpdatedPayload {
  customer: PartnerDto;
}

/** `purchase_order.created`: the new draft order with its lines. */
export interface PurchaseOrderCreatedPayload {
  purchaseOrder: PurchaseOrderDto;
}

/** `purchase_order.updated`: the order after an edit or a partial receipt. */
export interface PurchaseOrderUpdatedPayload {
  purchaseOrder: PurchaseOrderDto;
}

/** `purchase_order.status_changed`: submitted, (partially) received or cancelled. */
export interface PurchaseOrderStatusChangedPayload {
  orderId: string;
  /** e.g. `PO-2026-000042`. */
  number: string;
  from: PurchaseOrderStatus;
  to: PurchaseOrderStatus;
}

/** `sales_order.created`: the new draft order with its lines and totals. */
export interface SalesOrderCreatedPayload {
  salesOrder: SalesOrderDto;
}

/** `sales_order.updated`: the order after an edit. */
export interface SalesOrderUpdatedPayload {
  salesOrder: SalesOrderDto;
}

/** `sales_order.status_changed`: confirmed, (partially) fulfilled, invoiced or cancelled. */
export interface SalesOrderStatusChangedPayload {
  orderId: string;
  /** e.g. `SO-2026-000042`. */
  number: string;
  from: SalesOrderStatus;
  to: SalesOrderStatus;
}

/** An invoice or credit note in an event: the document without its lines and payments. */
export type InvoiceEventSummary = Omit<InvoiceDto, 'lines' | 'payments'>;

/** `invoice.issued`: the new invoice (fetch `/invoices/{id}` for its lines). */
export interface InvoiceIssuedPayload {
  invoice: InvoiceEventSummary;
}

/** `credit_note.issued`: the new credit note and the invoice it corrects. */
export interface CreditNoteIssuedPayload {
  /** The credit note (`kind` is `credit_note`). */
  invoice: InvoiceEventSummary;
  creditedInvoiceId: string;
}

/** `invoice.payment_recorded`: the invoice after the payment (`paidMinor`, `balanceMinor`, `paymentStatus`). */
export interface PaymentRecordedPayload {
  invoice: InvoiceEventSummary;
  paymentId: string;
  /** The payment, in minor units of the invoice's currency. */
  amountMinor: number;
}

/** One warehouse's level of a product after a stock change. */
export interface StockLevelChange {
  warehouseId: string;
  onHand: number;
  reserved: number;
  /** `onHand - reserved`. */
  available: number;
}

/**
 * `stock.changed`: the ledger movements written for one product in one change (adjustment,
 * transfer, receipt, reservation, shipment...) and the resulting levels of the warehouses they touched.
 */
export interface StockChangedPayload {
  productId: string;
  movementIds: string[];
  levels: StockLevelChange[];
}

/** `session.revoked`: a session ended (logout, refresh-token reuse, admin action...). Internal: closes its sockets. */
export interface SessionRevokedPayload {
  sessionId: string;
  userId: string;
  /** e.g. `logout`, `logout_everywhere`, `revoked_by_admin`, `user_disabled`, `refresh_token_reuse`. */
  reason: string;
}

/** The payload type of every domain event, by event name. */
export interface DomainEventPayloads {
  'product.created': ProductCreatedPayload;
  'product.updated': ProductUpdatedPayload;
  'product.archived': ProductArchivedPayload;
  'category.created': CategoryCreatedPayload;
  'category.updated': CategoryUpdatedPayload;
  'category.deleted': CategoryDeletedPayload;
  'warehouse.created': WarehouseCreatedPayload;
  'warehouse.updated': WarehouseUpdatedPayload;
  'supplier.created': SupplierCreatedPayload;
  'supplier.updated': SupplierUpdatedPayload;
  'customer.created': CustomerCreatedPayload;
  'customer.updated': CustomerUpdatedPayload;
  'purchase_order.created': PurchaseOrderCreatedPayload;
  'purchase_order.updated': PurchaseOrderUpdatedPayload;
  'purchase_order.status_changed': PurchaseOrderStatusChangedPayload;
  'sales_order.created': SalesOrderCreatedPayload;
  'sales_order.updated': SalesOrderUpdatedPayload;
  'sales_order.status_changed': SalesOrderStatusChangedPayload;
  'invoice.issued': InvoiceIssuedPayload;
  'credit_note.issued': CreditNoteIssuedPayload;
  'invoice.payment_recorded': PaymentRecordedPayload;
  'stock.changed': StockChangedPayload;
  'session.revoked': SessionRevokedPayload;
}

/** `webhook.test`: sent only to the endpoint it was requested for (`POST /webhooks/{id}/test`). */
export interface WebhookTestPayload {
  message: string;
}
