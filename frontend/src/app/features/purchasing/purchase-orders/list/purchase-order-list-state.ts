import { type ParamMap, type Params } from '@angular/router';
import {
  PAGINATION,
  PURCHASE_ORDER_STATUSES,
  type PurchaseOrderListQuery,
  type PurchaseOrderStatus,
} from '@depot/contracts';

export type StatusFilter = PurchaseOrderStatus | 'all';

/** The view of the purchase order list; all of it lives in the URL query. */
export interface PurchaseOrderListState {
  q: string;
  status: StatusFilter;
  supplierId: string | null;
}

export const DEFAULT_PURCHASE_ORDER_LIST_STATE: PurchaseOrderListState = { q: '', status: 'all', supplierId: null };
/** Newest first when the URL names no order. */
export const PURCHASE_ORDER_DEFAULT_SORT = '-createdAt';
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', ...PURCHASE_ORDER_STATUSES];
/** Ids are UUIDs; anything else in the URL is ignored rather than sent to the API. */
const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export function parsePurchaseOrderListState(params: ParamMap): PurchaseOrderListState {
  const status = params.get('status');
  const supplierId = params.get('supplierId');
  return {
    q: (params.get('q') ?? '').trim().slice(0, PAGINATION.maxSearchLength),
    status: STATUS_FILTERS.find((filter) => filter === status) ?? 'all',
    supplierId: supplierId && ID_PATTERN.test(supplierId) ? supplierId : null,
  };
}

/** The URL query for a view; defaults are left out so the plain `/purchase-orders` stays clean. */
export function purchaseOrderListQueryParams(state: PurchaseOrderListState): Params {
  return {
    ...(state.q ? { q: state.q } : {}),
    ...(state.status !== 'all' ? { status: state.status } : {}),
    ...(state.supplierId ? { supplierId: state.supplierId } : {}),
  };
}

export function toPurchaseOrderListQuery(state: PurchaseOrderListState): PurchaseOrderListQuery {
  return {
    ...(state.q ? { q: state.q } : {}),
    ...(state.status !== 'all' ? { status: state.status } : {}),
    ...(state.supplierId ? { supplierId: state.supplierId } : {}),
  };
}

export function hasPurchaseOrderFilters(state: PurchaseOrderListState): boolean {
  return state.q !== '' || state.status !== 'all' || state.supplierId !== null;
}
