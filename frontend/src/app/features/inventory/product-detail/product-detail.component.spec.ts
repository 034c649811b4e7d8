import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DomainEventName, Permission, type DomainEventEnvelope, type ProductDto } from '@depot/contracts';

import { FakeRealtimeService, productEvent, provideFakeRealtime } from '../../../../testing/fake-realtime';
import { StubPageComponent } from '../../../../testing/stub-page.component';
import { product as baseProduct, settle } from '../../../../testing/test-helpers';
import { AuthService } from '../../../core/auth/auth.service';
import { PRODUCT_ID, choose, level, movement, warehouse } from '../testing/inventory-fixtures';
import { ProductDetailComponent, STOCK_REFRESH_DEBOUNCE_MS } from './product-detail.component';

const PRODUCT: ProductDto = {
  ...baseProduct({ id: PRODUCT_ID }),
  description: 'A sturdy widget.',
  costMinor: 1200,
  barcode: '4006381333931',
  categoryId: 'c-hand',
  attributes: { colour: 'red' },
  reorderPoint: 5,
  reorderQuantity: 20,
  preferredSupplierId: null,
  supplierSku: null,
  purchasePriceMinor: null,
};

const ALL = [
  Permission.CatalogProductsRead,
  Permission.CatalogProductsWrite,
  Permission.InventoryWarehousesRead,
  Permission.InventoryStockRead,
  Permission.InventoryStockAdjust,
  Permission.InventoryStockTransfer,
  Permission.AuditRead,
];

function stockEvent(productId = PRODUCT_ID): DomainEventEnvelope {
  return {
    id: `stock-${Math.random()}`,
    type: DomainEventName.StockChanged,
    aggregateType: 'stock',
    aggregateId: productId,
    occurredAt: '2026-01-04T09:00:00.000Z',
    payload: { productId, movementIds: ['m-2'], levels: [] },
  };
}

