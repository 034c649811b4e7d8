import { type ParamMap, type Params } from '@angular/router';
import { PAGINATION, SALES_ORDER_STATUSES, type SalesOrderListQuery, type SalesOrderStatus } from '@depot/contracts';

/** The sales order list's filters; all of them live in the URL query. */
export interface SalesOrderFilters {
  /** Order number or customer. */
  q: string;
  status: SalesOrderStatus | '';
  customerId: string;
}

export const EMPTY_ORDER_FILTERS: SalesOrderFilters = { q: '', status: '', customerId: '' };
/** Newest first when the URL names no order. */
export const ORDER_DEFAULT_SORT = '-createdAt';

const ID_PATTERN = /^[0-9a-zA-Z-]{1,64}$/;

/** Reads the filters from the URL; anything malformed is left out. */
export function parseOrderFilters(params: ParamMap): SalesOrderFilters {
  const status = params.get('status') ?? '';
  const customerId = params.get('customerId') ?? '';
  return {
    q: (params.get('q') ?? '').trim().slice(0, PAGINATION.maxSearchLength),
    status: (SALES_ORDER_STATUSES as readonly string[]).includes(status) ? (status as SalesOrderStatus) : '',
    customerId: ID_PATTERN.test(customerId) ? customerId : '',
  };
}

/** The URL query; empty filters are left out so the plain URL stays clean. */
export function toOrderQueryParams(filters: SalesOrderFilters): Params {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

/** The API query of the filters (the table adds order and paging). */
export function toOrderApiQuery(filters: SalesOrderFilters): SalesOrderListQuery {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.customerId ? { customerId: filters.customerId } : {}),
  };
}

export function sameOrderFilters(a: SalesOrderFilters, b: SalesOrderFilters): boolean {
  return a.q === b.q && a.status === b.status && a.customerId === b.customerId;
}
