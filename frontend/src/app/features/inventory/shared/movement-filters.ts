import { type ParamMap, type Params } from '@angular/router';
import { MOVEMENT_TYPES, PAGINATION, type MovementType, type StockMovementListQuery } from '@depot/contracts';

import { DAY_PATTERN, dayToIso } from '../data-access/inventory-labels';

/** Filters of a list of stock movements (the ledger, a product's movements tab); they live in the URL. */
export interface MovementFilters {
  /** Product search (SKU or name); the ledger of all products only. */
  q: string;
  warehouseId: string;
  type: MovementType | '';
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, inclusive (the API's bound is the start of the next day). */
  to: string;
}

export const EMPTY_MOVEMENT_FILTERS: MovementFilters = { q: '', warehouseId: '', type: '', from: '', to: '' };
/** Newest movements first. */
export const MOVEMENT_DEFAULT_SORT = '-occurredAt';

const ID_PATTERN = /^[0-9a-zA-Z-]{1,64}$/;
const KEYS = ['q', 'warehouseId', 'type', 'from', 'to'] as const;

/** URL name of a filter: `warehouseId`, or `mWarehouseId` with the prefix `m`. */
export function movementParam(prefix: string, key: (typeof KEYS)[number]): string {
  return prefix ? `${prefix}${key[0]?.toUpperCase()}${key.slice(1)}` : key;
}

/** Reads the filters from the URL; anything malformed is left out. */
export function parseMovementFilters(params: ParamMap, prefix = ''): MovementFilters {
  const get = (key: (typeof KEYS)[number]) => params.get(movementParam(prefix, key)) ?? '';
  const type = get('type');
  const warehouseId = get('warehouseId');
  const from = get('from');
  const to = get('to');
  return {
    q: get('q').trim().slice(0, PAGINATION.maxSearchLength),
    warehouseId: ID_PATTERN.test(warehouseId) ? warehouseId : '',
    type: (MOVEMENT_TYPES as readonly string[]).includes(type) ? (type as MovementType) : '',
    from: DAY_PATTERN.test(from) ? from : '',
    to: DAY_PATTERN.test(to) ? to : '',
  };
}

/** The URL query of the filters for a merge: empty ones are `null` (removed). */
export function toMovementParams(filters: MovementFilters, prefix = ''): Params {
  return Object.fromEntries(KEYS.map((key) => [movementParam(prefix, key), filters[key] || null]));
}

/** The API query (without paging or order) of the filters. */
export function toMovementQuery(filters: MovementFilters): StockMovementListQuery {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.warehouseId ? { warehouseId: filters.warehouseId } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.from ? { from: dayToIso(filters.from) } : {}),
    ...(filters.to ? { to: dayToIso(filters.to, true) } : {}),
  };
}

export function sameMovementFilters(a: MovementFilters, b: MovementFilters): boolean {
  return KEYS.every((key) => a[key] === b[key]);
}

export function activeMovementFilterCount(filters: MovementFilters): number {
  return KEYS.filter((key) => filters[key] !== '').length;
}
