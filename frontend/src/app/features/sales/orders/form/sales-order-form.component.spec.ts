import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DomainEventName, ErrorCode, IDEMPOTENCY_KEY_HEADER, Permission, type TaxRateDto } from '@depot/contracts';
import { of } from 'rxjs';

import { FakeRealtimeService, provideFakeRealtime } from '../../../../../testing/fake-realtime';
import { StubPageComponent } from '../../../../../testing/stub-page.component';
import { problemBody, product, settle, pageOf } from '../../../../../testing/test-helpers';
import { AuthService } from '../../../../core/auth/auth.service';
import { TaxRatesService } from '../../../../shared/company/tax-rates.service';
import { button, field, typeInto, warehouse } from '../../../inventory/testing/inventory-fixtures';
import { ORDER_ID, availability, customer, orderLine, salesOrder } from '../../testing/sales-fixtures';
import { AVAILABILITY_DEBOUNCE_MS, SEARCH_DEBOUNCE_MS, SalesOrderFormComponent } from './sales-order-form.component';

const CHAIR = product({ id: 'p-1', sku: 'CHAIR-1', name: 'Oak chair', priceMinor: 12900, currency: 'EUR' });
const TABLE = product({ id: 'p-2', sku: 'TABLE-1', name: 'Oak table', priceMinor: 8900, currency: 'USD' });

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isAvailability = (request: { url: string }) => request.url === '/api/v1/stock-availability';

