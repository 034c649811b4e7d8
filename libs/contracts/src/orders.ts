import type { ListQuery } from './pagination';
import type { TaxTreatment } from './taxes';
import type { CurrencyCode } from './products';

/** Validation limits shared by purchase and sales orders. */
export const ORDER_LIMITS = {
  maxLines: 200,
  maxQuantity: 1_000_000,
  /** Largest unit price or cost in minor units. */
  maxUnitAmountMinor: 10_000_000_000,
  /** Discount and tax rates are basis points: 1000 = 10 %. */
  maxDiscountBps: 10_000,
  maxTaxRateBps: 10_000,
  notesMaxLength: 2000,
  addressMaxLength: 500,
  /** Notes on a status change, receipt or shipment. */
  transitionNoteMaxLength: 500,
} as const;

/** Who did something and when: one step of an order's status timeline. */
export interface StatusChangeDto {
  from: string | null;
  to: string;
  at: string;
  actor: { type: string; id: string | null; label: string };
  note: string | null;
}

// ---------------------------------------------------------------- purchase orders

export const PurchaseOrderStatus = {
  Draft: 'draft',
  Submitted: 'submitted',
  PartiallyReceived: 'partially_received',
  Received: 'received',
  Cancelled: 'cancelled',
} as const;
export type PurchaseOrderStatus = (typeof PurchaseOrderStatus)[keyof typeof PurchaseOrderStatus];
export const PURCHASE_ORDER_STATUSES = Object.values(PurchaseOrderStatus);

/** Actions a purchase order offers in each status (the UI shows only these). */
export const PURCHASE_ORDER_ACTIONS: Record<
  PurchaseOrderStatus,
  readonly ('edit' | 'submit' | 'receive' | 'cancel')[]
> = {
  draft: ['edit', 'submit', 'cancel'],
  submitted: ['receive', 'cancel'],
  partially_received: ['receive'],
  received: [],
  cancelled: [],
};

export interface PurchaseOrderLineDto {
  id: string;
  lineNo: number;
  productId: string;
  sku: string;
  productName: string;
  quantity: number;
  receivedQuantity: number;
  /** Still to be received (`quantity - receivedQuantity`, 0 once cancelled). */
  openQuantity: number;
  unitCostMinor: number;
  lineTotalMinor: number;
}

