import { type ParamMap, type Params } from '@angular/router';
import { InvoiceKind, PAGINATION, PaymentStatus, type InvoiceListQuery } from '@depot/contracts';

/** The invoice list's filters; all of them live in the URL query. */
export interface InvoiceFilters {
  /** Invoice number or customer. */
  q: string;
  kind: InvoiceKind | '';
  paymentStatus: PaymentStatus | '';
}

export const EMPTY_INVOICE_FILTERS: InvoiceFilters = { q: '', kind: '', paymentStatus: '' };
/** Newest first when the URL names no order. */
export const INVOICE_DEFAULT_SORT = '-issuedAt';

const KINDS: readonly string[] = Object.values(InvoiceKind);
const PAYMENT_STATUSES: readonly string[] = Object.values(PaymentStatus);

export function parseInvoiceFilters(params: ParamMap): InvoiceFilters {
  const kind = params.get('kind') ?? '';
  const paymentStatus = params.get('paymentStatus') ?? '';
  return {
    q: (params.get('q') ?? '').trim().slice(0, PAGINATION.maxSearchLength),
    kind: KINDS.includes(kind) ? (kind as InvoiceKind) : '',
    paymentStatus: PAYMENT_STATUSES.includes(paymentStatus) ? (paymentStatus as PaymentStatus) : '',
  };
}

export function toInvoiceQueryParams(filters: InvoiceFilters): Params {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

/** The API query of the filters (the table adds order and paging). */
export function toInvoiceApiQuery(filters: InvoiceFilters): InvoiceListQuery {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.paymentStatus ? { paymentStatus: filters.paymentStatus } : {}),
  };
}

export function sameInvoiceFilters(a: InvoiceFilters, b: InvoiceFilters): boolean {
  return a.q === b.q && a.kind === b.kind && a.paymentStatus === b.paymentStatus;
}
