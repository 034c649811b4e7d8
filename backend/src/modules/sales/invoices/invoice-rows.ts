import {
  InvoiceKind,
  TaxTreatment,
  PaymentStatus,
  type CurrencyCode,
  type InvoiceDto,
  type InvoiceLineDto,
  type InvoiceSummaryDto,
  type PaymentDto,
  type PaymentMethod,
} from '@depot/contracts';

export interface InvoiceRow {
  id: string;
  kind: InvoiceKind;
  number: string;
  sales_order_id: string;
  sales_order_number: string;
  credited_invoice_id: string | null;
  customer_id: string;
  /** Invoices issued before tax treatments have none in their snapshot: they were domestic. */
  customer: {
    code: string;
    name: string;
    billingAddress: string | null;
    taxId: string | null;
    taxTreatment?: TaxTreatment;
  };
  currency: CurrencyCode;
  issued_at: Date;
  due_date: string;
  reason: string | null;
  lines: InvoiceLineDto[];
  gross_minor: string;
  discount_minor: string;
  net_minor: string;
  tax_minor: string;
  total_minor: string;
  paid_minor: string;
  credited_minor: string;
  credit_note_ids: string[];
}

/** Invoice columns plus what payments and credit notes add up to (one statement). */
export const INVOICE_SELECT = `i.id, i.kind, i.number, i.sales_order_id, so.number AS sales_order_number,
  i.credited_invoice_id, i.customer_id, i.customer, i.currency, i.issued_at, to_char(i.due_date, 'YYYY-MM-DD') AS due_date,
  i.reason, i.lines, i.gross_minor, i.discount_minor, i.net_minor, i.tax_minor, i.total_minor,
  (SELECT coalesce(sum(pay.amount_minor), 0) FROM invoice_payments pay WHERE pay.invoice_id = i.id) AS paid_minor,
  (SELECT coalesce(sum(cn.total_minor), 0) FROM invoices cn WHERE cn.credited_invoice_id = i.id) AS credited_minor,
  (SELECT coalesce(array_agg(cn.id ORDER BY cn.issued_at), '{}') FROM invoices cn WHERE cn.credited_invoice_id = i.id)
    AS credit_note_ids`;

export const INVOICE_FROM = `invoices i JOIN sales_orders so ON so.id = i.sales_order_id`;

export interface PaymentRow {
  id: string;
  amount_minor: string;
  method: PaymentMethod;
  reference: string | null;
  paid_at: Date;
  recorded_at: Date;
}

export function paymentDto(row: PaymentRow): PaymentDto {
  return {
    id: row.id,
    amountMinor: Number(row.amount_minor),
    method: row.method,
    reference: row.reference,
    paidAt: row.paid_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
  };
}

/** What is still owed and the resulting payment status (credit notes themselves have none). */
export function balanceOf(row: Pick<InvoiceRow, 'kind' | 'total_minor' | 'paid_minor' | 'credited_minor'>): {
  balanceMinor: number;
  paymentStatus: PaymentStatus | null;
} {
  if (row.kind === InvoiceKind.CreditNote) return { balanceMinor: 0, paymentStatus: null };
  const total = Number(row.total_minor);
  const paid = Number(row.paid_minor);
  const balance = total - paid - Number(row.credited_minor);
  const paymentStatus =
    balance <= 0 ? PaymentStatus.Paid : paid > 0 ? PaymentStatus.PartiallyPaid : PaymentStatus.Unpaid;
  return { balanceMinor: balance, paymentStatus };
}

export function invoiceSummary(row: InvoiceRow): InvoiceSummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    salesOrderId: row.sales_order_id,
    salesOrderNumber: row.sales_order_number,
    creditedInvoiceId: row.credited_invoice_id,
    customer: {
      id: row.customer_id,
      ...row.customer,
      taxTreatment: row.customer.taxTreatment ?? TaxTreatment.Domestic,
    },
    currency: row.currency,
    issuedAt: row.issued_at.toISOString(),
    dueDate: row.due_date,
    reason: row.reason,
    grossMinor: Number(row.gross_minor),
    discountMinor: Number(row.discount_minor),
    netMinor: Number(row.net_minor),
    taxMinor: Number(row.tax_minor),
    totalMinor: Number(row.total_minor),
    paidMinor: Number(row.paid_minor),
    creditedMinor: Number(row.credited_minor),
    ...balanceOf(row),
    creditNoteIds: row.credit_note_ids,
  };
}

export function invoiceDto(row: InvoiceRow, payments: PaymentRow[]): InvoiceDto {
  return { ...invoiceSummary(row), lines: row.lines, payments: payments.map(paymentDto) };
}