export interface PurchaseOrderDto {
  id: string;
  /** e.g. `PO-2026-000042`. */
  number: string;
  supplierId: string;
  supplierCode: string;
  supplierName: string;
  status: PurchaseOrderStatus;
  /** Where the goods are expected (receipts may choose another warehouse). */
  warehouseId: string;
  warehouseCode: string;
  expectedDate: string | null;
  currency: CurrencyCode;
  notes: string | null;
  totalMinor: number;
  lines: PurchaseOrderLineDto[];
  history: StatusChangeDto[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A purchase order in a list (no lines or history). */
export type PurchaseOrderSummaryDto = Omit<PurchaseOrderDto, 'lines' | 'history'> & { lineCount: number };

export interface PurchaseOrderLineInput {
  productId: string;
  quantity: number;
  /** Defaults to the product's cost when it has one in the order's currency. */
  unitCostMinor?: number;
}

export interface CreatePurchaseOrderRequest {
  supplierId: string;
  warehouseId: string;
  expectedDate?: string | null;
  currency?: CurrencyCode;
  notes?: string | null;
  lines: PurchaseOrderLineInput[];
}

/** Only drafts can be edited; `lines`, when sent, replace all lines. */
export interface UpdatePurchaseOrderRequest {
  version: number;
  supplierId?: string;
  warehouseId?: string;
  expectedDate?: string | null;
  notes?: string | null;
  lines?: PurchaseOrderLineInput[];
}

export interface ReceivePurchaseOrderRequest {
  /** Defaults to the order's warehouse. */
  warehouseId?: string;
  lines: { lineId: string; quantity: number }[];
  note?: string | null;
}

export interface OrderTransitionRequest {
  /** The version you read; stale -> 409. */
  version: number;
  note?: string | null;
}

export const PURCHASE_ORDER_SORT_FIELDS = ['number', 'createdAt', 'expectedDate', 'totalMinor'] as const;

export interface PurchaseOrderListQuery extends ListQuery {
  status?: PurchaseOrderStatus;
  supplierId?: string;
  productId?: string;
}

/** Open purchase quantities of one product: the "incoming" figure on its stock. */
export interface IncomingStockDto {
  productId: string;
  warehouseId: string;
  warehouseCode: string;
  quantity: number;
  /** Earliest expected date among the open orders, if any has one. */
  nextExpectedDate: string | null;
}

// ---------------------------------------------------------------- sales orders

export const SalesOrderStatus = {
  Draft: 'draft',
  Confirmed: 'confirmed',
  PartiallyFulfilled: 'partially_fulfilled',
  Fulfilled: 'fulfilled',
  Invoiced: 'invoiced',
  Cancelled: 'cancelled',
} as const;
export type SalesOrderStatus = (typeof SalesOrderStatus)[keyof typeof SalesOrderStatus];
export const SALES_ORDER_STATUSES = Object.values(SalesOrderStatus);

export const SALES_ORDER_ACTIONS: Record<
  SalesOrderStatus,
  readonly ('edit' | 'confirm' | 'fulfil' | 'cancel' | 'invoice')[]
> = {
  draft: ['edit', 'confirm', 'cancel'],
  confirmed: ['fulfil', 'cancel'],
  partially_fulfilled: ['fulfil', 'cancel'],
  fulfilled: ['invoice'],
  invoiced: [],
  cancelled: [],
};

export interface SalesOrderLineDto {
  id: string;
  lineNo: number;
  productId: string;
  sku: string;
  productName: string;
  quantity: number;
  unitPriceMinor: number;
  discountBps: number;
  taxRateBps: number;
  /** Still reserved for this line in the order's warehouse. */
  reservedQuantity: number;
  fulfilledQuantity: number;
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface SalesOrderDto {
  id: string;
  /** e.g. `SO-2026-000042`. */
  number: string;
  customerId: string;
  customerCode: string;
  customerName: string;
  status: SalesOrderStatus;
  /** Reservations and shipments come from this warehouse. */
  warehouseId: string;
  warehouseCode: string;
  currency: CurrencyCode;
  shippingAddress: string | null;
  notes: string | null;
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  invoiceId: string | null;
  lines: SalesOrderLineDto[];
  history: StatusChangeDto[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type SalesOrderSummaryDto = Omit<SalesOrderDto, 'lines' | 'history'> & { lineCount: number };

export interface SalesOrderLineInput {
  productId: string;
  quantity: number;
  /** Defaults to the product's price when it is in the order's currency. */
  unitPriceMinor?: number;
  discountBps?: number;
  taxRateBps?: number;
}

export interface CreateSalesOrderRequest {
  customerId: string;
  warehouseId: string;
  currency?: CurrencyCode;
  shippingAddress?: string | null;
  notes?: string | null;
  lines: SalesOrderLineInput[];
}

export interface UpdateSalesOrderRequest {
  version: number;
  customerId?: string;
  warehouseId?: string;
  shippingAddress?: string | null;
  notes?: string | null;
  lines?: SalesOrderLineInput[];
}

/** Ship reserved quantities; without `lines`, everything still reserved ships. */
export interface FulfilSalesOrderRequest {
  version: number;
  lines?: { lineId: string; quantity: number }[];
  note?: string | null;
}

/** One line that cannot be reserved, listed in the 409 `shortLines` extension. */
export interface ShortLineDto {
  lineId: string;
  productId: string;
  sku: string;
  requested: number;
  available: number;
}

export const SALES_ORDER_SORT_FIELDS = ['number', 'createdAt', 'totalMinor'] as const;

export interface SalesOrderListQuery extends ListQuery {
  status?: SalesOrderStatus;
  customerId?: string;
  productId?: string;
}

/** Live availability of products in one warehouse, for the order form. */
export interface AvailabilityDto {
  productId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  available: number;
}

// ---------------------------------------------------------------- totals

/** Totals of one sales order line, all in integer minor units. */
export interface LineTotals {
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** `numerator / denominator` rounded half away from zero, for non-negative integers (exact with BigInt). */
function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/**
 * Line totals, the same on server and UI. Explicit rounding: the discount and then the tax are
 * each rounded half up to a whole minor unit once per line; order totals are sums of line totals
 * (so the lines always add up to the order).
 */
export function computeLineTotals(line: {
  quantity: number;
  unitPriceMinor: number;
  discountBps?: number;
  taxRateBps?: number;
}): LineTotals {
  const gross = BigInt(line.quantity) * BigInt(line.unitPriceMinor);
  const discount = divideRoundHalfUp(gross * BigInt(line.discountBps ?? 0), 10_000n);
  const net = gross - discount;
  const tax = divideRoundHalfUp(net * BigInt(line.taxRateBps ?? 0), 10_000n);
  return {
    grossMinor: Number(gross),
    discountMinor: Number(discount),
    netMinor: Number(net),
    taxMinor: Number(tax),
    totalMinor: Number(net + tax),
  };
}

/** Sum of line totals. */
export function sumTotals(lines: readonly LineTotals[]): LineTotals {
  const sum: LineTotals = { grossMinor: 0, discountMinor: 0, netMinor: 0, taxMinor: 0, totalMinor: 0 };
  for (const line of lines) {
    sum.grossMinor += line.grossMinor;
    sum.discountMinor += line.discountMinor;
    sum.netMinor += line.netMinor;
    sum.taxMinor += line.taxMinor;
    sum.totalMinor += line.totalMinor;
  }
  return sum;
}

// ---------------------------------------------------------------- invoices

export const InvoiceKind = {
  Invoice: 'invoice',
  CreditNote: 'credit_note',
} as const;
export type InvoiceKind = (typeof InvoiceKind)[keyof typeof InvoiceKind];

export const PaymentStatus = {
  Unpaid: 'unpaid',
  PartiallyPaid: 'partially_paid',
  Paid: 'paid',
} as const;
export type PaymentStatus = (typeof PaymentStatus)[keyof typeof PaymentStatus];

export const PAYMENT_METHODS = ['bank_transfer', 'card', 'cash', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const INVOICE_LIMITS = { referenceMaxLength: 120, reasonMaxLength: 500 } as const;

export interface InvoiceLineDto {
  sku: string;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discountBps: number;
  taxRateBps: number;
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface PaymentDto {
  id: string;
  amountMinor: number;
  method: PaymentMethod;
  reference: string | null;
  paidAt: string;
  recordedAt: string;
}

export interface InvoiceDto {
  id: string;
  kind: InvoiceKind;
  /** Gap-free per year: `INV-2026-000123`, credit notes `CN-2026-000007`. */
  number: string;
  salesOrderId: string;
  salesOrderNumber: string;
  /** For a credit note: the invoice it corrects. */
  creditedInvoiceId: string | null;
  /** The customer as invoiced (frozen at issue); `taxTreatment` decides the legal note printed. */
  customer: {
    id: string;
    code: string;
    name: string;
    billingAddress: string | null;
    taxId: string | null;
    taxTreatment: TaxTreatment;
  };
  currency: CurrencyCode;
  issuedAt: string;
  dueDate: string;
  reason: string | null;
  lines: InvoiceLineDto[];
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** Invoices only: totals of payments and credit notes, what is left, and the resulting status. */
  paidMinor: number;
  creditedMinor: number;
  balanceMinor: number;
  paymentStatus: PaymentStatus | null;
  payments: PaymentDto[];
  creditNoteIds: string[];
}

export type InvoiceSummaryDto = Omit<InvoiceDto, 'lines' | 'payments'>;

export interface RecordPaymentRequest {
  amountMinor: number;
  method: PaymentMethod;
  reference?: string | null;
  /** Defaults to now. */
  paidAt?: string;
}

/**
 * A credit note correcting an invoice. Without `amountMinor` it credits everything not yet
 * credited (copying the invoice lines); with it, a single credit line of that gross amount.
 */
export interface CreateCreditNoteRequest {
  reason: string;
  amountMinor?: number;
}

export const INVOICE_SORT_FIELDS = ['number', 'issuedAt', 'totalMinor'] as const;

export interface InvoiceListQuery extends ListQuery {
  kind?: InvoiceKind;
  paymentStatus?: PaymentStatus;
  customerId?: string;
  salesOrderId?: string;
}

// ---------------------------------------------------------------- dashboard

export interface DashboardDto {
  currency: CurrencyCode;
  /** On hand x product cost (price when no cost), products in `currency` only. */
  stockValueMinor: number;
  lowStockCount: number;
  openPurchaseOrders: number;
  openSalesOrders: number;
  /** Net sales of confirmed-or-later orders per day, last `days` days, oldest first. */
  salesByDay: { date: string; orders: number; netMinor: number }[];
  topProducts: { productId: string; sku: string; name: string; quantity: number; netMinor: number }[];
}
