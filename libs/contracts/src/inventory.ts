import type { ListQuery } from './pagination';

/** Kinds of stock movement in the ledger. */
export const MovementType = {
  Receipt: 'receipt',
  Issue: 'issue',
  Adjustment: 'adjustment',
  TransferOut: 'transfer_out',
  TransferIn: 'transfer_in',
  Reservation: 'reservation',
  Release: 'release',
  Shipment: 'shipment',
  Return: 'return',
} as const;
export type MovementType = (typeof MovementType)[keyof typeof MovementType];
export const MOVEMENT_TYPES = Object.values(MovementType);

/** Why stock was adjusted by hand. */
export const AdjustmentReason = {
  CountCorrection: 'count_correction',
  OpeningBalance: 'opening_balance',
  Damaged: 'damaged',
  Lost: 'lost',
  Found: 'found',
  Expired: 'expired',
  Other: 'other',
} as const;
export type AdjustmentReason = (typeof AdjustmentReason)[keyof typeof AdjustmentReason];
export const ADJUSTMENT_REASONS = Object.values(AdjustmentReason);

export const INVENTORY_LIMITS = {
  /** Largest quantity one movement may move. */
  maxQuantity: 1_000_000_000,
  noteMaxLength: 500,
  idempotencyKeyMaxLength: 255,
} as const;

/** Stock of one product in one warehouse. `available = onHand - reserved`. */
export interface StockLevelDto {
  productId: string;
  sku: string;
  productName: string;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  onHand: number;
  reserved: number;
  available: number;
  reorderPoint: number;
  reorderQuantity: number;
  updatedAt: string;
}

export const STOCK_LEVEL_SORT_FIELDS = ['sku', 'onHand', 'available', 'updatedAt'] as const;

export interface StockLevelListQuery extends ListQuery {
  productId?: string;
  warehouseId?: string;
  /** Only levels whose available stock is below the product's reorder point. */
  belowReorderPoint?: boolean;
}

/** One line of the append-only ledger. */
export interface StockMovementDto {
  id: string;
  type: MovementType;
  productId: string;
  sku: string;
  productName: string;
  warehouseId: string;
  warehouseCode: string;
  /** Change of on-hand stock (negative when stock leaves). */
  onHandChange: number;
  /** Change of reserved stock. */
  reservedChange: number;
  /** Balances right after this movement. */
  onHandAfter: number;
  reservedAfter: number;
  reasonCode: AdjustmentReason | null;
  note: string | null;
  /** Both legs of a transfer share it. */
  transferId: string | null;
  /** The document that caused the movement, e.g. `{ type: 'sales_order', id }`. */
  sourceType: string | null;
  sourceId: string | null;
  actorType: 'user' | 'api_key' | 'system';
  actorId: string | null;
  actorName: string | null;
  requestId: string | null;
  occurredAt: string;
}

export const STOCK_MOVEMENT_SORT_FIELDS = ['occurredAt'] as const;

export interface StockMovementListQuery extends ListQuery {
  productId?: string;
  warehouseId?: string;
  type?: MovementType;
  /** ISO date-time, inclusive. */
  from?: string;
  /** ISO date-time, exclusive. */
  to?: string;
}

/** `POST /stock/adjustments`: a signed change of on-hand stock. */
export interface AdjustStockRequest {
  productId: string;
  warehouseId: string;
  /** Non-zero; negative takes stock out. */
  quantity: number;
  reasonCode: AdjustmentReason;
  note?: string | null;
}

export interface StockAdjustmentResultDto {
  movement: StockMovementDto;
  level: StockLevelDto;
}

/** `POST /stock/transfers`: both legs are written in one transaction. */
export interface TransferStockRequest {
  productId: string;
  fromWarehouseId: string;
  toWarehouseId: string;
  /** Positive. */
  quantity: number;
  note?: string | null;
}

export interface StockTransferResultDto {
  transferId: string;
  movements: [StockMovementDto, StockMovementDto];
  from: StockLevelDto;
  to: StockLevelDto;
}

/** On-hand stock at a past moment, computed from the ledger. */
export interface StockAsOfDto {
  at: string;
  productId: string;
  levels: { warehouseId: string; warehouseCode: string; onHand: number; reserved: number }[];
  totalOnHand: number;
}

/** Result of `GET /stock/consistency`: every stock level compared with its ledger sum. */
export interface LedgerConsistencyDto {
  consistent: boolean;
  checkedLevels: number;
  checkedMovements: number;
  mismatches: {
    productId: string;
    warehouseId: string;
    onHand: number;
    ledgerOnHand: number;
    reserved: number;
    ledgerReserved: number;
  }[];
  checkedAt: string;
}

/** A product whose available stock in a warehouse is below its reorder point. */
export interface LowStockItemDto {
  productId: string;
  sku: string;
  productName: string;
  warehouseId: string;
  warehouseCode: string;
  available: number;
  reorderPoint: number;
  reorderQuantity: number;
  /** reorderPoint - available. */
  shortfall: number;
}

/** The header that makes a stock-moving POST safe to retry. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Set on a response replayed from an earlier request with the same key. */
export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replayed';
