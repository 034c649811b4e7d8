import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type PurchaseOrderSummaryDto } from '@depot/contracts';

import { provideFakeRealtime } from '../../../../../testing/fake-realtime';
import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { settle } from '../../../../../testing/test-helpers';
import { AuthService } from '../../../../core/auth/auth.service';
import { choose, field } from '../../../inventory/testing/inventory-fixtures';
import { ORDER_ID, SUPPLIER_ID, orderSummary, partner } from '../../testing/purchasing-fixtures';
import { AUTOCOMPLETE_DEBOUNCE_MS } from '../shared/autocomplete-search';
import { PurchaseOrderListComponent, SEARCH_DEBOUNCE_MS } from './purchase-order-list.component';

const ORDERS_URL = '/api/v1/purchase-orders';

function page(items: PurchaseOrderSummaryDto[], nextCursor: string | null = null) {
  return { items, nextCursor };
}

// Material tables, selects and autocompletes render slowly in jsdom.
jest.setTimeout(20_000);

describe('PurchaseOrderListComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(
      new Set([Permission.PurchasingOrdersRead, Permission.PurchasingOrdersWrite, Permission.PurchasingSuppliersRead]),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'purchase-orders', component: PurchaseOrderListComponent },
          { path: 'purchase-orders/new', component: StubPageComponent },
          { path: 'purchase-orders/:id', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeRealtime(),
        { provide: AuthService, useValue: { permissions, currentUser: signal(null) } satisfies Partial<AuthService> },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
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

  function root(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  async function render(): Promise<void> {
    TestBed.tick();
    await settle();
    await harness.fixture.whenStable();
  }

  function expectList(): TestRequest {
    return http.expectOne((request) => request.url === ORDERS_URL);
  }

  function rowTexts(): string[][] {
    return Array.from(root().querySelectorAll('tr.order-row')).map((row) =>
      Array.from(row.querySelectorAll('td[data-column]')).map((cell) =>
        (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ),
    );
  }

  it('lists number, supplier, status, expected date, total in the order currency and line count', async () => {
    await harness.navigateByUrl('/purchase-orders');
    const request = expectList();
    expect(request.request.params.toString()).toBe('limit=25&includeTotal=true&sort=-createdAt');
    request.flush(
      page([
        orderSummary(),
        orderSummary({
          id: 'po-2',
          number: 'PO-2026-000043',
          status: 'partially_received',
          currency: 'JPY',
          totalMinor: 123456,
          expectedDate: null,
          lineCount: 1,
        }),
      ]),
    );
    await render();
    expect(rowTexts()).toEqual([
      ['PO-2026-000042', expect.stringMatching(/^ACME\s*Acme Supplies$/), 'Draft', 'Mar 4, 2026', '€670.00', '2'],
      ['PO-2026-000043', expect.stringMatching(/^ACME\s*Acme Supplies$/), 'Partially received', '—', '¥123,456', '1'],
    ]);
  });

  it('reads status, supplier and search from the URL and sends them to the API', async () => {
    await harness.navigateByUrl(`/purchase-orders?status=submitted&supplierId=${SUPPLIER_ID}&q=PO-2026`);
    const request = expectList();
    expect(request.request.params.get('status')).toBe('submitted');
    expect(request.request.params.get('supplierId')).toBe(SUPPLIER_ID);
    expect(request.request.params.get('q')).toBe('PO-2026');
    request.flush(page([]));
    // The supplier filter shows the supplier's name, not its id.
    http.expectOne(`/api/v1/suppliers/${SUPPLIER_ID}`).flush(partner());
    await render();
    expect(field(root(), 'Supplier').querySelector('input')?.value).toBe('ACME · Acme Supplies');
    expect(root().querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('PO-2026');
    expect(root().textContent).toContain('No purchase orders match your search.');
  });

  it('puts the chosen status, the debounced search and the picked supplier into the URL', async () => {
    await harness.navigateByUrl('/purchase-orders');
    expectList().flush(page([orderSummary()]));
    await render();

    await choose(root(), 'Status', 'Received', render);
    expect(router.url).toBe('/purchase-orders?status=received');
    expectList().flush(page([]));
    await render();

    const search = root().querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = ' 0042 ';
    search.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
    await render();
    expect(router.url).toBe('/purchase-orders?status=received&q=0042');
    expectList().flush(page([]));
    await render();

    const supplier = field(root(), 'Supplier').querySelector('input')!;
    supplier.focus();
    supplier.value = 'acme';
    supplier.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, AUTOCOMPLETE_DEBOUNCE_MS + 50));
    http
      .expectOne((request) => request.url === '/api/v1/suppliers' && request.params.get('q') === 'acme')
      .flush({ items: [partner()], nextCursor: null });
    await render();
    document.querySelector<HTMLElement>('mat-option')!.click();
    await render();
    expect(router.url).toBe(`/purchase-orders?status=received&q=0042&supplierId=${SUPPLIER_ID}`);
    expect(expectList().request.params.get('supplierId')).toBe(SUPPLIER_ID);
  });

  it('opens an order when its row is clicked', async () => {
    await harness.navigateByUrl('/purchase-orders');
    expectList().flush(page([orderSummary()]));
    await render();
    root().querySelector<HTMLElement>('tr.order-row td:nth-child(2)')!.click();
    await render();
    expect(router.url).toBe(`/purchase-orders/${ORDER_ID}`);
  });

  it('offers "New purchase order" only to users who may write', async () => {
    await harness.navigateByUrl('/purchase-orders');
    expectList().flush(page([]));
    await render();
    expect(root().textContent).toContain('New purchase order');

    permissions.set(new Set([Permission.PurchasingOrdersRead]));
    await render();
    expect(root().textContent).not.toContain('New purchase order');
    // Without access to suppliers there is no supplier filter either.
    const labels = Array.from(root().querySelectorAll('mat-label')).map((label) => label.textContent?.trim());
    expect(labels).not.toContain('Supplier');
  });
});
