import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { choose, warehouse } from '../testing/inventory-fixtures';
import { EMPTY_MOVEMENT_FILTERS, type MovementFilters } from './movement-filters';
import { MovementFiltersComponent } from './movement-filters.component';

@Component({
  selector: 'app-movement-filters-host',
  imports: [MovementFiltersComponent],
  template: `<app-movement-filters
    [filters]="filters()"
    [warehouses]="warehouses"
    [showSearch]="showSearch()"
    (filtersChange)="changes.push($event)"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly filters = signal<MovementFilters>({ ...EMPTY_MOVEMENT_FILTERS, type: 'receipt' });
  readonly showSearch = signal(false);
  readonly warehouses = [warehouse(), warehouse({ id: 'w-b', code: 'WH-B' })];
  readonly changes: MovementFilters[] = [];
}

jest.setTimeout(20_000);

describe('MovementFiltersComponent', () => {
  async function render() {
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    const fixture = TestBed.createComponent(HostComponent);
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement, stable: () => fixture.whenStable() };
  }

  it('shows the given filters and the product search only where asked for', async () => {
    const { fixture, root, stable } = await render();
    expect(root.querySelector('input[type="search"]')).toBeNull();
    expect(root.textContent).toContain('Clear filters');

    fixture.componentInstance.showSearch.set(true);
    await stable();
    expect(root.querySelector('input[type="search"]')).not.toBeNull();
  });

  it('emits the edited filters once the user stops changing them', async () => {
    const { fixture, root, stable } = await render();
    await choose(root, 'Warehouse', 'WH-B', stable);
    expect(fixture.componentInstance.changes).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(fixture.componentInstance.changes).toEqual([
      { ...EMPTY_MOVEMENT_FILTERS, type: 'receipt', warehouseId: 'w-b' },
    ]);
  });

  it('clears every filter at once', async () => {
    const { fixture, root } = await render();
    Array.from(root.querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'Clear filters')
      ?.click();
    expect(fixture.componentInstance.changes).toEqual([EMPTY_MOVEMENT_FILTERS]);
  });
});
