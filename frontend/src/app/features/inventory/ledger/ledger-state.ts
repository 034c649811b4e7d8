import { type ParamMap, type Params } from '@angular/router';
import { MOVEMENT_TYPES, PAGINATION, type MovementType, type StockMovementListQuery } from '@depot/contracts';

import { DAY_PATTERN, dayToIso } from '../data-access/inventory-labels';

/** The ledger's filters; all of them live in the URL query. */
export interface LedgerFilters {
  /** Product search (SKU or name). */
  q: string;
  warehouseId: string;
  type: MovementType | '';
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, inclusive (the API's bound is the start of the next day). */
  to: string;
}

export const EMPTY_LEDGER_FILTERS: LedgerFilters = { q: '', warehouseId: '', type: '', from: '', to: '' };
export const LEDGER_PAGE_SIZE = 50;

const ID_PATTERN = /^[0-9a-zA-Z-]{1,64}$/;

/** Reads the filters from the URL; anything malformed is left out. */
export function parseLedgerFilters(params: ParamMap): LedgerFilters {
  const type = params.get('type') ?? '';
  const warehouseId = params.get('warehouseId') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    q: (params.get('q') ?? '').trim().slice(0, PAGINATION.maxSearchLength),
    warehouseId: ID_PATTERN.test(warehouseId) ? warehouseId : '',
    type: (MOVEMENT_TYPES as readonly string[]).includes(type) ? (type as MovementType) : '',
    from: DAY_PATTERN.test(from) ? from : '',
    to: DAY_PATTERN.test(to) ? to : '',
  };
}

/** The URL query for the filters; empty ones are left out so the plain URL stays clean. */
export function toLedgerQueryParams(filters: LedgerFilters): Params {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

/** The API query (without paging) for the filters. */
export function toLedgerApiQuery(filters: LedgerFilters): StockMovementListQuery {
  return {
    limit: LEDGER_PAGE_SIZE,
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.warehouseId ? { warehouseId: filters.warehouseId } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.from ? { from: dayToIso(filters.from) } : {}),
    ...(filters.to ? { to: dayToIso(filters.to, true) } : {}),
  };
}

export function sameLedgerFilters(a: LedgerFilters, b: LedgerFilters): boolean {
  return a.q === b.q && a.warehouseId === b.warehouseId && a.type === b.type && a.from === b.from && a.to === b.to;
}

export function hasLedgerFilters(filters: LedgerFilters): boolean {
  return !sameLedgerFilters(filters, EMPTY_LEDGER_FILTERS);
}
