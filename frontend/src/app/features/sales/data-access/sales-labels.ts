import {
  InvoiceKind,
  PaymentStatus,
  SalesOrderStatus,
  type PaymentMethod,
  type StatusChangeDto,
} from '@depot/contracts';

export const SALES_ORDER_STATUS_LABELS: Readonly<Record<SalesOrderStatus, string>> = {
  [SalesOrderStatus.Draft]: 'Draft',
  [SalesOrderStatus.Confirmed]: 'Confirmed',
  [SalesOrderStatus.PartiallyFulfilled]: 'Partially fulfilled',
  [SalesOrderStatus.Fulfilled]: 'Fulfilled',
  [SalesOrderStatus.Invoiced]: 'Invoiced',
  [SalesOrderStatus.Cancelled]: 'Cancelled',
};

export const PAYMENT_STATUS_LABELS: Readonly<Record<PaymentStatus, string>> = {
  [PaymentStatus.Unpaid]: 'Unpaid',
  [PaymentStatus.PartiallyPaid]: 'Partially paid',
  [PaymentStatus.Paid]: 'Paid',
};

export const INVOICE_KIND_LABELS: Readonly<Record<InvoiceKind, string>> = {
  [InvoiceKind.Invoice]: 'Invoice',
  [InvoiceKind.CreditNote]: 'Credit note',
};

export const PAYMENT_METHOD_LABELS: Readonly<Record<PaymentMethod, string>> = {
  bank_transfer: 'Bank transfer',
  card: 'Card',
  cash: 'Cash',
  other: 'Other',
};

/** Chip tone of a status: drives its colours (see `.chip` in the sales stylesheets). */
export type ChipTone = 'neutral' | 'info' | 'progress' | 'success' | 'muted' | 'alert';

const ORDER_TONES: Readonly<Record<SalesOrderStatus, ChipTone>> = {
  draft: 'neutral',
  confirmed: 'info',
  partially_fulfilled: 'progress',
  fulfilled: 'success',
  invoiced: 'success',
  cancelled: 'muted',
};

const PAYMENT_TONES: Readonly<Record<PaymentStatus, ChipTone>> = {
  unpaid: 'alert',
  partially_paid: 'progress',
  paid: 'success',
};

export function orderStatusLabel(status: string): string {
  return (SALES_ORDER_STATUS_LABELS as Readonly<Record<string, string>>)[status] ?? status;
}

export function orderStatusTone(status: string): ChipTone {
  return (ORDER_TONES as Readonly<Record<string, ChipTone>>)[status] ?? 'neutral';
}

export function paymentStatusLabel(status: string | null): string {
  return status ? ((PAYMENT_STATUS_LABELS as Readonly<Record<string, string>>)[status] ?? status) : '';
}

export function paymentStatusTone(status: string | null): ChipTone {
  return status ? ((PAYMENT_TONES as Readonly<Record<string, ChipTone>>)[status] ?? 'neutral') : 'neutral';
}

export function paymentMethodLabel(method: string): string {
  return (PAYMENT_METHOD_LABELS as Readonly<Record<string, string>>)[method] ?? method;
}

export function invoiceKindLabel(kind: string): string {
  return (INVOICE_KIND_LABELS as Readonly<Record<string, string>>)[kind] ?? kind;
}

/** One step of the status timeline, for people ("Draft → Confirmed"). */
export function statusChangeLabel(change: Pick<StatusChangeDto, 'from' | 'to'>): string {
  return change.from
    ? `${orderStatusLabel(change.from)} → ${orderStatusLabel(change.to)}`
    : orderStatusLabel(change.to);
}

/** A rate in basis points as a percentage for people ("12.5 %"). */
export function formatBps(bps: number): string {
  return `${(bps / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })} %`;
}