jest.setTimeout(30_000);
describe('SalesOrderFormComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let realtime: FakeRealtimeService;
  const permissions = signal<ReadonlySet<Permission>>(new Set([Permission.SalesOrdersWrite]));
  /** No rates by default (lines start at 0 %); the tax test sets Germany's. */
  let taxRates: () => TaxRateDto[] = () => [];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sales-orders/new', component: SalesOrderFormComponent },
          { path: 'sales-orders/:id/edit', component: SalesOrderFormComponent },
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
        { provide: TaxRatesService, useValue: { rates: () => of(taxRates()) } satisfies Partial<TaxRatesService> },
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
    harness.fixture.detectChanges();
    return harness.routeNativeElement as HTMLElement;
  }

  async function openNew(): Promise<HTMLElement> {
    await harness.navigateByUrl('/sales-orders/new');
    http.expectOne((request) => request.url === '/api/v1/warehouses').flush({ items: [warehouse()], nextCursor: null });
    return render();
  }

  /** Types into an autocomplete, answers its search, and picks the option that starts with `option`. */
  async function pick(
    root: HTMLElement,
    input: HTMLInputElement,
    text: string,
    url: string,
    items: unknown[],
    option: string,
  ): Promise<void> {
    input.dispatchEvent(new Event('focusin'));
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await wait(SEARCH_DEBOUNCE_MS + 30);
    for (const request of http.match((candidate) => candidate.url === url)) {
      request.flush({ items, nextCursor: null });
    }
    await render();
    const found = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((element) =>
      element.textContent?.trim().startsWith(option),
    );
    if (!found) {
      throw new Error(`No option "${option}"`);
    }
    found.click();
    await render();
    void root;
  }

  function lineInput(root: HTMLElement, line: number, label: string): HTMLInputElement {
    const row = root.querySelector(`li.line[data-line="${line}"]`) as HTMLElement;
    return field(row, label).querySelector('input') as HTMLInputElement;
  }

  async function flushAvailability(entries: unknown[]): Promise<TestRequest> {
    await wait(AVAILABILITY_DEBOUNCE_MS + 30);
    const request = http.expectOne(isAvailability);
    request.flush(pageOf(entries));
    await render();
    return request;
  }

  it('prefills the price from the product, updates the totals while typing and shows live availability', async () => {
    let root = await openNew();
    await pick(root, lineInput(root, 1, 'Product'), 'chair', '/api/v1/products', [CHAIR], 'CHAIR-1');
    expect(lineInput(root, 1, 'Unit price').value).toBe('129.00');

    typeInto(root, 'Quantity', '3');
    typeInto(root, 'Discount', '10');
    typeInto(root, 'Tax', '19');
    root = await render();
    // 3 x 129.00 = 387.00; -10 % = 348.30; +19 % = 66.18 (66.177) -> 414.48
    expect(root.querySelector('[data-testid="order-total"]')?.textContent?.trim()).toBe('€414.48');
    expect(root.querySelector('li.line .line-total')?.textContent?.trim()).toBe('€414.48');

    const request = await flushAvailability([availability({ available: 2 })]);
    expect(request.request.params.get('warehouseId')).toBe('w-a');
    expect(request.request.params.get('productIds')).toBe('p-1');
    root = await render();
    const line = root.querySelector('li.line') as HTMLElement;
    expect(line.classList).toContain('short');
    expect(line.querySelector('.availability')?.textContent).toContain('2 available');
    expect(root.querySelector('.short-note')?.textContent).toContain('1 line asks for more than is available');

    typeInto(root, 'Quantity', '2');
    root = await render();
    expect(root.querySelector('li.line')?.classList).not.toContain('short');
    // The quantity alone does not change which products are shown: no new request.
    await wait(AVAILABILITY_DEBOUNCE_MS + 30);
    http.expectNone(isAvailability);
  });

  it('asks again when the stock of a product on the order changes', async () => {
    let root = await openNew();
    await pick(root, lineInput(root, 1, 'Product'), 'chair', '/api/v1/products', [CHAIR], 'CHAIR-1');
    await flushAvailability([availability({ available: 8 })]);

    realtime.emit({
      id: 'e-other',
      type: DomainEventName.StockChanged,
      aggregateType: 'stock',
      aggregateId: 'another-product',
      occurredAt: '2026-01-04T09:00:00.000Z',
      payload: {},
    });
    await wait(AVAILABILITY_DEBOUNCE_MS + 30);
    http.expectNone(isAvailability);

    realtime.emit({
      id: 'e-chair',
      type: DomainEventName.StockChanged,
      aggregateType: 'stock',
      aggregateId: 'p-1',
      occurredAt: '2026-01-04T09:00:00.000Z',
      payload: {},
    });
    await flushAvailability([availability({ available: 0 })]);
    root = await render();
    expect(root.querySelector('li.line')?.classList).toContain('short');
    expect(root.querySelector('.availability')?.textContent).toContain('0 available');
  });

  it('does not prefill a price in another currency', async () => {
    const root = await openNew();
    await pick(root, lineInput(root, 1, 'Product'), 'table', '/api/v1/products', [TABLE], 'TABLE-1');
    expect(lineInput(root, 1, 'Unit price').value).toBe('');
    await flushAvailability([]);
  });

  it('creates the order with an Idempotency-Key, in minor units and basis points, and opens it', async () => {
    let root = await openNew();
    await pick(
      root,
      field(root, 'Customer').querySelector('input') as HTMLInputElement,
      'nor',
      '/api/v1/customers',
      [customer()],
      'NORDIC',
    );
    await pick(root, lineInput(root, 1, 'Product'), 'chair', '/api/v1/products', [CHAIR], 'CHAIR-1');
    typeInto(root, 'Tax', '19');
    root = await render();
    // Picking the customer fills an empty shipping address.
    expect((field(root, 'Shipping address').querySelector('textarea') as HTMLTextAreaElement).value).toBe(
      'Lagervägen 5, Stockholm',
    );
    await flushAvailability([availability()]);

    button(root, 'Create order').click();
    const request = http.expectOne('/api/v1/sales-orders');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get(IDEMPOTENCY_KEY_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.request.body).toEqual({
      customerId: 'c-1',
      warehouseId: 'w-a',
      currency: 'EUR',
      shippingAddress: 'Lagervägen 5, Stockholm',
      notes: null,
      lines: [{ productId: 'p-1', quantity: 1, unitPriceMinor: 12900, discountBps: 0, taxRateBps: 1900 }],
    });
    request.flush(salesOrder());
    await render();
    expect(TestBed.inject(Router).url).toBe(`/sales-orders/${ORDER_ID}`);
  });

  it('defaults a line to its product class rate for a domestic customer and to 0 % for reverse charge', async () => {
    const rate = (taxClass: 'standard' | 'reduced', rateBps: number) =>
      ({ id: taxClass, name: taxClass, taxClass, rateBps, validFrom: '2021-01-01', validTo: null }) as TaxRateDto;
    taxRates = () => [rate('standard', 1900), rate('reduced', 700)];
    try {
      const root = await openNew();
      const customerInput = field(root, 'Customer').querySelector('input') as HTMLInputElement;
      await pick(root, customerInput, 'nor', '/api/v1/customers', [customer()], 'NORDIC');
      const reduced = { ...CHAIR, taxClass: 'reduced' as const };
      await pick(root, lineInput(root, 1, 'Product'), 'chair', '/api/v1/products', [reduced], 'CHAIR-1');
      expect(lineInput(root, 1, 'Tax').value).toBe('7');
      customerInput.value = '';
      await pick(
        root,
        customerInput,
        'alp',
        '/api/v1/customers',
        [customer({ id: 'c-2', code: 'ALPS', taxTreatment: 'eu_reverse_charge', taxId: 'ATU12345678' })],
        'ALPS',
      );
      expect(lineInput(root, 1, 'Tax').value).toBe('0');
      await flushAvailability([availability()]);
    } finally {
      taxRates = () => [];
    }
  });

  it('does not send an incomplete order', async () => {
    const root = await openNew();
    button(root, 'Create order').click();
    await render();
    http.expectNone('/api/v1/sales-orders');
    expect(root.textContent).toContain('Choose a customer.');
  });

  it('edits a draft with its version and says so when someone else changed it meanwhile', async () => {
    await harness.navigateByUrl(`/sales-orders/${ORDER_ID}/edit`);
    http.expectOne((request) => request.url === '/api/v1/warehouses').flush({ items: [warehouse()], nextCursor: null });
    http.expectOne(`/api/v1/sales-orders/${ORDER_ID}`).flush(salesOrder({ version: 3, lines: [orderLine()] }));
    let root = await render();
    expect(lineInput(root, 1, 'Unit price').value).toBe('129.00');
    expect(lineInput(root, 1, 'Tax').value).toBe('19');
    expect(root.querySelector('[data-testid="order-total"]')?.textContent?.trim()).toBe('€614.04');
    await flushAvailability([availability({ available: 10 })]);

    typeInto(root, 'Quantity', '5');
    await render();
    button(root, 'Save changes').click();
    const request = http.expectOne(`/api/v1/sales-orders/${ORDER_ID}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toMatchObject({
      version: 3,
      customerId: 'c-1',
      lines: [{ productId: 'p-1', quantity: 5, unitPriceMinor: 12900, discountBps: 0, taxRateBps: 1900 }],
    });
    expect(request.request.body).not.toHaveProperty('currency');
    request.flush(problemBody(409, ErrorCode.VersionConflict, 'Stale version.'), {
      status: 409,
      statusText: 'Conflict',
    });
    root = await render();
    expect(root.textContent).toContain('This order was changed by someone else since you opened it.');
  });
});
