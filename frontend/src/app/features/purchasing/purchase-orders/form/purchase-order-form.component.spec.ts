import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ErrorCode, IDEMPOTENCY_KEY_HEADER, type ProductDto } from '@depot/contracts';

import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { problemBody, settle } from '../../../../../testing/test-helpers';
import { button, choose, field, typeInto, warehouse } from '../../../inventory/testing/inventory-fixtures';
import { ORDER_ID, catalogProduct, partner, purchaseOrder } from '../../testing/purchasing-fixtures';
import { AUTOCOMPLETE_DEBOUNCE_MS } from '../shared/autocomplete-search';
import {
  NOT_DRAFT_MESSAGE,
  PURCHASE_ORDER_CONFLICT_MESSAGE,
  PurchaseOrderFormComponent,
} from './purchase-order-form.component';

const ORDERS_URL = '/api/v1/purchase-orders';
const BOX = catalogProduct({ id: 'p-box', sku: 'BOX-CARD-S', name: 'Cardboard box S', costMinor: null });

// Material autocompletes, selects and the router render slowly in jsdom; these tests drive several.
jest.setTimeout(20_000);

describe('PurchaseOrderFormComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'purchase-orders/new', component: PurchaseOrderFormComponent },
          { path: 'purchase-orders/:id/edit', component: PurchaseOrderFormComponent },
          { path: 'purchase-orders/:id', component: StubPageComponent },
          { path: 'purchase-orders', component: StubPageComponent },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
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

  function flushWarehouses(): void {
    http
      .expectOne((request) => request.url === '/api/v1/warehouses' && request.params.get('active') === 'true')
      .flush({ items: [warehouse(), warehouse({ id: 'w-b', code: 'WH-B', name: 'Warehouse B' })], nextCursor: null });
  }

  async function openNew(): Promise<void> {
    await harness.navigateByUrl('/purchase-orders/new');
    flushWarehouses();
    await render();
  }

  function line(index: number): HTMLElement {
    const element = root().querySelector<HTMLElement>(`[data-line="${index}"]`);
    if (!element) {
      throw new Error(`no line ${index}`);
    }
    return element;
  }

  /** Types into an autocomplete, waits for the debounced search, answers it and picks the first option. */
  async function pick(
    scope: HTMLElement,
    label: string,
    text: string,
    answer: (request: TestRequest) => void,
  ): Promise<TestRequest> {
    const input = field(scope, label).querySelector('input');
    if (!input) {
      throw new Error(`no input in ${label}`);
    }
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, AUTOCOMPLETE_DEBOUNCE_MS + 50));
    const request = http.expectOne(
      (candidate) =>
        (candidate.url === '/api/v1/suppliers' || candidate.url === '/api/v1/products') &&
        candidate.params.get('q') === text,
    );
    answer(request);
    await render();
    const option = document.querySelector<HTMLElement>('mat-option');
    if (!option) {
      throw new Error(`no suggestion for "${text}"`);
    }
    option.click();
    await render();
    return request;
  }

  function answerProducts(products: ProductDto[]) {
    return (request: TestRequest) => request.flush({ items: products, nextCursor: null });
  }

  async function fillHeader(): Promise<void> {
    const request = await pick(root(), 'Supplier', 'acme', (r) => r.flush({ items: [partner()], nextCursor: null }));
    expect(request.request.params.get('active')).toBe('true');
    await choose(root(), 'Warehouse', 'WH-B', render);
  }

  function orderTotal(): string {
    return root().querySelector('.order-total-value')?.textContent?.trim() ?? '';
  }

  function lineTotal(index: number): string {
    return line(index).querySelector('.line-total-value')?.textContent?.trim() ?? '';
  }

  it('updates the line totals and the order total as the user types', async () => {
    await openNew();
    await pick(line(0), 'Product', 'chair', answerProducts([catalogProduct()]));
    // The product's cost in the order's currency is suggested as the unit cost.
    expect(field(line(0), 'Unit cost').querySelector('input')?.value).toBe('64.50');
    expect(lineTotal(0)).toBe('€64.50');

    typeInto(line(0), 'Quantity', '3');
    await render();
    expect(lineTotal(0)).toBe('€193.50');
    expect(orderTotal()).toBe('€193.50');

    button(root(), 'Add line').click();
    await render();
    await pick(line(1), 'Product', 'box', answerProducts([BOX]));
    expect(field(line(1), 'Unit cost').querySelector('input')?.value).toBe('');
    expect(lineTotal(1)).toBe('—');
    expect(root().textContent).toContain('One line is not counted yet');

    typeInto(line(1), 'Unit cost', '0.05');
    typeInto(line(1), 'Quantity', '7');
    await render();
    expect(lineTotal(1)).toBe('€0.35');
    expect(orderTotal()).toBe('€193.85');

    line(0).querySelector<HTMLButtonElement>('button[aria-label="Remove line 1"]')?.click();
    await render();
    expect(orderTotal()).toBe('€0.35');
  });

  it('creates the order in minor units with an idempotency key and opens it', async () => {
    await openNew();
    await fillHeader();
    await pick(line(0), 'Product', 'chair', answerProducts([catalogProduct()]));
    typeInto(line(0), 'Quantity', '4');
    typeInto(line(0), 'Unit cost', '1,234.5');
    button(root(), 'Add line').click();
    await render();
    await pick(line(1), 'Product', 'box', answerProducts([BOX]));
    typeInto(line(1), 'Quantity', '10');
    typeInto(line(1), 'Unit cost', '19,99');
    typeInto(root(), 'Expected date', '2026-03-04');
    typeInto(root(), 'Notes', '  call before delivery ');
    await render();
    expect(orderTotal()).toBe('€5,137.90');

    button(root(), 'Create purchase order').click();
    const request = http.expectOne(ORDERS_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.request.body).toEqual({
      supplierId: partner().id,
      warehouseId: 'w-b',
      currency: 'EUR',
      expectedDate: '2026-03-04',
      notes: 'call before delivery',
      lines: [
        { productId: 'p-chair', quantity: 4, unitCostMinor: 123450 },
        { productId: 'p-box', quantity: 10, unitCostMinor: 1999 },
      ],
    });
    request.flush(purchaseOrder(), { status: 201, statusText: 'Created' });
    await render();
    expect(router.url).toBe(`/purchase-orders/${ORDER_ID}`);
  });

  it('converts with the currency’s own digits (no decimals for JPY)', async () => {
    await openNew();
    await choose(root(), 'Currency', 'JPY', render);
    await pick(line(0), 'Product', 'chair', answerProducts([catalogProduct()]));
    typeInto(line(0), 'Quantity', '2');
    typeInto(line(0), 'Unit cost', '1999');
    await render();
    expect(lineTotal(0)).toBe('¥3,998');

    typeInto(line(0), 'Unit cost', '19.99');
    await render();
    expect(field(line(0), 'Unit cost').querySelector('mat-error')?.textContent).toContain(
      'Enter a whole amount without decimals for JPY.',
    );
    expect(lineTotal(0)).toBe('—');
  });

  it('refuses to send an incomplete order and says what is wrong', async () => {
    await openNew();
    // Typed text that was not picked from the suggestions is not a supplier.
    const supplierInput = field(root(), 'Supplier').querySelector('input')!;
    supplierInput.value = 'Nobody';
    supplierInput.dispatchEvent(new Event('input'));
    typeInto(line(0), 'Quantity', '0');
    typeInto(line(0), 'Unit cost', '12.345');
    await render();
    button(root(), 'Create purchase order').click();
    await render();
    await new Promise((resolve) => setTimeout(resolve, AUTOCOMPLETE_DEBOUNCE_MS + 50));
    // The supplier box searched for what was typed; nothing else was sent.
    http.expectOne((request) => request.url === '/api/v1/suppliers').flush({ items: [], nextCursor: null });
    http.expectNone(ORDERS_URL);

    const errorOf = (scope: HTMLElement, label: string) =>
      field(scope, label).querySelector('mat-error')?.textContent?.trim();
    expect(errorOf(root(), 'Supplier')).toBe('Pick a supplier from the suggestions.');
    expect(errorOf(root(), 'Warehouse')).toBe('Warehouse is required.');
    expect(errorOf(line(0), 'Product')).toBe('Product is required.');
    expect(errorOf(line(0), 'Quantity')).toBe('Enter a whole number of at least 1.');
    expect(errorOf(line(0), 'Unit cost')).toBe('Enter an amount like 12.50 (at most 2 decimals).');
  });

  it('sends the same key again after a network error, so the order is created once', async () => {
    await openNew();
    await fillHeader();
    await pick(line(0), 'Product', 'chair', answerProducts([catalogProduct()]));
    button(root(), 'Create purchase order').click();
    const first = http.expectOne(ORDERS_URL);
    const key = first.request.headers.get(IDEMPOTENCY_KEY_HEADER);
    first.error(new ProgressEvent('error'));
    await render();
    expect(root().textContent).toContain('Could not confirm the change with the server.');

    button(root(), 'Create purchase order').click();
    const second = http.expectOne(ORDERS_URL);
    expect(second.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toBe(key);
    second.flush(purchaseOrder(), { status: 201, statusText: 'Created' });
    await render();
    expect(router.url).toBe(`/purchase-orders/${ORDER_ID}`);
  });

  it('edits a draft with its version and explains a version conflict', async () => {
    await harness.navigateByUrl(`/purchase-orders/${ORDER_ID}/edit`);
    flushWarehouses();
    http.expectOne(`${ORDERS_URL}/${ORDER_ID}`).flush(purchaseOrder({ version: 3 }));
    await render();
    expect(root().querySelector('h1')?.textContent).toContain('Edit PO-2026-000042');
    expect(field(root(), 'Supplier').querySelector('input')?.value).toBe('ACME · Acme Supplies');
    expect(field(line(1), 'Unit cost').querySelector('input')?.value).toBe('12.50');
    expect(orderTotal()).toBe('€670.00');

    typeInto(line(1), 'Quantity', '4');
    await render();
    expect(orderTotal()).toBe('€695.00');
    button(root(), 'Save').click();

    const stale = http.expectOne(`${ORDERS_URL}/${ORDER_ID}`);
    expect(stale.request.method).toBe('PATCH');
    expect(stale.request.body).toEqual({
      version: 3,
      supplierId: partner().id,
      warehouseId: 'w-a',
      expectedDate: '2026-03-04',
      notes: null,
      lines: [
        { productId: 'p-chair', quantity: 10, unitCostMinor: 6450 },
        { productId: 'p-box', quantity: 4, unitCostMinor: 1250 },
      ],
    });
    stale.flush(problemBody(409, ErrorCode.VersionConflict, 'Stale'), { status: 409, statusText: 'Conflict' });
    await render();
    expect(root().textContent).toContain(PURCHASE_ORDER_CONFLICT_MESSAGE);
    expect(button(root(), 'Save').disabled).toBe(true);

    button(root(), 'Load latest').click();
    http.expectOne(`${ORDERS_URL}/${ORDER_ID}`).flush(purchaseOrder({ version: 4 }));
    await render();
    button(root(), 'Save').click();
    const retry = http.expectOne(`${ORDERS_URL}/${ORDER_ID}`);
    expect(retry.request.body).toMatchObject({ version: 4 });
    retry.flush(purchaseOrder({ version: 5 }));
    await render();
    expect(router.url).toBe(`/purchase-orders/${ORDER_ID}`);
  });

  it('does not offer to edit an order that is no longer a draft', async () => {
    await harness.navigateByUrl(`/purchase-orders/${ORDER_ID}/edit`);
    flushWarehouses();
    http.expectOne(`${ORDERS_URL}/${ORDER_ID}`).flush(purchaseOrder({ status: 'submitted' }));
    await render();
    expect(root().textContent).toContain(NOT_DRAFT_MESSAGE);
    expect(root().querySelector('form')).toBeNull();
  });
});
