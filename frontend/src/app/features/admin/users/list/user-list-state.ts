import { type ParamMap, type Params } from '@angular/router';
import { IDENTITY_LIMITS, PAGINATION, USER_SORT_FIELDS, UserStatus, type UserListQuery } from '@depot/contracts';

export type UserSortField = (typeof USER_SORT_FIELDS)[number];
export type UserStatusFilter = UserStatus | 'all';
export type SortDirection = 'asc' | 'desc';

export interface UserSort {
  field: UserSortField;
  direction: SortDirection;
}

/** Everything that defines the users view; all of it lives in the URL query. */
export interface UserListState {
  q: string;
  /** Role name, or '' for any role. */
  role: string;
  status: UserStatusFilter;
  sort: UserSort;
  limit: number;
  /** Keyset cursor of the current page; `null` on the first page. */
  cursor: string | null;
}

export const USER_PAGE_SIZES = [10, 25, 50, 100] as const;
export const USER_STATUS_FILTERS: readonly UserStatusFilter[] = ['all', UserStatus.Active, UserStatus.Disabled];
export const DEFAULT_USER_SORT: UserSort = { field: 'email', direction: 'asc' };
export const DEFAULT_USER_LIST_STATE: UserListState = {
  q: '',
  role: '',
  status: 'all',
  sort: DEFAULT_USER_SORT,
  limit: PAGINATION.defaultLimit,
  cursor: null,
};

const ROLE_NAME = new RegExp(IDENTITY_LIMITS.rolePattern);

/** Reads the view from the URL; anything unknown or malformed falls back to the default. */
export function parseUserListState(params: ParamMap): UserListState {
  const role = params.get('role') ?? '';
  const status = params.get('status');
  const limit = Number(params.get('limit'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, PAGINATION.maxSearchLength),
    role: ROLE_NAME.test(role) && role.length <= IDENTITY_LIMITS.roleNameMaxLength ? role : '',
    status: USER_STATUS_FILTERS.find((candidate) => candidate === status) ?? 'all',
    sort: parseSort(params.get('sort')),
    limit: USER_PAGE_SIZES.find((size) => size === limit) ?? PAGINATION.defaultLimit,
    cursor: params.get('cursor') || null,
  };
}

/** The URL query for a view; defaults are left out so the plain `/admin/users` stays clean. */
export function toUserQueryParams(state: UserListState): Params {
  const params: Params = {};
  if (state.q) {
    params['q'] = state.q;
  }
  if (state.role) {
    params['role'] = state.role;
  }
  if (state.status !== 'all') {
    params['status'] = state.status;
  }
  if (!sameSort(state.sort, DEFAULT_USER_SORT)) {
    params['sort'] = formatSort(state.sort);
  }
  if (state.limit !== PAGINATION.defaultLimit) {
    params['limit'] = String(state.limit);
  }
  if (state.cursor) {
    params['cursor'] = state.cursor;
  }
  return params;
}

/** The API query; the total is asked for on the first page only (it costs a count). */
export function toUserApiQuery(state: UserListState): UserListQuery {
  return {
    limit: state.limit,
    sort: formatSort(state.sort),
    ...(state.q ? { q: state.q } : {}),
    ...(state.role ? { role: state.role } : {}),
    ...(state.status !== 'all' ? { status: state.status } : {}),
    ...(state.cursor ? { cursor: state.cursor } : { includeTotal: true }),
  };
}

export function sameUserListState(a: UserListState, b: UserListState): boolean {
  return (
    a.q === b.q &&
    a.role === b.role &&
    a.status === b.status &&
    sameSort(a.sort, b.sort) &&
    a.limit === b.limit &&
    a.cursor === b.cursor
  );
}

/** Identifies the filtered set (independent of order and page), to keep a known total. */
export function userFilterKey(state: UserListState): string {
  return JSON.stringify([state.q, state.role, state.status]);
}

export function formatSort(sort: UserSort): string {
  return sort.direction === 'desc' ? `-${sort.field}` : sort.field;
}

function sameSort(a: UserSort, b: UserSort): boolean {
  return a.field === b.field && a.direction === b.direction;
}

function parseSort(value: string | null): UserSort {
  if (!value) {
    return DEFAULT_USER_SORT;
  }
  const direction: SortDirection = value.startsWith('-') ? 'desc' : 'asc';
  const field = value.replace(/^[-+]/, '');
  return (USER_SORT_FIELDS as readonly string[]).includes(field)
    ? { field: field as UserSortField, direction }
    : DEFAULT_USER_SORT;
}
