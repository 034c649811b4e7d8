/** Limits of the bulk endpoints (`POST /products/bulk` and siblings), used by the API and the admin UI. */
export const BULK_LIMITS = {
  /** Most ids one bulk request may name (and "select all N matching" selects). */
  maxIds: 1000,
  /** A price change by percent: from -100 % (free) up to +1000 %. */
  minPercent: -100,
  maxPercent: 1000,
} as const;

/** Socket.io message carrying the progress of a bulk request, sent to the requesting user only. */
export const BULK_PROGRESS_EVENT = 'bulk.progress';

/** Payload of `bulk.progress`: `done` of `total` rows handled for the client's `operationId`. */
export interface BulkProgressMessage {
  operationId: string;
  done: number;
  total: number;
}

export const BulkRowStatus = {
  /** Changed (or, with `dryRun`, would change). */
  Ok: 'ok',
  /** Refused; `error` says why. Other rows are not affected. */
  Failed: 'failed',
  /** Already in the requested state; nothing written. */
  Unchanged: 'unchanged',
} as const;
export type BulkRowStatus = (typeof BulkRowStatus)[keyof typeof BulkRowStatus];

/** Fields common to every bulk request. */
export interface BulkRequestBase {
  /** 1..`BULK_LIMITS.maxIds` distinct ids. */
  ids: string[];
  /** Client-chosen UUID; progress is pushed over the socket as `bulk.progress` with it. */
  operationId?: string;
  /** Answer what would happen (per row, old -> new) without writing anything. */
  dryRun?: boolean;
}

export const ProductBulkAction = {
  Archive: 'archive',
  Activate: 'activate',
  MoveToCategory: 'moveToCategory',
  ChangePrice: 'changePrice',
} as const;
export type ProductBulkAction = (typeof ProductBulkAction)[keyof typeof ProductBulkAction];

export const PriceChangeMode = {
  /** `value` is a percentage of the current sale price (e.g. `-10` = 10 % off). */
  Percent: 'percent',
  /** `value` is an amount in minor units added to the current sale price (negative lowers it). */
  Amount: 'amount',
} as const;
export type PriceChangeMode = (typeof PriceChangeMode)[keyof typeof PriceChangeMode];

export interface ProductBulkRequest extends BulkRequestBase {
  action: ProductBulkAction;
  /** `moveToCategory`: the target category, `null` for none. */
  categoryId?: string | null;
  /** `changePrice`: how `value` is applied to the sale price (`priceMinor`). */
  mode?: PriceChangeMode;
  /** `changePrice`: percent (up to 2 decimals) or amount in minor units (integer). */
  value?: number;
}

export const OrderBulkAction = { Cancel: 'cancel' } as const;
export type OrderBulkAction = (typeof OrderBulkAction)[keyof typeof OrderBulkAction];

/** Sales and purchase orders: only drafts are cancelled in bulk. */
export interface OrderBulkRequest extends BulkRequestBase {
  action: OrderBulkAction;
  /** Note for the status history of each cancelled order. */
  note?: string | null;
}

export const UserBulkAction = { Disable: 'disable' } as const;
export type UserBulkAction = (typeof UserBulkAction)[keyof typeof UserBulkAction];

export interface UserBulkRequest extends BulkRequestBase {
  action: UserBulkAction;
}

export interface BulkRowError {
  /** Stable error code, as in problem+json (`CATALOG.PRODUCT_NOT_FOUND`). */
  code: string;
  detail: string;
}

/** The outcome of one id. `before`/`after` hold the fields the action touches. */
export interface BulkRowResult {
  id: string;
  status: BulkRowStatus;
  /** What the row is to a person (SKU and name, order number, e-mail), when it exists. */
  label?: string;
  error?: BulkRowError;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export interface BulkSummary {
  ok: number;
  failed: number;
  unchanged: number;
}

/** Answer of every bulk endpoint (HTTP 200 even when rows failed), rows in request order. */
export interface BulkResult {
  dryRun: boolean;
  results: BulkRowResult[];
  summary: BulkSummary;
}

/** A new price after a change, as the API computes it (rounded to the minor unit, half away from zero; never below 0). */
export function changedPrice(priceMinor: number, mode: PriceChangeMode, value: number): number {
  const raw = mode === PriceChangeMode.Percent ? (priceMinor * (100 + value)) / 100 : priceMinor + value;
  // Percentages with 2 decimals give at most 4 decimals; round that first to dodge binary noise (x.4999999).
  const cleaned = Math.round(raw * 10_000) / 10_000;
  const rounded = Math.sign(cleaned) * Math.round(Math.abs(cleaned));
  return Math.max(0, rounded);
}
