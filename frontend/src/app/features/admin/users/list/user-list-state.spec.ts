import { convertToParamMap } from '@angular/router';

import {
  DEFAULT_USER_LIST_STATE,
  parseUserListState,
  toUserApiQuery,
  toUserQueryParams,
  type UserListState,
} from './user-list-state';

describe('user list URL state', () => {
  it('reads every part of the view from the URL', () => {
    expect(
      parseUserListState(
        convertToParamMap({
          q: '  ada ',
          role: 'warehouse-lead',
          status: 'disabled',
          sort: '-createdAt',
          limit: '50',
          cursor: 'c2',
        }),
      ),
    ).toEqual({
      q: 'ada',
      role: 'warehouse-lead',
      status: 'disabled',
      sort: { field: 'createdAt', direction: 'desc' },
      limit: 50,
      cursor: 'c2',
    });
  });

  it('falls back to the defaults for anything unknown or malformed', () => {
    expect(
      parseUserListState(
        convertToParamMap({ role: 'Robert"); DROP', status: 'gone', sort: 'passwordHash', limit: '7' }),
      ),
    ).toEqual(DEFAULT_USER_LIST_STATE);
  });

  it('writes only what differs from the defaults into the URL', () => {
    expect(toUserQueryParams(DEFAULT_USER_LIST_STATE)).toEqual({});
    const state: UserListState = {
      q: 'ada',
      role: 'clerk',
      status: 'active',
      sort: { field: 'displayName', direction: 'asc' },
      limit: 10,
      cursor: 'c3',
    };
    expect(toUserQueryParams(state)).toEqual({
      q: 'ada',
      role: 'clerk',
      status: 'active',
      sort: 'displayName',
      limit: '10',
      cursor: 'c3',
    });
  });

  it('round-trips through the URL', () => {
    const state: UserListState = {
      q: 'viewer',
      role: 'viewer',
      status: 'all',
      sort: { field: 'email', direction: 'desc' },
      limit: 100,
      cursor: null,
    };
    expect(parseUserListState(convertToParamMap(toUserQueryParams(state)))).toEqual(state);
  });

  it('asks the API for the total on the first page only', () => {
    expect(toUserApiQuery(DEFAULT_USER_LIST_STATE)).toEqual({ limit: 25, sort: 'email', includeTotal: true });
    expect(toUserApiQuery({ ...DEFAULT_USER_LIST_STATE, role: 'clerk', status: 'disabled', cursor: 'c2' })).toEqual({
      limit: 25,
      sort: 'email',
      role: 'clerk',
      status: 'disabled',
      cursor: 'c2',
    });
  });
});
