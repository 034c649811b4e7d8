import { convertToParamMap } from '@angular/router';

import { PRODUCT_LIMITS } from '@depot/contracts';

import {
  DEFAULT_FILTERS,
  MAX_ATTRIBUTE_FILTERS,
  activeFilterCount,
  parseAttributeFilter,
  parseProductFilters,
  toFilterParams,
  toProductQuery,
} from './product-list-state';

describe('product list state', () => {
  it('reads the filters from the query parameters', () => {
    expect(parseProductFilters(convertToParamMap({ q: ' bolt ', status: 'archived', sort: '-name' }))).toEqual({
      ...DEFAULT_FILTERS,
      q: 'bolt',
      status: 'archived',
    });
  });

  it('reads the catalog filters, dropping malformed and repeated attribute filters', () => {
    const params = new URLSearchParams(
      'categoryId=c-1&attribute=color:red&attribute=Size: M &attribute=color:red&attribute=nocolon&attribute=BAD KEY:x&attribute=k:&belowReorderPoint=true',
    );
    const filters = parseProductFilters(
      convertToParamMap({
        categoryId: params.get('categoryId'),
        attribute: params.getAll('attribute'),
        belowReorderPoint: params.get('belowReorderPoint'),
      }),
    );

    expect(filters.categoryId).toBe('c-1');
    expect(filters.attributes).toEqual(['color:red', 'size:M']);
    expect(filters.belowReorderPoint).toBe(true);
    expect(parseProductFilters(convertToParamMap({ categoryId: '../../etc', belowReorderPoint: 'yes' }))).toEqual(
      DEFAULT_FILTERS,
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
    expect(parseProductFilters(convertToParamMap({ attribute: many })).attributes).toHaveLength(MAX_ATTRIBUTE_FILTERS);
  });

  it('falls back to the defaults for missing or unknown values', () => {
    expect(parseProductFilters(convertToParamMap({}))).toEqual(DEFAULT_FILTERS);
    expect(parseProductFilters(convertToParamMap({ status: 'deleted' }))).toEqual(DEFAULT_FILTERS);
  });

  it('writes the default filters as null, so the URL stays clean', () => {
    expect(toFilterParams(DEFAULT_FILTERS)).toEqual({
      q: null,
      status: null,
      categoryId: null,
      attribute: null,
      belowReorderPoint: null,
    });
    expect(
      toFilterParams({
        q: 'bolt',
        status: 'all',
        categoryId: 'c-1',
        attributes: ['color:red', 'size:M'],
        belowReorderPoint: true,
      }),
    ).toEqual({
      q: 'bolt',
      status: 'all',
      categoryId: 'c-1',
      attribute: ['color:red', 'size:M'],
      belowReorderPoint: 'true',
    });
  });

  it('round-trips through the URL', () => {
    const filters = {
      q: 'nut',
      status: 'archived',
      categoryId: 'c-9',
      attributes: ['color:red'],
      belowReorderPoint: true,
    } as const;
    expect(parseProductFilters(convertToParamMap(toFilterParams(filters)))).toEqual(filters);
  });

  it('sends the catalog filters to the API, and all statuses without a status filter', () => {
    expect(toProductQuery(DEFAULT_FILTERS)).toEqual({ status: 'active' });
    expect(
      toProductQuery({
        ...DEFAULT_FILTERS,
        status: 'all',
        categoryId: 'c-1',
        attributes: ['color:red', 'size:M'],
        belowReorderPoint: true,
      }),
    ).toEqual({ categoryId: 'c-1', attribute: ['color:red', 'size:M'], belowReorderPoint: true });
  });

  it('counts what narrows the list', () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, categoryId: 'c-1', attributes: ['a:b', 'c:d'] })).toBe(3);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, belowReorderPoint: true, q: 'x' })).toBe(2);
  });
});
