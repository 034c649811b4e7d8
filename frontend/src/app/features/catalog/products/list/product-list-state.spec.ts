import { convertToParamMap } from '@angular/router';

import { PRODUCT_LIMITS } from '@depot/contracts';

import {
  DEFAULT_LIST_STATE,
  MAX_ATTRIBUTE_FILTERS,
  hasActiveFilters,
  parseAttributeFilter,
  parseListState,
  toApiQuery,
  toFilterQuery,
  toQueryParams,
} from './product-list-state';

describe('product list state', () => {
  it('reads every part of the view from the query parameters', () => {
    const state = parseListState(
      convertToParamMap({ q: ' bolt ', sort: '-priceMinor', status: 'archived', limit: '50', cursor: 'abc' }),
    );

    expect(state).toEqual({
      q: 'bolt',
      sort: { field: 'priceMinor', direction: 'desc' },
      status: 'archived',
      categoryId: null,
      attributes: [],
      belowReorderPoint: false,
      limit: 50,
      cursor: 'abc',
    });
  });

  it('reads the catalog filters, dropping malformed and repeated attribute filters', () => {
    const params = new URLSearchParams(
      'categoryId=c-1&attribute=color:red&attribute=Size: M &attribute=color:red&attribute=nocolon&attribute=BAD KEY:x&attribute=k:&belowReorderPoint=true',
    );
    const state = parseListState(
      convertToParamMap({
        categoryId: params.get('categoryId'),
        attribute: params.getAll('attribute'),
        belowReorderPoint: params.get('belowReorderPoint'),
      }),
    );

    expect(state.categoryId).toBe('c-1');
    expect(state.attributes).toEqual(['color:red', 'size:M']);
    expect(state.belowReorderPoint).toBe(true);
    expect(parseListState(convertToParamMap({ categoryId: '../../etc', belowReorderPoint: 'yes' }))).toEqual(
      DEFAULT_LIST_STATE,
    );
  });

  it('parses a typed attribute filter into canonical key:value', () => {
    expect(parseAttributeFilter(' Color : dark red ')).toBe('color:dark red');
    expect(parseAttributeFilter('url:http://x')).toBe('url:http://x');
    expect(parseAttributeFilter('color')).toBeNull();
    expect(parseAttributeFilter(':red')).toBeNull();
    expect(parseAttributeFilter('color:')).toBeNull();
    expect(parseAttributeFilter(`${'k'.repeat(PRODUCT_LIMITS.attributeKeyMaxLength + 1)}:v`)).toBeNull();
  });

  it('keeps at most the allowed number of attribute filters', () => {
    const many = Array.from({ length: MAX_ATTRIBUTE_FILTERS + 3 }, (_, index) => `k${index}:v`);
    expect(parseListState(convertToParamMap({ attribute: many })).attributes).toHaveLength(MAX_ATTRIBUTE_FILTERS);
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
      toQueryParams({
        ...DEFAULT_LIST_STATE,
        q: 'bolt',
        sort: { field: 'name', direction: 'asc' },
        status: 'all',
        categoryId: 'c-1',
        attributes: ['color:red', 'size:M'],
        belowReorderPoint: true,
        limit: 10,
        cursor: 'c2',
      }),
    ).toEqual({
      q: 'bolt',
      sort: 'name',
      status: 'all',
      categoryId: 'c-1',
      attribute: ['color:red', 'size:M'],
      belowReorderPoint: 'true',
      limit: '10',
      cursor: 'c2',
    });
  });

  it('round-trips through the URL', () => {
    const state = {
      q: 'nut',
      sort: { field: 'sku', direction: 'desc' },
      status: 'archived',
      categoryId: 'c-9',
      attributes: ['color:red'],
      belowReorderPoint: true,
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

  it('sends the catalog filters to the API and to the export, the export without paging', () => {
    const state = {
      ...DEFAULT_LIST_STATE,
      categoryId: 'c-1',
      attributes: ['color:red', 'size:M'],
      belowReorderPoint: true,
      cursor: 'c2',
    };
    expect(toApiQuery(state)).toEqual({
      limit: 25,
      sort: '-updatedAt',
      status: 'active',
      categoryId: 'c-1',
      attribute: ['color:red', 'size:M'],
      belowReorderPoint: true,
      cursor: 'c2',
    });
    expect(toFilterQuery(state)).toEqual({
      sort: '-updatedAt',
      status: 'active',
      categoryId: 'c-1',
      attribute: ['color:red', 'size:M'],
      belowReorderPoint: true,
    });
  });

  it('knows when anything narrows the list', () => {
    expect(hasActiveFilters(DEFAULT_LIST_STATE)).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_LIST_STATE, sort: { field: 'name', direction: 'asc' } })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_LIST_STATE, categoryId: 'c-1' })).toBe(true);
    expect(hasActiveFilters({ ...DEFAULT_LIST_STATE, attributes: ['a:b'] })).toBe(true);
    expect(hasActiveFilters({ ...DEFAULT_LIST_STATE, belowReorderPoint: true })).toBe(true);
  });
});
