import { type ParamMap, type Params } from '@angular/router';
import {
  PAGINATION,
  PRODUCT_SORT_FIELDS,
  ProductStatus,
  type ProductListQuery,
  type ProductSortField,
} from '@depot/contracts';

export type StatusFilter = ProductStatus | 'all';
export type SortDirection = 'asc' | 'desc';

export interface ProductSort {
  field: ProductSortField;
  direction: SortDirection;
}

/** Everything that defines the list view; all of it lives in the URL query. */
export interface ProductListState {
  q: string;
  sort: ProductSort;
  status: StatusFilter;
  limit: number;
  /** Keyset cursor of the current page; `null` on the first page. */
  cursor: string | null;
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const STATUS_FILTERS: readonly StatusFilter[] = [ProductStatus.Active, ProductStatus.Archived, 'all'];
export const DEFAULT_SORT: ProductSort = { field: 'updatedAt', direction: 'desc' };
export const DEFAULT_STATUS: StatusFilter = ProductStatus.Active;
export const DEFAULT_LIMIT: number = PAGINATION.defaultLimit;

export const DEFAULT_LIST_STATE: ProductListState = {
  q: '',
  sort: DEFAULT_SORT,
  status: DEFAULT_STATUS,
  limit: DEFAULT_LIMIT,
  cursor: null,
};

/** Reads the view from the URL; anything unknown or malformed falls back to the default. */
export function parseListState(params: ParamMap): ProductListState {
  return {
    q: (params.get('q') ?? '').trim().slice(0, PAGINATION.maxSearchLength),
    sort: parseSort(params.get('sort')),
    status: parseStatus(params.get('status')),
    limit: parseLimit(params.get('limit')),
    cursor: params.get('cursor') || null,
  };
}

/** The URL query for a view. Defaults are left out so the plain `/products` stays clean. */
export function toQueryParams(state: ProductListState): Params {
  const params: Params = {};
  if (state.q) {
    params['q'] = state.q;
  }
  if (!sameSort(state.sort, DEFAULT_SORT)) {
    params['sort'] = formatSort(state.sort);
  }
  if (state.status !== DEFAULT_STATUS) {
    params['status'] = state.status;
  }
  if (state.limit !== DEFAULT_LIMIT) {
    params['limit'] = String(state.limit);
  }
  if (state.cursor) {
    params['cursor'] = state.cursor;
  }
  return params;
}

/** The API query for a view; the total is asked for on the first page only (it costs a count). */
export function toApiQuery(state: ProductListState): ProductListQuery {
  return {
    limit: state.limit,
    sort: formatSort(state.sort),
    ...(state.q ? { q: state.q } : {}),
    ...(state.status !== 'all' ? { status: state.status } : {}),
    ...(state.cursor ? { cursor: state.cursor } : { includeTotal: true }),
  };
}

export function formatSort(sort: ProductSort): string {
  return sort.direction === 'desc' ? `-${sort.field}` : sort.field;
}

export function sameListState(a: ProductListState, b: ProductListState): boolean {
  return (
    a.q === b.q && sameSort(a.sort, b.sort) && a.status === b.status && a.limit === b.limit && a.cursor === b.cursor
  );
}

/** Identifies the filtered set (independent of order and page), e.g. to reuse a known total. */
export function filterKey(state: ProductListState): string {
  return JSON.stringify([state.q, state.status]);
}

function sameSort(a: ProductSort, b: ProductSort): boolean {
  return a.field === b.field && a.direction === b.direction;
}

function parseSort(value: string | null): ProductSort {
  if (!value) {
    return DEFAULT_SORT;
  }
  const direction: SortDirection = value.startsWith('-') ? 'desc' : 'asc';
  const field = value.replace(/^[-+]/, '');
  return isSortField(field) ? { field, direction } : DEFAULT_SORT;
}

function isSortField(value: string): value is ProductSortField {
  return (PRODUCT_SORT_FIELDS as readonly string[]).includes(value);
}

function parseStatus(value: string | null): StatusFilter {
  return STATUS_FILTERS.find((status) => status === value) ?? DEFAULT_STATUS;
}

function parseLimit(value: string | null): number {
  const limit = Number(value);
  return PAGE_SIZES.find((size) => size === limit) ?? DEFAULT_LIMIT;
}
