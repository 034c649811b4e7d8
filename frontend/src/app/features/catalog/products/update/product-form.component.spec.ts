import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DomainEventName, PRODUCT_LIMITS, Permission, type CategoryDto, type ProductDto } from '@depot/contracts';

import { FakeRealtimeService, productEvent, provideFakeRealtime } from '../../../../../testing/fake-realtime';
import { problemBody, product as baseProduct, settle, pageOf } from '../../../../../testing/test-helpers';
import { AuthService } from '../../../../core/auth/auth.service';
import {
  BARCODE_CHECK_DIGIT_MESSAGE,
  BARCODE_FORMAT_MESSAGE,
  CONFLICT_MESSAGE,
  ProductFormComponent,
  SAVED_ELSEWHERE_MESSAGE,
} from './product-form.component';
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

const CATEGORIES: CategoryDto[] = [
  { id: 'c-tools', name: 'Tools', parentId: null, path: ['Tools'], depth: 1, childCount: 1 },
  { id: 'c-hand', name: 'Hand tools', parentId: 'c-tools', path: ['Tools', 'Hand tools'], depth: 2, childCount: 0 },
].map((category) => ({
  ...category,
  productCount: 0,
  version: 1,
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
}));

const PRODUCT_URL = `/api/v1/products/${product().id}`;

// The first test of a file compiles the Material components it renders, which is slow on a busy machine.
jest.setTimeout(20_000);

