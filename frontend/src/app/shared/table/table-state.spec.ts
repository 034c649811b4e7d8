import {
  formatSort,
  movedIndex,
  nextSort,
  pageRangeText,
  parseColumns,
  parsePageSize,
  parseSort,
  toggleSelection,
} from './table-state';

describe('table state', () => {
  it('reads only allowlisted sort fields, with a leading minus for descending', () => {
    expect(parseSort('-name', ['name', 'sku'])).toEqual({ field: 'name', direction: 'desc' });
    expect(parseSort('sku', ['name', 'sku'])).toEqual({ field: 'sku', direction: 'asc' });
    expect(parseSort('password', ['name'])).toBeNull();
    expect(parseSort(null, ['name'])).toBeNull();
    expect(formatSort({ field: 'name', direction: 'desc' })).toBe('-name');
  });

  it('flips the direction on the same column and starts a new column with its start direction', () => {
    expect(nextSort({ field: 'name', direction: 'asc' }, 'name')).toEqual({ field: 'name', direction: 'desc' });
    expect(nextSort({ field: 'name', direction: 'asc' }, 'updatedAt', 'desc')).toEqual({
      field: 'updatedAt',
      direction: 'desc',
    });
  });

  it('accepts only the offered page sizes', () => {
    expect(parsePageSize('50')).toBe(50);
    expect(parsePageSize('7')).toBe(25);
    expect(parsePageSize(null)).toBe(25);
  });

  it('keeps known column keys in order, without repeats, and falls back to the defaults', () => {
    expect(parseColumns('name,sku,name,bogus', ['sku', 'name'])).toEqual(['name', 'sku']);
    expect(parseColumns('bogus', ['sku'])).toBeNull();
    expect(parseColumns('', ['sku'])).toBeNull();
  });

  it('says which rows are on screen and of how many', () => {
    const base = { pageIndex: 0, pageSize: 25, rowCount: 25, total: 1234, totalCapped: false, hasNext: true };
    expect(pageRangeText(base)).toBe('1–25 of 1,234');
    expect(pageRangeText({ ...base, pageIndex: 2, rowCount: 9, total: 59, hasNext: false })).toBe('51–59 of 59');
    expect(pageRangeText({ ...base, total: 10000, totalCapped: true })).toBe('1–25 of 10,000+');
    expect(pageRangeText({ ...base, total: null })).toBe('1–25 of many');
    expect(pageRangeText({ ...base, total: null, rowCount: 3, hasNext: false })).toBe('1–3 of 3');
    expect(pageRangeText({ ...base, rowCount: 0, total: 0 })).toBe('No rows');
  });

  it('toggles one row on a plain click and a range on a shift-click', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const one = toggleSelection({ ids, selected: new Set(), index: 1, anchor: null, shift: false });
    expect([...one]).toEqual(['b']);
    const range = toggleSelection({ ids, selected: one, index: 3, anchor: 1, shift: true });
    expect([...range].sort()).toEqual(['b', 'c', 'd']);
    const cleared = toggleSelection({ ids, selected: range, index: 2, anchor: 4, shift: true });
    expect([...cleared].sort()).toEqual(['b']);
  });

  it('moves the active row with the arrows, j/k, Home and End, within the rows', () => {
    expect(movedIndex('j', 0, 3)).toBe(1);
    expect(movedIndex('ArrowDown', 2, 3)).toBe(2);
    expect(movedIndex('k', 0, 3)).toBe(0);
    expect(movedIndex('ArrowUp', 2, 3)).toBe(1);
    expect(movedIndex('End', 0, 3)).toBe(2);
    expect(movedIndex('Home', 2, 3)).toBe(0);
    expect(movedIndex('x', 1, 3)).toBeNull();
    expect(movedIndex('j', 0, 0)).toBeNull();
  });
});
