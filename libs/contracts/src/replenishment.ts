import type { CurrencyCode } from './products';

export const REPLENISHMENT_LIMITS = {
  /** Most suggestion rows answered (biggest shortfalls are never cut: rows are by supplier, then SKU). */
  maxRows: 1000,
  maxLines: 1000,
  maxQuantity: 1_000_000_000,
} as const;

/** A product below its reorder point in one warehouse, with what to order. */
export interface ReplenishmentItemDto {
  productId: string;
  sku: string;
  productName: string;
  warehouseId: string;
  warehouseCode: string;
  available: number;
  reorderPoint: number;
  reorderQuantity: number;
  /** Open quantities on draft, submitted and partially received purchase orders into this warehouse. */
  incoming: number;
  /** `reorderQuantity` if set, else `reorderPoint - available`; minus `incoming`; never below 0. */
  suggestedQuantity: number;
  supplierSku: string | null;
  /** Unit purchase price in minor units of `currency` (`purchasePriceMinor`, else the cost). */
  purchasePriceMinor: number | null;
  currency: CurrencyCode;
}

export interface ReplenishmentSupplierDto {
  id: string;
  code: string;
  name: string;
}

/** Suggestions of one preferred supplier; `supplier: null` holds products without one. */
export interface ReplenishmentGroupDto {
  supplier: ReplenishmentSupplierDto | null;
  items: ReplenishmentItemDto[];
}

export interface ReplenishmentQuery {
  warehouseId?: string;
}

export interface ReplenishmentLineInput {
  productId: string;
  /** Receiving warehouse; defaults to the request's `warehouseId`. */
  warehouseId?: string;
  quantity: number;
}

/**
 * Without `lines`: every current suggestion with a preferred supplier and a quantity above 0
 * (only those of `warehouseId` when given).
 */
export interface CreateReplenishmentOrdersRequest {
  lines?: ReplenishmentLineInput[];
  warehouseId?: string;
}
