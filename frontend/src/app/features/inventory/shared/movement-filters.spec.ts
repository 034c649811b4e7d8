import { convertToParamMap } from '@angular/router';

import {
  EMPTY_MOVEMENT_FILTERS,
  activeMovementFilterCount,
  parseMovementFilters,
  toMovementParams,
  toMovementQuery,
} from './movement-filters';

describe('movement filters', () => {
  it('reads the filters from the URL, with or without a prefix, dropping malformed ones', () => {
    const params = convertToParamMap({
      q: ' bolt ',
      warehouseId: 'w-1',
      type: 'receipt',
      from: '2026-03-01',
      to: 'yesterday',
      mType: 'adjustment',
      mWarehouseId: '../x',
    });
    expect(parseMovementFilters(params)).toEqual({
      q: 'bolt',
      warehouseId: 'w-1',
      type: 'receipt',
      from: '2026-03-01',
      to: '',
    });
    expect(parseMovementFilters(params, 'm')).toEqual({ ...EMPTY_MOVEMENT_FILTERS, type: 'adjustment' });
  });

  it('writes empty filters as null so a merge removes them from the URL', () => {
    expect(toMovementParams({ ...EMPTY_MOVEMENT_FILTERS, type: 'receipt' }, 'm')).toEqual({
      mQ: null,
      mWarehouseId: null,
      mType: 'receipt',
      mFrom: null,
      mTo: null,
    });
  });

  it('sends only the set filters to the API and counts them', () => {
    const filters = { ...EMPTY_MOVEMENT_FILTERS, q: 'bolt', from: '2026-03-01' };
    const query = toMovementQuery(filters);
    expect(query.q).toBe('bolt');
    expect(typeof query.from).toBe('string');
    expect(query).not.toHaveProperty('type');
    expect(activeMovementFilterCount(filters)).toBe(2);
  });
});
