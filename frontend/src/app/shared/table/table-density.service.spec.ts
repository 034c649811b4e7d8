import { TestBed } from '@angular/core/testing';

import { TableDensityService } from './table-density.service';

describe('TableDensityService', () => {
  beforeEach(() => localStorage.clear());

  it('starts comfortable and remembers compact rows', () => {
    const density = TestBed.inject(TableDensityService);
    expect(density.compact()).toBe(false);
    density.toggle();
    expect(density.compact()).toBe(true);
    expect(localStorage.getItem('depot.table.density')).toBe('compact');
  });

  it('reads the remembered density', () => {
    localStorage.setItem('depot.table.density', 'compact');
    expect(TestBed.inject(TableDensityService).compact()).toBe(true);
  });
});
