import { type ParamMap, type Params } from '@angular/router';
import { IDENTITY_LIMITS, PAGINATION, UserStatus, type UserListQuery } from '@depot/contracts';

export type UserStatusFilter = UserStatus | 'all';

/** The users list's filters; they live in the URL query next to the table's sort and paging. */
export interface UserFilters {
  q: string;
  /** Role name, or '' for any role. */
  role: string;
  status: UserStatusFilter;
}

export const USER_STATUS_FILTERS: readonly UserStatusFilter[] = ['all', UserStatus.Active, UserStatus.Disabled];
/** By e-mail when the URL names no order. */
export const USER_DEFAULT_SORT = 'email';
export const EMPTY_USER_FILTERS: UserFilters = { q: '', role: '', status: 'all' };

const ROLE_NAME = new RegExp(IDENTITY_LIMITS.rolePattern);

/** Reads the filters from the URL; anything unknown or malformed falls back to the default. */
export function parseUserFilters(params: ParamMap): UserFilters {
  const role = params.get('role') ?? '';
  const status = params.get('status');
  return {
    q: (params.get('q') ?? '').trim().slice(0, PAGINATION.maxSearchLength),
    role: ROLE_NAME.test(role) && role.length <= IDENTITY_LIMITS.roleNameMaxLength ? role : '',
    status: USER_STATUS_FILTERS.find((candidate) => candidate === status) ?? 'all',
  };
}

/** The URL query of the filters for a merge: defaults are `null` (removed from the URL). */
export function toUserFilterParams(filters: UserFilters): Params {
  return {
    q: filters.q || null,
    role: filters.role || null,
    status: filters.status !== 'all' ? filters.status : null,
  };
}

/** The API query of the filters (the table adds order and paging). */
export function toUserApiQuery(filters: UserFilters): UserListQuery {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.status !== 'all' ? { status: filters.status } : {}),
  };
}

export function sameUserFilters(a: UserFilters, b: UserFilters): boolean {
  return a.q === b.q && a.role === b.role && a.status === b.status;
}

export function activeUserFilterCount(filters: UserFilters): number {
  return (filters.q ? 1 : 0) + (filters.role ? 1 : 0) + (filters.status !== 'all' ? 1 : 0);
}