// Material dialogs, selects and tables render slowly in jsdom; these tests drive several of them.
jest.setTimeout(20_000);
describe('ProductDetailComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let realtime: FakeRealtimeService;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set(ALL));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'products/:id', component: ProductDetailComponent },
          { path: '**', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AuthService,
          useValue: {
            permissions,
            hasPermission: (permission: Permission) => permissions().has(permission),
          } satisfies Partial<AuthService>,
        },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideFakeRealtime(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    realtime = TestBed.inject(FakeRealtimeService);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    await settle();
    return harness.routeNativeElement as HTMLElement;
  }

  const isLevels = (request: { url: string }) => request.url === '/api/v1/stock-levels';
  const isMovements = (request: { url: string }) => request.url === '/api/v1/stock-movements';
  const isHistory = (request: { url: string }) => request.url === '/api/v1/audit-events';

  async function open(): Promise<HTMLElement> {
    await harness.navigateByUrl(`/products/${PRODUCT_ID}`);
    http.expectOne(`/api/v1/products/${PRODUCT_ID}`).flush(PRODUCT);
    http.expectOne('/api/v1/categories').flush({
      items: [{ id: 'c-hand', name: 'Hand tools', parentId: 'c-tools', path: ['Tools', 'Hand tools'] }],
      nextCursor: null,
    });
    if (permissions().has(Permission.InventoryWarehousesRead)) {
      http
        .expectOne((request) => request.url === '/api/v1/warehouses')
        .flush({ items: [warehouse(), warehouse({ id: 'w-b', code: 'WH-B' })], nextCursor: null });
    }
    await render();
    if (permissions().has(Permission.InventoryStockRead)) {
      http.expectOne(isLevels).flush({
        items: [level(), level({ warehouseId: 'w-b', warehouseCode: 'WH-B', onHand: 3, reserved: 0, available: 3 })],
        nextCursor: null,
      });
      http.expectOne(isMovements).flush({ items: [movement()], nextCursor: 'next' });
    }
    if (permissions().has(Permission.AuditRead)) {
      http.expectOne(isHistory).flush({
        items: [
          {
            id: 'a-1',
            occurredAt: '2026-01-03T11:30:00.000Z',
            actorType: 'user',
            actorId: 'u-1',
            actorLabel: 'Ada Admin',
            action: 'product.updated',
            entityType: 'product',
            entityId: PRODUCT_ID,
            changes: { priceMinor: { before: 1500, after: 1999 } },
            fieldChanges: [
              { field: 'priceMinor', label: 'Price', kind: 'money', before: 1500, after: 1999, currency: 'EUR' },
            ],
            entityRef: null,
            actorRef: null,
            requestId: null,
            ip: null,
          },
        ],
        nextCursor: null,
      });
    }
    return render();
  }

  async function selectTab(root: HTMLElement, label: string): Promise<void> {
    Array.from(root.querySelectorAll<HTMLElement>('[role="tab"]'))
      .find((tab) => tab.textContent?.trim() === label)
      ?.click();
    await render();
  }

  function buttonTexts(root: HTMLElement): string[] {
    return Array.from(root.querySelectorAll('.header-actions button, .header-actions a')).map(
      (element) => element.textContent?.trim() ?? '',
    );
  }

  it('shows the product, its stock per warehouse with totals, and the actions the user may take', async () => {
    const root = await open();

    expect(root.querySelector('h1')?.textContent).toContain('WIDGET-1');
    expect(root.querySelector('h1')?.textContent).toContain('Widget');
    expect(root.querySelector('.subtitle')?.textContent).toContain('€19.99');
    expect(buttonTexts(root)).toEqual(['Adjust stock', 'Transfer', 'Edit']);
    // Every field of the product, without opening Edit.
    const details = Object.fromEntries(
      Array.from(root.querySelectorAll('.details > div')).map((item) => [
        item.querySelector('dt')?.textContent?.trim(),
        item.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim(),
      ]),
    );
    expect(details).toMatchObject({
      SKU: 'WIDGET-1',
      Category: 'Tools / Hand tools',
      Barcode: '4006381333931',
      Price: '€19.99',
      Cost: '€12.00',
      'Reorder point': '5',
      'Reorder quantity': '20',
      Description: 'A sturdy widget.',
      Attributes: 'colour red',
    });

    const rows = Array.from(root.querySelectorAll('tr.level-row'));
    expect(rows.map((row) => row.getAttribute('data-warehouse'))).toEqual(['WH-A', 'WH-B']);
    expect(rows[0].textContent).not.toContain('Below reorder point');
    expect(rows[1].textContent).toContain('Below reorder point');
    const totals = Array.from(root.querySelectorAll('tr.total-row td')).map((cell) => cell.textContent?.trim());
    expect(totals).toEqual(['Total', '13', '2', '11', '']);
  });

  it('offers no stock actions and no stock tabs to a user without those permissions', async () => {
    permissions.set(new Set([Permission.CatalogProductsRead]));
    const root = await open();

    expect(buttonTexts(root)).toEqual([]);
    expect(root.querySelector('tr.level-row')).toBeNull();
    expect(root.textContent).toContain('You may not see the stock or the history of this product.');
  });

  it("refreshes the stock and the movements when this product's stock changes elsewhere", async () => {
    let root = await open();

    realtime.emit(stockEvent('another-product'));
    realtime.emit(stockEvent());
    realtime.emit(stockEvent());
    http.expectNone(isLevels);
    await new Promise((resolve) => setTimeout(resolve, STOCK_REFRESH_DEBOUNCE_MS + 50));
    // The tabs reload in effects, which run with the next change detection.
    await render();

    http.expectOne(isLevels).flush({ items: [level({ onHand: 25, available: 23 })], nextCursor: null });
    const movements: TestRequest = http.expectOne(isMovements);
    expect(movements.request.params.get('productId')).toBe(PRODUCT_ID);
    expect(movements.request.params.get('cursor')).toBeNull();
    movements.flush({
      items: [movement({ id: 'm-2', onHandChange: 15, onHandAfter: 25 }), movement()],
      nextCursor: null,
    });
    root = await render();

    expect(root.querySelector('tr.level-row')?.textContent).toContain('25');
    await selectTab(root, 'Movements');
    expect(root.querySelectorAll('tr.movement-row')).toHaveLength(2);
  });

  it('reloads the header and the history when the product is edited elsewhere', async () => {
    let root = await open();

    realtime.emit(productEvent(DomainEventName.ProductUpdated, { ...PRODUCT, name: 'Widget, renamed' }));
    await new Promise((resolve) => setTimeout(resolve, STOCK_REFRESH_DEBOUNCE_MS + 50));
    await render();
    http.expectOne(`/api/v1/products/${PRODUCT_ID}`).flush({ ...PRODUCT, name: 'Widget, renamed', version: 4 });
    http.expectOne(isHistory).flush({ items: [], nextCursor: null });
    root = await render();

    expect(root.querySelector('h1')?.textContent).toContain('Widget, renamed');
  });

  it('filters the movements and pages to older ones', async () => {
    const root = await open();
    await selectTab(root, 'Movements');
    expect(root.querySelectorAll('tr.movement-row')).toHaveLength(1);

    Array.from(root.querySelectorAll('button'))
      .find((element) => element.textContent?.trim() === 'Next')
      ?.click();
    await render();
    const older = http.expectOne(isMovements);
    expect(older.request.params.get('cursor')).toBe('next');
    expect(older.request.params.get('productId')).toBe(PRODUCT_ID);
    older.flush({ items: [movement({ id: 'm-0', onHandChange: 5 })], nextCursor: null });
    await render();
    expect(root.querySelectorAll('tr.movement-row')).toHaveLength(1);
    expect(root.querySelector('app-product-movements .page-range')?.textContent?.trim()).toBe('26–26 of 26');

    await choose(root, 'Type', 'Transfer in', render);
    // The filter form waits for typing to stop before it filters.
    await new Promise((resolve) => setTimeout(resolve, 350));
    await render();
    const filtered = http.expectOne(isMovements);
    expect(filtered.request.params.get('type')).toBe('transfer_in');
    expect(filtered.request.params.get('productId')).toBe(PRODUCT_ID);
    expect(filtered.request.params.get('cursor')).toBeNull();
    filtered.flush({ items: [], nextCursor: null });
    await render();
    expect(root.textContent).toContain('No movements match the filters.');
  });

  it('shows the field-level changes of the product history', async () => {
    const root = await open();
    await selectTab(root, 'History');
    const entry = root.querySelector('.history-entry');
    expect(entry?.textContent).toContain('Ada Admin');
    expect(entry?.querySelector('.before .value')?.textContent?.trim()).toBe('€15.00');
    expect(entry?.querySelector('.after .value')?.textContent?.trim()).toBe('€19.99');
  });
});
