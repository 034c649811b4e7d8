import { convertToParamMap } from '@angular/router';

import { DEFAULT_LIST_STATE, parseListState, toApiQuery, toQueryParams } from './product-list-state';

describe('product list state', () => {
  it('reads every part of the view from the query parameters', () => {
    const state = parseListState(
      convertToParamMap({ q: ' bolt ', sort: '-priceMinor', status: 'archived', limit: '50', cursor: 'abc' }),
    );

    expect(state).toEqual({
      q: 'bolt',
      sort: { field: 'priceMinor', direction: 'desc' },
      status: 'archived',
      limit: 50,
      cursor: 'abc',
    });
  });

  it('falls back to the defaults for missing or unknown values', () => {
    expect(parseListState(convertToParamMap({}))).toEqual(DEFAULT_LIST_STATE);
    expect(
      parseListState(convertToParamMap({ sort: 'password', status: 'deleted', limit: '1000', cursor: '' })),
    ).toEqual(DEFAULT_LIST_STATE);
  });

  it('writes only the non-default parts to the URL', () => {
    expect(toQueryParams(DEFAULT_LIST_STATE)).toEqual({});
    expect(
      toQueryParams({ q: 'bolt', sort: { field: 'name', direction: 'asc' }, status: 'all', limit: 10, cursor: 'c2' }),
    ).toEqual({ q: 'bolt', sort: 'name', status: 'all', limit: '10', cursor: 'c2' });
  });

  it('round-trips through the URL', () => {
    const state = {
      q: 'nut',
      sort: { field: 'sku', direction: 'desc' },
      status: 'archived',
      limit: 100,
      cursor: 'x',
    } as const;
    expect(parseListState(convertToParamMap(toQueryParams(state)))).toEqual(state);
  });

  it('asks the API for the total on the first page only, and for all statuses without a filter', () => {
    expect(toApiQuery(DEFAULT_LIST_STATE)).toEqual({
      limit: 25,
      sort: '-updatedAt',
      status: 'active',
      includeTotal: true,
    });
    expect(toApiQuery({ ...DEFAULT_LIST_STATE, status: 'all', q: 'bolt', cursor: 'c2' })).toEqual({
      limit: 25,
      sort: '-updatedAt',
      q: 'bolt',
      cursor: 'c2',
    });
  });
});
