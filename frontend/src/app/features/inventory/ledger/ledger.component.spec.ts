import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DomainEventName, Permission, type LedgerConsistencyDto } from '@depot/contracts';

import { FakeRealtimeService, provideFakeRealtime } from '../../../../testing/fake-realtime';
import { settle } from '../../../../testing/test-helpers';
import { AuthService } from '../../../core/auth/auth.service';
import { PRODUCT_ID, choose, movement, warehouse } from '../testing/inventory-fixtures';
import { LedgerComponent, exportFileName } from './ledger.component';

// Material dialogs, selects and tables render slowly in jsdom; these tests drive several of them.
jest.setTimeout(20_000);
describe('ledger export', () => {
  it('names the export after the day', () => {
    expect(exportFileName(new Date(2026, 2, 4, 15, 0))).toBe('stock-movements-2026-03-04.csv');
  });
});

describe('LedgerComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;
  let realtime: FakeRealtimeService;
  const permissions = signal<ReadonlySet<Permission>>(
    new Set([Permission.InventoryStockRead, Permission.InventoryWarehousesRead]),
  );

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'stock/movements', component: LedgerComponent }]),
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
    realtime = TestBed.inject(FakeRealtimeService);
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
  });

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    await settle();
    return harness.routeNativeElement as HTMLElement;
  }

  const isMovements = (request: { url: string }) => request.url === '/api/v1/stock-movements';

  async function open(url = '/stock/movements'): Promise<HTMLElement> {
    await harness.navigateByUrl(url);
    http
      .expectOne((request) => request.url === '/api/v1/warehouses')
      .flush({ items: [warehouse(), warehouse({ id: 'w-b', code: 'WH-B' })], nextCursor: null });
    return render();
  }

  function clickButton(root: HTMLElement, text: string): void {
    const found = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) {
      throw new Error(`No button "${text}"`);
    }
    found.click();
  }

  it('loads the filters from the URL, and puts changed filters back into it', async () => {
    let root = await open('/stock/movements?q=WIDGET&type=adjustment');
    const first = http.expectOne(isMovements);
    expect(first.request.params.get('q')).toBe('WIDGET');
    expect(first.request.params.get('type')).toBe('adjustment');
    first.flush({ items: [movement()], nextCursor: 'c2' });
    root = await render();
    expect(root.querySelectorAll('tr.movement-row')).toHaveLength(1);
    expect(root.querySelector('tr.movement-row a')?.getAttribute('href')).toBe(`/products/${PRODUCT_ID}`);

    await choose(root, 'Warehouse', 'WH-B', render);
    await new Promise((resolve) => setTimeout(resolve, 350));
    await render();
    expect(router.url).toBe('/stock/movements?q=WIDGET&type=adjustment&warehouseId=w-b');
    const filtered = http.expectOne(isMovements);
    expect(filtered.request.params.get('warehouseId')).toBe('w-b');
    filtered.flush({ items: [], nextCursor: null });
    root = await render();
    expect(root.textContent).toContain('No movements match the filters.');

    clickButton(root, 'Clear filters');
    await render();
    expect(router.url).toBe('/stock/movements');
    http.expectOne(isMovements).flush({ items: [], nextCursor: null });
    await render();
  });

  it('exports the filtered ledger as CSV through the API', async () => {
    const root = await open('/stock/movements?type=receipt');
    http.expectOne(isMovements).flush({ items: [], nextCursor: null });
    await render();
    const createObjectURL = jest.fn(() => 'blob:ledger');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    clickButton(root, 'Export CSV');
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/stock-movements/export.csv');
    expect(request.request.params.get('type')).toBe('receipt');
    expect(request.request.params.has('limit')).toBe(false);
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['id,type\n'], { type: 'text/csv' }));
    await render();

    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
  });

  it('shows the result of the consistency check', async () => {
    const root = await open();
    http.expectOne(isMovements).flush({ items: [], nextCursor: null });
    await render();

    clickButton(root, 'Check consistency');
    const result: LedgerConsistencyDto = {
      consistent: false,
      checkedLevels: 12,
      checkedMovements: 340,
      mismatches: [
        { productId: PRODUCT_ID, warehouseId: 'w-a', onHand: 10, ledgerOnHand: 9, reserved: 0, ledgerReserved: 0 },
      ],
      checkedAt: '2026-01-04T09:00:00.000Z',
    };
    http.expectOne('/api/v1/stock/consistency').flush(result);
    await render();

    const card = root.querySelector('.consistency');
    expect(card?.textContent).toContain('Stock levels differ from the ledger');
    expect(card?.textContent).toContain('Checked 12 stock levels against 340 movements');
    expect(card?.querySelectorAll('tbody tr')).toHaveLength(1);
  });

  it('offers to show new movements instead of jumping when stock moves elsewhere', async () => {
    let root = await open();
    http.expectOne(isMovements).flush({ items: [movement()], nextCursor: null });
    await render();

    realtime.emit({
      id: 'e-1',
      type: DomainEventName.StockChanged,
      aggregateType: 'stock',
      aggregateId: PRODUCT_ID,
      occurredAt: '2026-01-04T09:00:00.000Z',
      payload: {},
    });
    root = await render();
    http.expectNone(isMovements);
    expect(root.textContent).toContain('New stock movements were recorded.');

    clickButton(root, 'Show them');
    http.expectOne(isMovements).flush({ items: [movement({ id: 'm-2' }), movement()], nextCursor: null });
    root = await render();
    expect(root.querySelectorAll('tr.movement-row')).toHaveLength(2);
    expect(root.textContent).not.toContain('New stock movements were recorded.');
  });
});
