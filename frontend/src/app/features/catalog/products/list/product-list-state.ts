import { type ParamMap, type Params } from '@angular/router';
import { PAGINATION, PRODUCT_LIMITS, ProductStatus, type ProductListQuery } from '@depot/contracts';

export type StatusFilter = ProductStatus | 'all';

/** The product list's filters; they live in the URL query next to the table's sort and paging. */
export interface ProductFilters {
  q: string;
  status: StatusFilter;
  /** Category id (the API includes its subcategories), or `null` for any category. */
  categoryId: string | null;
  /** Attribute filters as `key:value`, all of which must match. */
  attributes: readonly string[];
  /** Only products whose stock fell below their reorder point somewhere. */
  belowReorderPoint: boolean;
}

export const STATUS_FILTERS: readonly StatusFilter[] = [ProductStatus.Active, ProductStatus.Archived, 'all'];
/** Newest changes first when the URL names no order. */
export const PRODUCT_DEFAULT_SORT = '-updatedAt';
export const DEFAULT_STATUS: StatusFilter = ProductStatus.Active;
/** More attribute filters than this make an unreadable URL and a slow query; extra ones are dropped. */
export const MAX_ATTRIBUTE_FILTERS = 10;
const ATTRIBUTE_KEY = new RegExp(PRODUCT_LIMITS.attributeKeyPattern);
/** Ids are UUIDs; anything else in the URL is ignored rather than sent to the API. */
const ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;

export const DEFAULT_FILTERS: ProductFilters = {
  q: '',
  status: DEFAULT_STATUS,
  categoryId: null,
  attributes: [],
  belowReorderPoint: false,
};

/** Reads the filters from the URL; anything unknown or malformed falls back to the default. */
export function parseProductFilters(params: ParamMap): ProductFilters {
  return {
    q: (params.get('q') ?? '').trim().slice(0, PAGINATION.maxSearchLength),
    status: parseStatus(params.get('status')),
    categoryId: parseId(params.get('categoryId')),
    attributes: parseAttributeFilters(params.getAll('attribute')),
    belowReorderPoint: params.get('belowReorderPoint') === 'true',
  };
}

/** The URL query of the filters; defaults are `null` (removed) so the plain `/products` stays clean. */
export function toFilterParams(filters: ProductFilters): Params {
  return {
    q: filters.q || null,
    status: filters.status !== DEFAULT_STATUS ? filters.status : null,
    categoryId: filters.categoryId,
    attribute: filters.attributes.length ? [...filters.attributes] : null,
    belowReorderPoint: filters.belowReorderPoint ? 'true' : null,
  };
}

/** The API query of the filters (no paging or order): the list and the CSV export both take it. */
export function toProductQuery(filters: ProductFilters): ProductListQuery {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.status !== 'all' ? { status: filters.status } : {}),
    ...(filters.categoryId ? { categoryId: filters.categoryId } : {}),
    ...(filters.attributes.length ? { attribute: [...filters.attributes] } : {}),
    ...(filters.belowReorderPoint ? { belowReorderPoint: true } : {}),
  };
}

/** How many filters narrow the list (search counts as one; the default status does not). */
export function activeFilterCount(filters: ProductFilters): number {
  return (
    (filters.q !== '' ? 1 : 0) +
    (filters.status !== DEFAULT_STATUS ? 1 : 0) +
    (filters.categoryId !== null ? 1 : 0) +
    filters.attributes.length +
    (filters.belowReorderPoint ? 1 : 0)
  );
}

export function sameFilters(a: ProductFilters, b: ProductFilters): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
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

function parseStatus(value: string | null): StatusFilter {
  return STATUS_FILTERS.find((status) => status === value) ?? DEFAULT_STATUS;
}
