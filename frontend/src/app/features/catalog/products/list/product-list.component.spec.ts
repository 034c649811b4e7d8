import { Location } from '@angular/common';
import { provideLocationMocks } from '@angular/common/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DomainEventName, Permission, type Page, type ProductDto } from '@depot/contracts';

import { FakeRealtimeService, productEvent, provideFakeRealtime } from '../../../../../testing/fake-realtime';
import { product, settle } from '../../../../../testing/test-helpers';
import { AuthService } from '../../../../core/auth/auth.service';
import { LIVE_REFRESH_DEBOUNCE_MS, ProductListComponent } from './product-list.component';
import { StubPageComponent } from '../../../../../testing/stub-page.component';

function page(items: ProductDto[], nextCursor: string | null, total?: number): Page<ProductDto> {
  return { items, nextCursor, ...(total === undefined ? {} : { total }) };
}

describe('ProductListComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;
  let location: Location;
  let realtime: FakeRealtimeService;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set([Permission.CatalogProductsRead, Permission.CatalogProductsWrite]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'products', component: ProductListComponent },
          { path: 'products/new', component: StubPageComponent },
          { path: 'products/:id/edit', component: StubPageComponent },
        ]),
        provideLocationMocks(),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { permissions } satisfies Partial<AuthService> },
        provideFakeRealtime(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    realtime = TestBed.inject(FakeRealtimeService);
    router = TestBed.inject(Router);
    location = TestBed.inject(Location);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  function expectList(): TestRequest {
    return http.expectOne((request) => request.url === '/api/v1/products');
  }

  async function render(): Promise<HTMLElement> {
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  function buttonByText(root: HTMLElement, text: string): HTMLButtonElement {
    const button = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!button) {
      throw new Error(`No button "${text}"`);
    }
    return button;
  }

  function currentParams(): URLSearchParams {
    return new URLSearchParams(router.url.split('?')[1] ?? '');
  }

  it('loads the first page with the default view and shows the rows and the total', async () => {
    await harness.navigateByUrl('/products');
    const request = expectList();
    expect(request.request.params.toString()).toBe('limit=25&sort=-updatedAt&status=active&includeTotal=true');
    request.flush(
      page([product(), product({ id: 'p2', sku: 'BOLT-7', name: 'Bolt', priceMinor: 5, currency: 'USD' })], null, 2),
    );

    const root = await render();
    const rows = root.querySelectorAll('tr.product-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('WIDGET-1');
    expect(rows[0].textContent).toContain('€19.99');
    expect(rows[1].textContent).toContain('$0.05');
    expect(root.textContent).toContain('2 products');
  });

  it('restores search, sort, status, page size and cursor from the URL', async () => {
    await harness.navigateByUrl('/products?q=bolt&sort=name&status=archived&limit=50&cursor=c2');

    const request = expectList();
    expect(request.request.params.get('q')).toBe('bolt');
    expect(request.request.params.get('sort')).toBe('name');
    expect(request.request.params.get('status')).toBe('archived');
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.get('cursor')).toBe('c2');
    expect(request.request.params.has('includeTotal')).toBe(false);
    request.flush(page([product({ status: 'archived' })], null));

    const root = await render();
    expect(root.querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('bolt');
    expect(root.querySelector('th[aria-sort="ascending"]')?.textContent).toContain('Name');
  });

  it('puts the debounced search into the URL and starts again from the first page', async () => {
    await harness.navigateByUrl('/products?cursor=c2');
    expectList().flush(page([product()], null));
    const root = await render();

    const input = root.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) {
      throw new Error('no search box');
    }
    input.value = 'wid';
    input.dispatchEvent(new Event('input'));
    input.value = 'widget';
    input.dispatchEvent(new Event('input'));
    http.expectNone((request) => request.url === '/api/v1/products');

    await new Promise((resolve) => setTimeout(resolve, 350));
    await render();

    expect(currentParams().get('q')).toBe('widget');
    expect(currentParams().has('cursor')).toBe(false);
    const request = expectList();
    expect(request.request.params.get('q')).toBe('widget');
    expect(request.request.params.get('includeTotal')).toBe('true');
    request.flush(page([], null, 0));
  });

  it('sorts on the server when a column header is clicked', async () => {
    await harness.navigateByUrl('/products');
    expectList().flush(page([product()], null));
    const root = await render();

    const nameHeader = Array.from(root.querySelectorAll<HTMLElement>('th')).find((th) =>
      th.textContent?.includes('Name'),
    );
    nameHeader?.querySelector<HTMLElement>('.mat-sort-header-container')?.click();
    await render();
    expect(currentParams().get('sort')).toBe('name');
    expect(expectList().request.params.get('sort')).toBe('name');

    nameHeader?.querySelector<HTMLElement>('.mat-sort-header-container')?.click();
    await render();
    expect(currentParams().get('sort')).toBe('-name');
    expect(expectList().request.params.get('sort')).toBe('-name');
  });

  it('pages forward with the next cursor and back with the remembered ones', async () => {
    await harness.navigateByUrl('/products?limit=10');
    expectList().flush(page([product()], 'c2', 30));
    let root = await render();
    expect(buttonByText(root, 'Previous').disabled).toBe(true);

    buttonByText(root, 'Next').click();
    root = await render();
    expect(currentParams().get('cursor')).toBe('c2');
    expect(currentParams().get('limit')).toBe('10');
    const second = expectList();
    expect(second.request.params.get('cursor')).toBe('c2');
    second.flush(page([product({ id: 'p2' })], 'c3'));
    root = await render();
    expect(root.textContent).toContain('Page 2');
    expect(root.textContent).toContain('30 products');

    buttonByText(root, 'Next').click();
    root = await render();
    expect(currentParams().get('cursor')).toBe('c3');
    expectList().flush(page([product({ id: 'p3' })], null));
    root = await render();
    expect(buttonByText(root, 'Next').disabled).toBe(true);
    expect(root.textContent).toContain('Page 3');

    buttonByText(root, 'Previous').click();
    root = await render();
    expect(currentParams().get('cursor')).toBe('c2');
    expectList().flush(page([product({ id: 'p2' })], 'c3'));

    buttonByText(root, 'Previous').click();
    root = await render();
    expect(currentParams().has('cursor')).toBe(false);
    expect(expectList().request.params.get('includeTotal')).toBe('true');
  });

  it('restores the page and its way back on browser back', async () => {
    // What the app's bootstrap does: let the router follow back/forward.
    router.setUpLocationChangeListener();
    await harness.navigateByUrl('/products');
    expectList().flush(page([product()], 'c2'));
    let root = await render();
    for (const [cursor, next] of [
      ['c2', 'c3'],
      ['c3', 'c4'],
      ['c4', null],
    ] as const) {
      buttonByText(root, 'Next').click();
      root = await render();
      expect(currentParams().get('cursor')).toBe(cursor);
      expectList().flush(page([product({ id: cursor })], next));
      root = await render();
    }
    expect(root.textContent).toContain('Page 4');

    location.back();
    await settle();
    root = await render();

    expect(router.url).toBe('/products?cursor=c3');
    expectList().flush(page([product({ id: 'c3' })], 'c4'));
    root = await render();
    expect(root.textContent).toContain('Page 3');

    // The cursors of the earlier pages came back with the history entry.
    buttonByText(root, 'Previous').click();
    root = await render();
    expect(router.url).toBe('/products?cursor=c2');
    expectList().flush(page([product({ id: 'c2' })], 'c3'));
  });

  it('changing the status filter resets paging', async () => {
    await harness.navigateByUrl('/products?cursor=c2');
    expectList().flush(page([product()], null));
    const root = await render();

    root.querySelector<HTMLElement>('.status .mat-mdc-select-trigger')?.click();
    await render();
    const archived = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (option) => option.textContent?.trim() === 'Archived',
    );
    archived?.click();
    await render();

    expect(currentParams().get('status')).toBe('archived');
    expect(currentParams().has('cursor')).toBe(false);
    expectList().flush(page([], null, 0));
  });

  it('opens the edit page when a row is clicked', async () => {
    await harness.navigateByUrl('/products');
    expectList().flush(page([product({ id: 'abc' })], null));
    const root = await render();

    root.querySelector<HTMLElement>('tr.product-row td:nth-child(2)')?.click();
    await render();

    expect(router.url).toBe('/products/abc/edit');
  });

  it('shows an empty state that offers to clear the filters', async () => {
    await harness.navigateByUrl('/products?q=nothing');
    expectList().flush(page([], null, 0));
    const root = await render();

    expect(root.textContent).toContain('No products match your search.');
    buttonByText(root, 'Clear search and filters').click();
    await render();
    expect(router.url).toBe('/products');
    expectList().flush(page([product()], null, 1));
  });

  it('offers a retry when loading fails', async () => {
    await harness.navigateByUrl('/products');
    expectList().flush(
      { title: 'Service unavailable', status: 503, detail: 'Database is down.' },
      {
        status: 503,
        statusText: 'Service Unavailable',
      },
    );
    const root = await render();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Database is down.');

    buttonByText(root, 'Retry').click();
    expectList().flush(page([product()], null, 1));
    await render();
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('hides "New product" from users who may only read', async () => {
    permissions.set(new Set([Permission.CatalogProductsRead]));
    await harness.navigateByUrl('/products');
    expectList().flush(page([product()], null));
    const root = await render();

    expect(root.textContent).not.toContain('New product');
  });

  it('shows "New product" to users who may write', async () => {
    await harness.navigateByUrl('/products');
    expectList().flush(page([product()], null));
    const root = await render();

    expect(root.querySelector('a[href="/products/new"]')?.textContent).toContain('New product');
    await settle();
  });
  it('reloads the current page once when a burst of product changes arrives', async () => {
    await harness.navigateByUrl('/products?cursor=c2');
    expectList().flush(page([product({ priceMinor: 1999 })], null));
    let root = await render();
    expect(root.querySelector('tr.product-row')?.textContent).toContain('€19.99');

    realtime.emit(productEvent(DomainEventName.ProductUpdated, product({ priceMinor: 2500, version: 4 })));
    realtime.emit(productEvent(DomainEventName.ProductCreated, product({ id: 'new', sku: 'NEW-1' })));
    http.expectNone((request) => request.url === '/api/v1/products');

    await new Promise((resolve) => setTimeout(resolve, LIVE_REFRESH_DEBOUNCE_MS + 50));
    const reload = expectList();
    expect(reload.request.params.get('cursor')).toBe('c2');
    reload.flush(page([product({ priceMinor: 2500, version: 4 })], null));
    root = await render();

    expect(root.querySelector('tr.product-row')?.textContent).toContain('€25.00');
    expect(router.url).toBe('/products?cursor=c2');
  });

  it('ignores events of other aggregates', async () => {
    await harness.navigateByUrl('/products');
    expectList().flush(page([product()], null, 1));
    await render();

    realtime.emit({ ...productEvent(DomainEventName.ProductUpdated, product()), aggregateType: 'order' });
    await new Promise((resolve) => setTimeout(resolve, LIVE_REFRESH_DEBOUNCE_MS + 50));

    http.expectNone((request) => request.url === '/api/v1/products');
  });
});
