import { type ParamMap, type Params } from '@angular/router';
import { PAGINATION, type PartnerListQuery } from '@depot/contracts';

export type ActiveFilter = 'all' | 'active' | 'inactive';
export const ACTIVE_FILTERS: readonly ActiveFilter[] = ['all', 'active', 'inactive'];

/** The view of a partner list; all of it lives in the URL query (`?q=acme&active=inactive`). */
export interface PartnerListState {
  q: string;
  active: ActiveFilter;
}

export const DEFAULT_PARTNER_LIST_STATE: PartnerListState = { q: '', active: 'all' };
/** By code when the URL names no order. */
export const PARTNER_DEFAULT_SORT = 'code';

/** Reads the view from the URL; anything unknown falls back to the default. */
export function parsePartnerListState(params: ParamMap): PartnerListState {
  const active = params.get('active');
  return {
    q: (params.get('q') ?? '').trim().slice(0, PAGINATION.maxSearchLength),
    active: ACTIVE_FILTERS.find((filter) => filter === active) ?? DEFAULT_PARTNER_LIST_STATE.active,
  };
}

/** The URL query for a view; defaults are left out so the plain `/suppliers` stays clean. */
export function partnerListQueryParams(state: PartnerListState): Params {
  return {
    ...(state.q ? { q: state.q } : {}),
    ...(state.active !== DEFAULT_PARTNER_LIST_STATE.active ? { active: state.active } : {}),
  };
}

export function toPartnerListQuery(state: PartnerListState): PartnerListQuery {
  return {
    ...(state.q ? { q: state.q } : {}),
    ...(state.active === 'all' ? {} : { active: state.active === 'active' }),
  };
}

export function activeFilterLabel(filter: ActiveFilter): string {
  return filter === 'all' ? 'All' : filter === 'active' ? 'Active' : 'Inactive';
}
