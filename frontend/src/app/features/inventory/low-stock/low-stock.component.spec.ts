import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type LowStockItemDto } from '@depot/contracts';

import { provideFakeRealtime } from '../../../../testing/fake-realtime';
import { settle } from '../../../../testing/test-helpers';
import { AuthService } from '../../../core/auth/auth.service';
import { PRODUCT_ID, choose, field, level, movement, warehouse } from '../testing/inventory-fixtures';
import { LowStockComponent } from './low-stock.component';

const ITEM: LowStockItemDto = {
  productId: PRODUCT_ID,
  sku: 'WIDGET-1',
  productName: 'Widget',
  warehouseId: 'w-b',
  warehouseCode: 'WH-B',
  available: 2,
  reorderPoint: 5,
  reorderQuantity: 20,
  shortfall: 3,
};

// Material dialogs, selects and tables render slowly in jsdom; these tests drive several of them.
jest.setTimeout(20_000);
describe('LowStockComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(
      new Set([Permission.InventoryStockRead, Permission.InventoryStockAdjust, Permission.InventoryWarehousesRead]),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'stock/low', component: LowStockComponent }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AuthService,
          useValue: {
            permissions,
            hasPermission: (permission: Permission) => permissions().has(permission),
            currentUser: signal(null),
          } satisfies Partial<AuthService>,
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideFakeRealtime(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    // The saved-views menu of the toolbar asks for the list's views.
    for (const request of http.match((candidate) => candidate.url === '/api/v1/saved-views')) {
      if (!request.cancelled) {
        request.flush({ items: [], nextCursor: null });
      }
    }
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    await settle();
    return harness.routeNativeElement as HTMLElement;
  }

  const isLowStock = (request: { url: string }) => request.url === '/api/v1/stock/low-stock';
  const isWarehouses = (request: { url: string }) => request.url === '/api/v1/warehouses';

  async function open(url = '/stock/low'): Promise<HTMLElement> {
    await harness.navigateByUrl(url);
    http
      .expectOne((request) => isWarehouses(request) && !request.params.has('active'))
      .flush({ items: [warehouse(), warehouse({ id: 'w-b', code: 'WH-B' })], nextCursor: null });
    return render();
  }

  it('lists the shortfalls with a link to the product, filtered by a warehouse kept in the URL', async () => {
    let root = await open();
    http.expectOne(isLowStock).flush({ items: [ITEM], nextCursor: null });
    root = await render();
    const row = root.querySelector('tr.low-stock-row');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe(`/products/${PRODUCT_ID}`);
    expect(row?.querySelector('.shortfall')?.textContent?.trim()).toBe('3');

    await choose(root, 'Warehouse', 'WH-B', render);
    expect(router.url).toBe('/stock/low?warehouseId=w-b');
    const filtered = http.expectOne(isLowStock);
    expect(filtered.request.params.get('warehouseId')).toBe('w-b');
    filtered.flush({ items: [], nextCursor: null });
    root = await render();
    expect(root.textContent).toContain('Nothing is below its reorder point in this warehouse.');
  });

  it('adjusts a row with its warehouse and reorder quantity preset, then reloads', async () => {
    let root = await open();
    http.expectOne(isLowStock).flush({ items: [ITEM], nextCursor: null });
    root = await render();

    root.querySelector<HTMLButtonElement>('tr.low-stock-row button')?.click();
    await render();
    http
      .expectOne((request) => isWarehouses(request) && request.params.get('active') === 'true')
      .flush({ items: [warehouse(), warehouse({ id: 'w-b', code: 'WH-B' })], nextCursor: null });
    http.expectOne((request) => request.url === '/api/v1/stock-levels').flush({ items: [], nextCursor: null });
    await render();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container')!;
    expect(field(dialog, 'Quantity').querySelector('input')?.value).toBe('20');
    await choose(dialog, 'Reason', 'Count correction', render);
    Array.from(dialog.querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Adjust stock')
      ?.click();

    const adjustment = http.expectOne('/api/v1/stock/adjustments');
    expect(adjustment.request.body).toMatchObject({ warehouseId: 'w-b', quantity: 20, reasonCode: 'count_correction' });
    adjustment.flush(
      { movement: movement(), level: level({ warehouseId: 'w-b', warehouseCode: 'WH-B', available: 22 }) },
      { status: 201, statusText: 'Created' },
    );
    await render();
    http.expectOne(isLowStock).flush({ items: [], nextCursor: null });
    await render();
  });

  it('offers no adjustment to a user who may only read stock', async () => {
    permissions.set(new Set([Permission.InventoryStockRead]));
    await harness.navigateByUrl('/stock/low');
    http.expectOne(isLowStock).flush({ items: [ITEM], nextCursor: null });
    const root = await render();
    expect(root.querySelector('tr.low-stock-row button')).toBeNull();
  });
});
