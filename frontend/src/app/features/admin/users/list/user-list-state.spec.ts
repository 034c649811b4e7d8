import { convertToParamMap } from '@angular/router';

import {
  EMPTY_USER_FILTERS,
  activeUserFilterCount,
  parseUserFilters,
  toUserApiQuery,
  toUserFilterParams,
  type UserFilters,
} from './user-list-state';

describe('user list URL state', () => {
  it('reads the filters from the URL', () => {
    expect(
      parseUserFilters(
        convertToParamMap({ q: '  ada ', role: 'warehouse-lead', status: 'disabled', sort: '-createdAt' }),
      ),
    ).toEqual({ q: 'ada', role: 'warehouse-lead', status: 'disabled' });
  });

  it('falls back to the defaults for anything unknown or malformed', () => {
    expect(parseUserFilters(convertToParamMap({ role: 'Robert"); DROP', status: 'gone' }))).toEqual(EMPTY_USER_FILTERS);
  });

  it('writes the defaults as null so they leave the URL', () => {
    expect(toUserFilterParams(EMPTY_USER_FILTERS)).toEqual({ q: null, role: null, status: null });
    expect(toUserFilterParams({ q: 'ada', role: 'clerk', status: 'active' })).toEqual({
      q: 'ada',
      role: 'clerk',
      status: 'active',
    });
  });

  it('round-trips through the URL', () => {
    const filters: UserFilters = { q: 'viewer', role: 'viewer', status: 'disabled' };
    expect(parseUserFilters(convertToParamMap(toUserFilterParams(filters)))).toEqual(filters);
  });

  it('sends only the set filters to the API and counts them', () => {
    expect(toUserApiQuery(EMPTY_USER_FILTERS)).toEqual({});
    expect(toUserApiQuery({ q: '', role: 'clerk', status: 'disabled' })).toEqual({ role: 'clerk', status: 'disabled' });
    expect(activeUserFilterCount({ q: 'a', role: 'clerk', status: 'all' })).toBe(2);
  });
});
