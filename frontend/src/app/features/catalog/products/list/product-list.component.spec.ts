import { Location } from '@angular/common';
import { provideLocationMocks } from '@angular/common/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DomainEventName, Permission, type CategoryDto, type Page, type ProductDto } from '@depot/contracts';

import { FakeRealtimeService, productEvent, provideFakeRealtime } from '../../../../../testing/fake-realtime';
import { product as baseProduct, settle, pageOf } from '../../../../../testing/test-helpers';
import { AuthService } from '../../../../core/auth/auth.service';
import { LIVE_REFRESH_DEBOUNCE_MS, ProductListComponent } from './product-list.component';
import { StubPageComponent } from '../../../../../testing/stub-page.component';

function product(overrides: Partial<ProductDto> = {}): ProductDto {
  return baseProduct({
    costMinor: null,
    barcode: null,
    categoryId: null,
    attributes: {},
    reorderPoint: 0,
    reorderQuantity: 0,
    preferredSupplierId: null,
    supplierSku: null,
    purchasePriceMinor: null,
    ...overrides,
  });
}

function category(overrides: Partial<CategoryDto> & Pick<CategoryDto, 'id' | 'name'>): CategoryDto {
  return {
    parentId: null,
    path: [overrides.name],
    depth: 1,
    productCount: 0,
    childCount: 0,
    version: 1,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

const CATEGORIES: CategoryDto[] = [
  category({ id: 'c-tools', name: 'Tools', childCount: 1 }),
  category({ id: 'c-hand', name: 'Hand tools', parentId: 'c-tools', path: ['Tools', 'Hand tools'], depth: 2 }),
];

function page(items: ProductDto[], nextCursor: string | null, total?: number): Page<ProductDto> {
  return { items, nextCursor, ...(total === undefined ? {} : { total }) };
}

// The first test of a file compiles the Material components it renders, which is slow on a busy machine.
jest.setTimeout(20_000);

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
          { path: 'products/import', component: StubPageComponent },
          { path: 'products/:id', component: StubPageComponent },
        ]),
        provideLocationMocks(),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: AuthService,
          useValue: { permissions, currentUser: signal(null) } satisfies Partial<AuthService>,
        },
        provideFakeRealtime(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    realtime = TestBed.inject(FakeRealtimeService);
    router = TestBed.inject(Router);
    location = TestBed.inject(Location);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    flushCategories();
    // The saved-views menu of the toolbar asks for the list's views.
    for (const request of http.match((candidate) => candidate.url === '/api/v1/saved-views')) {
      if (!request.cancelled) {
        request.flush({ items: [], nextCursor: null });
      }
    }
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  /** The list loads the category tree once, for the filter and the category column. */
  function flushCategories(): void {
    for (const request of http.match('/api/v1/categories')) {
      request.flush(pageOf(CATEGORIES));
    }
  }

  function expectList(): TestRequest {
    return http.expectOne((request) => request.url === '/api/v1/products');
  }

  async function render(): Promise<HTMLElement> {
    flushCategories();
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
    expect(request.request.params.toString()).toBe('limit=25&includeTotal=true&sort=-updatedAt&status=active');
    request.flush(
      page([product(), product({ id: 'p2', sku: 'BOLT-7', name: 'Bolt', priceMinor: 5, currency: 'USD' })], null, 2),
    );

    const root = await render();
    const rows = root.querySelectorAll('tr.product-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('WIDGET-1');
    expect(rows[0].textContent).toContain('€19.99');
    expect(rows[1].textContent).toContain('$0.05');
    expect(root.querySelector('.page-range')?.textContent?.trim()).toBe('1–2 of 2');
  });

  it('restores search, sort, status, page size and cursor from the URL', async () => {
    await harness.navigateByUrl('/products?q=bolt&sort=name&status=archived&limit=50&cursor=c2');

    const request = expectList();
    expect(request.request.params.get('q')).toBe('bolt');
    expect(request.request.params.get('sort')).toBe('name');
    expect(request.request.params.get('status')).toBe('archived');
    expect(request.request.params.get('limit')).toBe('50');
    expect(request.request.params.get('cursor')).toBe('c2');
    expect(request.request.params.get('includeTotal')).toBe('true');
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
    nameHeader?.querySelector<HTMLElement>('button')?.click();
    await render();
    expect(currentParams().get('sort')).toBe('name');
    expect(expectList().request.params.get('sort')).toBe('name');

    nameHeader?.querySelector<HTMLElement>('button')?.click();
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
    expect(root.querySelector('.page-range')?.textContent?.trim()).toBe('11–11 of 30');

    buttonByText(root, 'Next').click();
    root = await render();
    expect(currentParams().get('cursor')).toBe('c3');
    expectList().flush(page([product({ id: 'p3' })], null));
    root = await render();
    expect(buttonByText(root, 'Next').disabled).toBe(true);
    expect(root.querySelector('.page-range')?.textContent?.trim()).toBe('21–21 of 30');

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
    expect(root.querySelector('.page-range')?.textContent).toContain('76–76');

    location.back();
    await settle();
    root = await render();

    expect(router.url).toBe('/products?cursor=c3');
    expectList().flush(page([product({ id: 'c3' })], 'c4'));
    root = await render();
    expect(root.querySelector('.page-range')?.textContent).toContain('51–51');

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

  it('opens the product page when a row is clicked', async () => {
    await harness.navigateByUrl('/products');
    expectList().flush(page([product({ id: 'abc' })], null));
    const root = await render();

    expect(root.querySelector('a.sku-link')?.getAttribute('href')).toBe('/products/abc');
    root.querySelector<HTMLElement>('tr.product-row td:nth-child(2)')?.click();
    await render();

    expect(router.url).toBe('/products/abc');
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
      { title: 'Internal Server Error', status: 500, detail: 'Something broke.' },
      {
        status: 500,
        statusText: 'Internal Server Error',
      },
    );
    const root = await render();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Something broke.');

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

  it('reloads the current page when the live connection is back after a loss (its events are gone)', async () => {
    await harness.navigateByUrl('/products?cursor=c2');
    expectList().flush(page([product({ priceMinor: 1999 })], null));
    await render();

    realtime.reconnect();
    await new Promise((resolve) => setTimeout(resolve, LIVE_REFRESH_DEBOUNCE_MS + 50));

    const reload = expectList();
    expect(reload.request.params.get('cursor')).toBe('c2');
    reload.flush(page([product({ priceMinor: 2500, version: 4 })], null));
    const root = await render();
    expect(root.querySelector('tr.product-row')?.textContent).toContain('€25.00');
  });

  it('ignores events of other aggregates', async () => {
    await harness.navigateByUrl('/products');
    expectList().flush(page([product()], null, 1));
    await render();

    realtime.emit({ ...productEvent(DomainEventName.ProductUpdated, product()), aggregateType: 'order' });
    await new Promise((resolve) => setTimeout(resolve, LIVE_REFRESH_DEBOUNCE_MS + 50));

    http.expectNone((request) => request.url === '/api/v1/products');
  });

  describe('catalog filters', () => {
    async function chooseOption(root: HTMLElement, fieldClass: string, label: string): Promise<void> {
      root.querySelector<HTMLElement>(`.${fieldClass} .mat-mdc-select-trigger`)?.click();
      await render();
      const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
        (candidate) => candidate.textContent?.trim() === label,
      );
      if (!option) {
        throw new Error(`No option "${label}"`);
      }
      option.click();
      await render();
    }

    function attributeInput(root: HTMLElement): HTMLInputElement {
      const input = root.querySelector<HTMLInputElement>('.attributes input');
      if (!input) {
        throw new Error('no attribute input');
      }
      return input;
    }

    async function typeAttribute(root: HTMLElement, text: string): Promise<void> {
      const input = attributeInput(root);
      input.value = text;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }));
      await render();
    }

    it('restores category, attribute and reorder filters from the URL and sends them to the API', async () => {
      await harness.navigateByUrl(
        '/products?categoryId=c-hand&attribute=color:red&attribute=size:M&belowReorderPoint=true',
      );
      const request = expectList();
      expect(request.request.params.get('categoryId')).toBe('c-hand');
      expect(request.request.params.getAll('attribute')).toEqual(['color:red', 'size:M']);
      expect(request.request.params.get('belowReorderPoint')).toBe('true');
      request.flush(page([product({ categoryId: 'c-hand' })], null, 1));
      const root = await render();

      expect(root.querySelector('.category .mat-mdc-select-value')?.textContent?.trim()).toBe('Tools / Hand tools');
      expect(Array.from(root.querySelectorAll('.attribute-chip')).map((chip) => chip.textContent?.trim())).toEqual([
        'color:red',
        'size:M',
      ]);
      expect(root.querySelector<HTMLInputElement>('.reorder-toggle button')?.getAttribute('aria-checked')).toBe('true');
      expect(root.querySelector('tr.product-row')?.textContent).toContain('Tools / Hand tools');
    });

    it('puts the chosen category into the URL and starts from the first page', async () => {
      await harness.navigateByUrl('/products?cursor=c2');
      expectList().flush(page([product()], null));
      const root = await render();

      const labels = await (async () => {
        root.querySelector<HTMLElement>('.category .mat-mdc-select-trigger')?.click();
        await render();
        return Array.from(document.querySelectorAll('mat-option')).map((option) => option.textContent?.trim());
      })();
      expect(labels).toEqual(['All categories', 'Tools', 'Tools / Hand tools']);
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((option) => option.textContent?.trim() === 'Tools')
        ?.click();
      await render();

      expect(currentParams().get('categoryId')).toBe('c-tools');
      expect(currentParams().has('cursor')).toBe(false);
      expect(expectList().request.params.get('categoryId')).toBe('c-tools');

      await chooseOption(root, 'category', 'All categories');
      expect(currentParams().has('categoryId')).toBe(false);
      expectList().flush(page([], null, 0));
    });

    it('adds an attribute filter chip on Enter and removes it again', async () => {
      await harness.navigateByUrl('/products');
      expectList().flush(page([product()], null));
      const root = await render();

      await typeAttribute(root, ' Color : red ');
      expect(currentParams().getAll('attribute')).toEqual(['color:red']);
      expect(expectList().request.params.getAll('attribute')).toEqual(['color:red']);
      expect(attributeInput(root).value).toBe('');

      await typeAttribute(root, 'size:M');
      expect(currentParams().getAll('attribute')).toEqual(['color:red', 'size:M']);
      expectList().flush(page([], null, 0));

      root.querySelector<HTMLElement>('.attribute-chip button[aria-label="Remove filter color:red"]')?.click();
      await render();
      expect(currentParams().getAll('attribute')).toEqual(['size:M']);
      expectList().flush(page([], null, 0));
    });

    it('explains an attribute filter that is not key:value and keeps what was typed', async () => {
      await harness.navigateByUrl('/products');
      expectList().flush(page([product()], null));
      const root = await render();

      await typeAttribute(root, 'just-a-word');

      expect(root.querySelector('.attributes [role="alert"]')?.textContent).toContain('key:value');
      expect(attributeInput(root).value).toBe('just-a-word');
      expect(currentParams().has('attribute')).toBe(false);
      http.expectNone((request) => request.url === '/api/v1/products');
    });

    it('filters to products below their reorder point with the toggle', async () => {
      await harness.navigateByUrl('/products');
      expectList().flush(page([product()], null));
      const root = await render();

      root.querySelector<HTMLElement>('.reorder-toggle button')?.click();
      await render();

      expect(currentParams().get('belowReorderPoint')).toBe('true');
      expect(expectList().request.params.get('belowReorderPoint')).toBe('true');
    });

    it('clears every filter from the empty state', async () => {
      await harness.navigateByUrl('/products?categoryId=c-tools&attribute=color:red&belowReorderPoint=true&sort=name');
      expectList().flush(page([], null, 0));
      const root = await render();

      buttonByText(root, 'Clear search and filters').click();
      await render();

      expect(router.url).toBe('/products?sort=name');
      expectList().flush(page([product()], null, 1));
    });
  });

  describe('export', () => {
    let saved: { href: string; download: string }[];

    beforeEach(() => {
      saved = [];
      // jsdom's Blob has no text(); browsers have had it for years.
      Object.defineProperty(Blob.prototype, 'text', {
        configurable: true,
        value(this: Blob): Promise<string> {
          return new Promise<string>((resolve) => {
            const reader = new FileReader();
            reader.onload = () => resolve(reader.result as string);
            reader.readAsText(this);
          });
        },
      });
      Object.assign(URL, {
        createObjectURL: jest.fn(() => 'blob:export'),
        revokeObjectURL: jest.fn(),
      });
      jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push({ href: this.getAttribute('href') ?? '', download: this.download });
      });
    });

    it('downloads the CSV of the current filters with the file name the server gave', async () => {
      await harness.navigateByUrl('/products?q=bolt&categoryId=c-tools&attribute=color:red&cursor=c2&limit=50');
      expectList().flush(page([product()], null));
      const root = await render();

      buttonByText(root, 'Export CSV').click();
      await render();
      const request = http.expectOne((candidate) => candidate.url === '/api/v1/products/export.csv');
      expect(request.request.responseType).toBe('blob');
      expect(request.request.params.toString()).toBe(
        'sort=-updatedAt&q=bolt&status=active&categoryId=c-tools&attribute=color:red',
      );
      request.flush(new Blob(['sku,name\r\n'], { type: 'text/csv' }), {
        headers: { 'Content-Disposition': 'attachment; filename="products-2026-12-02.csv"' },
      });
      await render();

      expect(saved).toEqual([{ href: 'blob:export', download: 'products-2026-12-02.csv' }]);
      expect(document.querySelector('.cdk-overlay-container')?.textContent).toContain(
        'Downloaded products-2026-12-02.csv.',
      );
    });

    it('shows why an export failed', async () => {
      await harness.navigateByUrl('/products');
      expectList().flush(page([product()], null));
      const root = await render();

      buttonByText(root, 'Export CSV').click();
      http
        .expectOne('/api/v1/products/export.csv?sort=-updatedAt&status=active')
        .flush(new Blob([JSON.stringify({ title: 'Forbidden', status: 403, detail: 'You may not export.' })]), {
          status: 403,
          statusText: 'Forbidden',
        });
      // The error body is a Blob, read asynchronously.
      for (let tick = 0; tick < 20 && !root.querySelector('[role="alert"]'); tick++) {
        await settle();
        await render();
      }

      expect(root.querySelector('[role="alert"]')?.textContent).toContain('Could not export: You may not export.');
      expect(saved).toEqual([]);
    });
  });

  it('offers the import wizard to writers only', async () => {
    await harness.navigateByUrl('/products');
    expectList().flush(page([product()], null));
    let root = await render();
    expect(root.querySelector('a[href="/products/import"]')?.textContent).toContain('Import');

    permissions.set(new Set([Permission.CatalogProductsRead]));
    root = await render();
    expect(root.querySelector('a[href="/products/import"]')).toBeNull();
  });
});