describe('ProductFormComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;
  let realtime: FakeRealtimeService;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(async () => {
    permissions.set(new Set([Permission.CatalogProductsRead, Permission.CatalogProductsWrite]));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'products', component: StubPageComponent },
          { path: 'products/new', component: ProductFormComponent },
          { path: 'products/:id/edit', component: ProductFormComponent },
          { path: 'products/:id', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { permissions } satisfies Partial<AuthService> },
        // jsdom runs no CSS animations, so dialogs would wait forever for their close animation.
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideFakeRealtime(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    realtime = TestBed.inject(FakeRealtimeService);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    flushCategories();
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  /** The form loads the category tree for its category picker. */
  function flushCategories(): void {
    for (const request of http.match('/api/v1/categories')) {
      request.flush(pageOf(CATEGORIES));
    }
  }

  async function render(): Promise<HTMLElement> {
    flushCategories();
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  function field(root: HTMLElement, label: string): HTMLElement {
    const found = Array.from(root.querySelectorAll<HTMLElement>('mat-form-field')).find(
      (formField) => formField.querySelector('mat-label')?.textContent?.trim() === label,
    );
    if (!found) {
      throw new Error(`No field labelled "${label}"`);
    }
    return found;
  }

  function errorOf(root: HTMLElement, label: string): string | null {
    return field(root, label).querySelector('mat-error')?.textContent?.trim() ?? null;
  }

  function type(root: HTMLElement, label: string, value: string): void {
    const control = field(root, label).querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    if (!control) {
      throw new Error(`No text control in "${label}"`);
    }
    control.value = value;
    control.dispatchEvent(new Event('input'));
    control.dispatchEvent(new Event('blur'));
  }

  function button(root: HTMLElement, text: string): HTMLButtonElement {
    const found = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!found) {
      throw new Error(`No button "${text}"`);
    }
    return found;
  }

  async function chooseCurrency(root: HTMLElement, currency: string): Promise<void> {
    field(root, 'Currency').querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await render();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((option) => option.textContent?.trim() === currency)
      ?.click();
    await render();
  }

  async function openEditPage(): Promise<HTMLElement> {
    await harness.navigateByUrl(`/products/${product().id}/edit`);
    http.expectOne(PRODUCT_URL).flush(product());
    return render();
  }

  async function save(root: HTMLElement, label = 'Save'): Promise<TestRequest> {
    button(root, label).click();
    await render();
    flushCategories();
    return http.expectOne((request) => request.url.startsWith('/api/v1/products'));
  }

  describe('client-side validation', () => {
    it('shows what is missing and sends nothing when an empty form is submitted', async () => {
      await harness.navigateByUrl('/products/new');
      const root = await render();

      button(root, 'Create').click();
      await render();

      expect(errorOf(root, 'SKU')).toBe('SKU is required.');
      expect(errorOf(root, 'Name')).toBe('Name is required.');
      expect(errorOf(root, 'Price')).toBe('Price is required.');
      expect(errorOf(root, 'Unit')).toBeNull();
      http.expectNone(() => true);
    });

    it('checks the SKU against the shared limits', async () => {
      await harness.navigateByUrl('/products/new');
      const root = await render();

      type(root, 'SKU', 'has spaces');
      await render();
      expect(errorOf(root, 'SKU')).toMatch(/letters, digits/i);

      type(root, 'SKU', 'A'.repeat(PRODUCT_LIMITS.skuMaxLength + 1));
      await render();
      expect(errorOf(root, 'SKU')).toBe(`SKU can have at most ${PRODUCT_LIMITS.skuMaxLength} characters.`);

      type(root, 'SKU', 'BOLT-7.a_b');
      await render();
      expect(errorOf(root, 'SKU')).toBeNull();
    });

    it('accepts as many price decimals as the currency has', async () => {
      await harness.navigateByUrl('/products/new');
      const root = await render();

      type(root, 'Price', '12.345');
      await render();
      expect(errorOf(root, 'Price')).toMatch(/at most 2 decimals/);

      type(root, 'Price', '12.34');
      await render();
      expect(errorOf(root, 'Price')).toBeNull();

      await chooseCurrency(root, 'JPY');
      expect(errorOf(root, 'Price')).toMatch(/without decimals/);
    });
  });

  it('creates a product, sending the price in minor units', async () => {
    await harness.navigateByUrl('/products/new');
    const root = await render();
    expect(root.querySelector('h1')?.textContent).toBe('New product');

    type(root, 'SKU', 'BOLT-7');
    type(root, 'Name', ' Hex bolt M8 ');
    type(root, 'Price', '0.29');
    const request = await save(root, 'Create');

    expect(request.request.method).toBe('POST');
    expect(request.request.url).toBe('/api/v1/products');
    expect(request.request.body).toEqual({
      sku: 'BOLT-7',
      name: 'Hex bolt M8',
      description: null,
      unit: 'pcs',
      priceMinor: 29,
      costMinor: null,
      currency: 'EUR',
      barcode: null,
      categoryId: null,
      attributes: {},
      reorderPoint: 0,
      reorderQuantity: 0,
      preferredSupplierId: null,
      supplierSku: null,
      purchasePriceMinor: null,
    });
    request.flush(product({ sku: 'BOLT-7' }), { status: 201, statusText: 'Created' });
    await render();
    await settle();

    // Create lands on the new product's page, not on the list.
    expect(router.url).toBe(`/products/${product().id}`);
    expect(document.querySelector('.cdk-overlay-container')?.textContent).toContain('Created BOLT-7.');
  });

  it('loads a product and saves it with the version it was loaded with', async () => {
    const root = await openEditPage();

    expect(field(root, 'Price').querySelector('input')?.value).toBe('19.99');
    expect(field(root, 'SKU').querySelector('input')?.value).toBe('WIDGET-1');
    type(root, 'Name', 'Widget XL');
    const request = await save(root);

    expect(request.request.method).toBe('PATCH');
    expect(request.request.url).toBe(PRODUCT_URL);
    expect(request.request.body).toMatchObject({ version: 3, name: 'Widget XL', priceMinor: 1999, currency: 'EUR' });
    request.flush(product({ name: 'Widget XL', version: 4 }));
    await render();
    expect(router.url).toBe(`/products/${product().id}`);
  });

  it('shows the server validation errors on the matching fields', async () => {
    const root = await openEditPage();

    const request = await save(root);
    request.flush(
      problemBody(400, 'REQUEST.VALIDATION_FAILED', 'The request is invalid.', {
        errors: [
          { field: 'name', message: 'Name must not be only digits.', code: 'pattern' },
          { field: 'priceMinor', message: 'Price must not exceed 100000000.00.', code: 'max' },
        ],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await render();

    expect(errorOf(root, 'Name')).toBe('Name must not be only digits.');
    expect(errorOf(root, 'Price')).toBe('Price must not exceed 100000000.00.');
    expect(errorOf(root, 'SKU')).toBeNull();
    expect(router.url).toBe(`/products/${product().id}/edit`);
  });

  it('shows a taken SKU on the SKU field', async () => {
    await harness.navigateByUrl('/products/new');
    const root = await render();
    type(root, 'SKU', 'WIDGET-1');
    type(root, 'Name', 'Another widget');
    type(root, 'Price', '5');

    const request = await save(root, 'Create');
    request.flush(problemBody(409, 'CATALOG.SKU_TAKEN', 'SKU WIDGET-1 is already in use.'), {
      status: 409,
      statusText: 'Conflict',
    });
    await render();

    expect(errorOf(root, 'SKU')).toBe('SKU WIDGET-1 is already in use.');
    expect(root.querySelector('.conflict-banner')).toBeNull();
  });

  it('explains a version conflict and reloads the latest version on request', async () => {
    const root = await openEditPage();
    type(root, 'Name', 'My stale edit');

    const stale = await save(root);
    stale.flush(problemBody(409, 'REQUEST.VERSION_CONFLICT', 'The product was modified.'), {
      status: 409,
      statusText: 'Conflict',
    });
    await render();

    const banner = root.querySelector('.conflict-banner');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(banner?.textContent).toContain(CONFLICT_MESSAGE);
    expect(button(root, 'Save').disabled).toBe(true);

    button(root, 'Reload latest').click();
    await render();
    http.expectOne(PRODUCT_URL).flush(product({ name: 'Their edit', version: 5 }));
    await render();

    expect(root.querySelector('.conflict-banner')).toBeNull();
    expect(field(root, 'Name').querySelector('input')?.value).toBe('Their edit');
    expect(router.url).toBe(`/products/${product().id}/edit`);

    const retry = await save(root);
    expect(retry.request.body).toMatchObject({ version: 5, name: 'Their edit' });
    retry.flush(product({ name: 'Their edit', version: 6 }));
    await render();
  });

  it('archives the product after confirmation', async () => {
    const root = await openEditPage();

    button(root, 'Archive').click();
    await render();
    const dialog = document.querySelector<HTMLElement>('mat-dialog-container');
    expect(dialog?.textContent).toContain('Archive product?');
    Array.from(dialog?.querySelectorAll('button') ?? [])
      .find((b) => b.textContent?.trim() === 'Archive')
      ?.click();
    await render();
    await settle();

    const request = http.expectOne(PRODUCT_URL);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await render();
    expect(router.url).toBe(`/products/${product().id}`);
  });

  it('lets a reader look at a product but not change it', async () => {
    permissions.set(new Set([Permission.CatalogProductsRead]));
    const root = await openEditPage();

    expect(root.querySelector('h1')?.textContent).toBe('Product details');
    expect(field(root, 'Name').querySelector('input')?.disabled).toBe(true);
    expect(Array.from(root.querySelectorAll('button')).map((b) => b.textContent?.trim())).not.toEqual(
      expect.arrayContaining(['Save', 'Archive']),
    );
  });

  it('says so when the product does not exist', async () => {
    await harness.navigateByUrl('/products/missing/edit');
    http
      .expectOne('/api/v1/products/missing')
      .flush(problemBody(404, 'CATALOG.PRODUCT_NOT_FOUND', 'Product not found.'), {
        status: 404,
        statusText: 'Not Found',
      });
    const root = await render();

    expect(root.querySelector('[role="alert"]')?.textContent).toContain('This product does not exist.');
    expect(root.querySelector('form')).toBeNull();
  });
  describe('when someone else saves the open product', () => {
    function banner(root: HTMLElement): HTMLElement | null {
      return (
        Array.from(root.querySelectorAll<HTMLElement>('[role="status"]')).find((element) =>
          element.textContent?.includes(SAVED_ELSEWHERE_MESSAGE),
        ) ?? null
      );
    }

    it('says so without touching the unsaved edits, and reloads on request', async () => {
      let root = await openEditPage();
      type(root, 'Name', 'My unsaved name');

      realtime.emit(productEvent(DomainEventName.ProductUpdated, product({ version: 4, priceMinor: 2500 })));
      root = await render();

      expect(banner(root)).not.toBeNull();
      expect(field(root, 'Name').querySelector('input')?.value).toBe('My unsaved name');
      http.expectNone(PRODUCT_URL);

      button(banner(root)!, 'Reload').click();
      http.expectOne(PRODUCT_URL).flush(product({ version: 4, priceMinor: 2500 }));
      root = await render();

      expect(banner(root)).toBeNull();
      expect(field(root, 'Name').querySelector('input')?.value).toBe('Widget');
      expect(field(root, 'Price').querySelector('input')?.value).toBe('25.00');
    });

    it('also says so when it was archived', async () => {
      await openEditPage();
      realtime.emit(productEvent(DomainEventName.ProductArchived, product({ version: 4, status: 'archived' })));
      expect(banner(await render())).not.toBeNull();
    });

    it('ignores events of other products and of versions the form already has', async () => {
      await openEditPage();
      realtime.emit(productEvent(DomainEventName.ProductUpdated, product({ id: 'another', version: 9 })));
      realtime.emit(productEvent(DomainEventName.ProductUpdated, product({ version: 3 })));
      expect(banner(await render())).toBeNull();
    });

    it("does not mistake the user's own save for someone else's", async () => {
      let root = await openEditPage();
      type(root, 'Name', 'Renamed');
      const request = await save(root);

      // The event of this very save may arrive before the response.
      realtime.emit(productEvent(DomainEventName.ProductUpdated, product({ name: 'Renamed', version: 4 })));
      root = await render();
      expect(banner(root)).toBeNull();

      request.flush(product({ name: 'Renamed', version: 4 }));
      root = await render();
      expect(banner(root)).toBeNull();
      await settle();
    });
  });

  describe('catalog fields', () => {
    function attributeRows(root: HTMLElement): HTMLElement[] {
      return Array.from(root.querySelectorAll<HTMLElement>('.attribute-row'));
    }

    function typeInRow(row: HTMLElement, label: 'Key' | 'Value', value: string): void {
      const input = field(row, label).querySelector<HTMLInputElement>('input');
      if (!input) {
        throw new Error(`No ${label} input`);
      }
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
    }

    it('refuses a barcode with a wrong check digit or length, with a clear message', async () => {
      await harness.navigateByUrl('/products/new');
      const root = await render();

      type(root, 'Barcode', '4006381333932');
      await render();
      expect(errorOf(root, 'Barcode')).toBe(BARCODE_CHECK_DIGIT_MESSAGE);

      type(root, 'Barcode', '12345');
      await render();
      expect(errorOf(root, 'Barcode')).toBe(BARCODE_FORMAT_MESSAGE);

      type(root, 'Barcode', '4006381333931');
      await render();
      expect(errorOf(root, 'Barcode')).toBeNull();

      type(root, 'Barcode', '036000291452');
      await render();
      expect(errorOf(root, 'Barcode')).toBeNull();
    });

    it('checks cost and reorder numbers', async () => {
      await harness.navigateByUrl('/products/new');
      const root = await render();

      type(root, 'Cost', '1.234');
      type(root, 'Reorder point', '-1');
      type(root, 'Reorder quantity', '2.5');
      await render();

      expect(errorOf(root, 'Cost')).toMatch(/at most 2 decimals/);
      expect(errorOf(root, 'Reorder point')).toBe('Enter a whole number of 0 or more.');
      expect(errorOf(root, 'Reorder quantity')).toBe('Enter a whole number of 0 or more.');
    });

    it('creates a product with category, barcode, cost, reorder settings and attributes', async () => {
      await harness.navigateByUrl('/products/new');
      const root = await render();
      type(root, 'SKU', 'HAMMER-1');
      type(root, 'Name', 'Hammer');
      type(root, 'Price', '19.99');
      type(root, 'Cost', '11.5');
      type(root, 'Barcode', '4006381333931');
      type(root, 'Reorder point', '5');
      type(root, 'Reorder quantity', '20');

      field(root, 'Category').querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
      await render();
      const options = Array.from(document.querySelectorAll<HTMLElement>('mat-option'));
      expect(options.map((option) => option.textContent?.trim())).toEqual([
        'No category',
        'Tools',
        'Tools / Hand tools',
      ]);
      options[2].click();
      await render();

      button(root, 'Add attribute').click();
      await render();
      button(root, 'Add attribute').click();
      await render();
      const [color, size] = attributeRows(root);
      expect(document.activeElement).toBe(field(size, 'Key').querySelector('input'));
      typeInRow(color, 'Key', 'color');
      typeInRow(color, 'Value', ' red ');
      typeInRow(size, 'Key', 'size');
      typeInRow(size, 'Value', 'M');

      const request = await save(root, 'Create');
      expect(request.request.body).toEqual({
        sku: 'HAMMER-1',
        name: 'Hammer',
        description: null,
        unit: 'pcs',
        priceMinor: 1999,
        costMinor: 1150,
        currency: 'EUR',
        barcode: '4006381333931',
        categoryId: 'c-hand',
        attributes: { color: 'red', size: 'M' },
        reorderPoint: 5,
        reorderQuantity: 20,
        preferredSupplierId: null,
        supplierSku: null,
        purchasePriceMinor: null,
      });
      request.flush(product({ sku: 'HAMMER-1' }), { status: 201, statusText: 'Created' });
      await render();
      await settle();
    });

    it('checks attribute keys: pattern and duplicates, and a removed row fixes the duplicate', async () => {
      await harness.navigateByUrl('/products/new');
      const root = await render();

      button(root, 'Add attribute').click();
      button(root, 'Add attribute').click();
      await render();
      const [first, second] = attributeRows(root);
      typeInRow(first, 'Key', 'Color');
      typeInRow(second, 'Key', 'size');
      await render();
      expect(field(first, 'Key').querySelector('mat-error')?.textContent).toContain('lowercase letters');

      typeInRow(first, 'Key', 'size');
      await render();
      expect(field(second, 'Key').querySelector('mat-error')?.textContent?.trim()).toBe('This key is used twice.');

      first.querySelector<HTMLButtonElement>('button[aria-label^="Remove attribute"]')?.click();
      await render();
      const [remaining] = attributeRows(root);
      expect(attributeRows(root)).toHaveLength(1);
      expect(field(remaining, 'Key').querySelector('mat-error')).toBeNull();
    });

    it('loads the catalog fields of a product and keeps them on save', async () => {
      await harness.navigateByUrl(`/products/${product().id}/edit`);
      http.expectOne(PRODUCT_URL).flush(
        product({
          costMinor: 1250,
          barcode: '036000291452',
          categoryId: 'c-tools',
          attributes: { color: 'red' },
          reorderPoint: 3,
          reorderQuantity: 12,
        }),
      );
      const root = await render();

      expect(field(root, 'Cost').querySelector('input')?.value).toBe('12.50');
      expect(field(root, 'Barcode').querySelector('input')?.value).toBe('036000291452');
      expect(field(root, 'Category').querySelector('.mat-mdc-select-value')?.textContent?.trim()).toBe('Tools');
      expect(field(root, 'Reorder point').querySelector('input')?.value).toBe('3');
      const [row] = attributeRows(root);
      expect(field(row, 'Value').querySelector('input')?.value).toBe('red');

      const request = await save(root);
      expect(request.request.body).toMatchObject({
        version: 3,
        costMinor: 1250,
        barcode: '036000291452',
        categoryId: 'c-tools',
        attributes: { color: 'red' },
        reorderPoint: 3,
        reorderQuantity: 12,
      });
      request.flush(product({ version: 4 }));
      await render();
    });

    it('loads the supplier fields of a product and saves them in minor units', async () => {
      await harness.navigateByUrl(`/products/${product().id}/edit`);
      http
        .expectOne(PRODUCT_URL)
        .flush(product({ supplierSku: 'NW-1', purchasePriceMinor: 6900, preferredSupplierId: null }));
      const root = await render();

      expect(field(root, 'Supplier SKU').querySelector('input')?.value).toBe('NW-1');
      expect(field(root, 'Purchase price').querySelector('input')?.value).toBe('69.00');
      type(root, 'Purchase price', '71.50');

      const request = await save(root);
      expect(request.request.body).toMatchObject({
        supplierSku: 'NW-1',
        purchasePriceMinor: 7150,
        preferredSupplierId: null,
      });
      request.flush(product({ version: 4 }));
      await render();
    });

    it('shows a taken barcode on the barcode field', async () => {
      const root = await openEditPage();
      type(root, 'Barcode', '4006381333931');

      const request = await save(root);
      request.flush(problemBody(409, 'CATALOG.BARCODE_TAKEN', 'Barcode 4006381333931 is already in use.'), {
        status: 409,
        statusText: 'Conflict',
      });
      await render();

      expect(errorOf(root, 'Barcode')).toBe('Barcode 4006381333931 is already in use.');
      expect(root.querySelector('.conflict-banner')).toBeNull();
    });

    it('lets a reader see attributes without edit buttons', async () => {
      permissions.set(new Set([Permission.CatalogProductsRead]));
      await harness.navigateByUrl(`/products/${product().id}/edit`);
      http.expectOne(PRODUCT_URL).flush(product({ attributes: { color: 'red' } }));
      const root = await render();

      const [row] = attributeRows(root);
      expect(field(row, 'Key').querySelector('input')?.disabled).toBe(true);
      expect(root.textContent).not.toContain('Add attribute');
      expect(row.querySelector('button')).toBeNull();
    });
  });
});
