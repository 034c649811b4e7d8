import { type ParamMap, type Params } from '@angular/router';
import {
  PAGINATION,
  PRODUCT_LIMITS,
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
  /** Category id (the API includes its subcategories), or `null` for any category. */
  categoryId: string | null;
  /** Attribute filters as `key:value`, all of which must match. */
  attributes: readonly string[];
  /** Only products whose stock fell below their reorder point somewhere. */
  belowReorderPoint: boolean;
  limit: number;
  /** Keyset cursor of the current page; `null` on the first page. */
  cursor: string | null;
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const STATUS_FILTERS: readonly StatusFilter[] = [ProductStatus.Active, ProductStatus.Archived, 'all'];
export const DEFAULT_SORT: ProductSort = { field: 'updatedAt', direction: 'desc' };
export const DEFAULT_STATUS: StatusFilter = ProductStatus.Active;
export const DEFAULT_LIMIT: number = PAGINATION.defaultLimit;
/** More attribute filters than this make an unreadable URL and a slow query; extra ones are dropped. */
export const MAX_ATTRIBUTE_FILTERS = 10;
const ATTRIBUTE_KEY = new RegExp(PRODUCT_LIMITS.attributeKeyPattern);
/** Ids are UUIDs; anything else in the URL is ignored rather than sent to the API. */
const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export const DEFAULT_LIST_STATE: ProductListState = {
  q: '',
  sort: DEFAULT_SORT,
  status: DEFAULT_STATUS,
  categoryId: null,
  attributes: [],
  belowReorderPoint: false,
  limit: DEFAULT_LIMIT,
  cursor: null,
};

/** Reads the view from the URL; anything unknown or malformed falls back to the default. */
export function parseListState(params: ParamMap): ProductListState {
  return {
    q: (params.get('q') ?? '').trim().slice(0, PAGINATION.maxSearchLength),
    sort: parseSort(params.get('sort')),
    status: parseStatus(params.get('status')),
    categoryId: parseId(params.get('categoryId')),
    attributes: parseAttributeFilters(params.getAll('attribute')),
    belowReorderPoint: params.get('belowReorderPoint') === 'true',
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
  if (state.categoryId) {
    params['categoryId'] = state.categoryId;
  }
  if (state.attributes.length) {
    params['attribute'] = [...state.attributes];
  }
  if (state.belowReorderPoint) {
    params['belowReorderPoint'] = 'true';
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
    ...toFilterQuery(state),
    ...(state.cursor ? { cursor: state.cursor } : { includeTotal: true }),
  };
}

/** Filters and order without paging: what the CSV export takes, so it exports what the list shows. */
export function toFilterQuery(state: ProductListState): ProductListQuery {
  return {
    sort: formatSort(state.sort),
    ...(state.q ? { q: state.q } : {}),
    ...(state.status !== 'all' ? { status: state.status } : {}),
    ...(state.categoryId ? { categoryId: state.categoryId } : {}),
    ...(state.attributes.length ? { attribute: [...state.attributes] } : {}),
    ...(state.belowReorderPoint ? { belowReorderPoint: true } : {}),
  };
}

/** Whether anything narrows the list (search or a filter other than the default status). */
export function hasActiveFilters(state: ProductListState): boolean {
  return (
    state.q !== '' ||
    state.status !== DEFAULT_STATUS ||
    state.categoryId !== null ||
    state.attributes.length > 0 ||
    state.belowReorderPoint
  );
}

/**
 * Reads `key:value` (spaces around either part are dropped) into the canonical filter, or `null`
 * when the key or value breaks the product attribute rules.
 */
export function parseAttributeFilter(text: string): string | null {
  const separator = text.indexOf(':');
  if (separator < 0) {
    return null;
  }
  const key = text.slice(0, separator).trim().toLowerCase();
  const value = text.slice(separator + 1).trim();
  if (
    !ATTRIBUTE_KEY.test(key) ||
    key.length > PRODUCT_LIMITS.attributeKeyMaxLength ||
    !value ||
    value.length > PRODUCT_LIMITS.attributeValueMaxLength
  ) {
    return null;
  }
  return `${key}:${value}`;
}

export function formatSort(sort: ProductSort): string {
  return sort.direction === 'desc' ? `-${sort.field}` : sort.field;
}

export function sameListState(a: ProductListState, b: ProductListState): boolean {
  return (
    a.q === b.q &&
    sameSort(a.sort, b.sort) &&
    a.status === b.status &&
    a.categoryId === b.categoryId &&
    sameList(a.attributes, b.attributes) &&
    a.belowReorderPoint === b.belowReorderPoint &&
    a.limit === b.limit &&
    a.cursor === b.cursor
  );
}

/** Identifies the filtered set (independent of order and page), e.g. to reuse a known total. */
export function filterKey(state: ProductListState): string {
  return JSON.stringify([state.q, state.status, state.categoryId, state.attributes, state.belowReorderPoint]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function parseId(value: string | null): string | null {
  return value && ID_PATTERN.test(value) ? value : null;
}

function parseAttributeFilters(values: string[]): string[] {
  const filters: string[] = [];
  for (const value of values) {
    const filter = parseAttributeFilter(value);
    if (filter && !filters.includes(filter) && filters.length < MAX_ATTRIBUTE_FILTERS) {
      filters.push(filter);
    }
  }
  return filters;
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
