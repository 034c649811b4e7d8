import { type ParamMap, type Params } from '@angular/router';
import type { AuditEventListQuery } from '@depot/contracts';

import type { AuditExportQuery, AuditSource } from '../../../../shared/audit/audit-events.service';

/** Filters and page of the security or audit log; all of it lives in the URL query. */
export interface AuditListState {
  /** Exact action, or a prefix ending in "." (`auth.`). */
  action: string;
  actorId: string;
  /** Audit log only. */
  entityType: string;
  /** Audit log only. */
  entityId: string;
  /** First day, `YYYY-MM-DD` (local time), inclusive. */
  from: string;
  /** Last day, `YYYY-MM-DD` (local time), inclusive. */
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditListState = {
  action: '',
  actorId: '',
  entityType: '',
  entityId: '',
  from: '',
  to: '',
};
const FILTER_KEYS = ['action', 'actorId', 'entityType', 'entityId', 'from', 'to'] as const;

export const ACTION_PATTERN = /^[a-z][a-z0-9._-]*$/;
export const ENTITY_TYPE_PATTERN = /^[a-z_]+$/;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the view from the URL; malformed values are dropped rather than sent to the API. */
export function parseAuditListState(params: ParamMap, source: AuditSource): AuditListState {
  const pick = (name: string, pattern: RegExp, max = 64) => {
    const value = (params.get(name) ?? '').trim();
    return value.length <= max && pattern.test(value) ? value : '';
  };
  return {
    action: pick('action', ACTION_PATTERN),
    actorId: pick('actorId', UUID_PATTERN),
    entityType: source === 'audit' ? pick('entityType', ENTITY_TYPE_PATTERN, 60) : '',
    entityId: source === 'audit' ? pick('entityId', UUID_PATTERN) : '',
    from: pick('from', DAY_PATTERN),
    to: pick('to', DAY_PATTERN),
  };
}

/** The URL query of the filters for a merge: empty ones are `null` (removed from the URL). */
export function toAuditQueryParams(state: AuditListState): Params {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, state[key] || null]));
}

/**
 * The API query of the filters (the table adds paging): days become instants in the user's time
 * zone, `to` exclusive (the next midnight).
 */
export function toAuditApiQuery(state: AuditListState): AuditEventListQuery {
  return {
    ...(state.action ? { action: state.action } : {}),
    ...(state.actorId ? { actorId: state.actorId } : {}),
    ...(state.entityType ? { entityType: state.entityType } : {}),
    ...(state.entityId ? { entityId: state.entityId } : {}),
    ...(state.from ? { from: startOfDay(state.from, 0).toISOString() } : {}),
    ...(state.to ? { to: startOfDay(state.to, 1).toISOString() } : {}),
  };
}

/** The export's query: the same filters as the list, without paging. */
export function toAuditExportQuery(state: AuditListState): AuditExportQuery {
  return toAuditApiQuery(state);
}

export function sameAuditListState(a: AuditListState, b: AuditListState): boolean {
  return (Object.keys(a) as (keyof AuditListState)[]).every((key) => a[key] === b[key]);
}

export function hasAuditFilters(state: AuditListState): boolean {
  return !!(state.action || state.actorId || state.entityType || state.entityId || state.from || state.to);
}

/** Local midnight of a `YYYY-MM-DD` day, plus `days`. */
function startOfDay(day: string, days: number): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year, month - 1, date + days);
}
