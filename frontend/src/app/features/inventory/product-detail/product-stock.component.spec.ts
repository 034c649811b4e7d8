import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Permission, type IncomingStockDto } from '@depot/contracts';

import { settle, pageOf } from '../../../../testing/test-helpers';
import { AuthService } from '../../../core/auth/auth.service';
import { PRODUCT_ID, level } from '../testing/inventory-fixtures';
import { ProductStockComponent } from './product-stock.component';

const INCOMING_URL = `/api/v1/products/${PRODUCT_ID}/incoming`;

function incoming(overrides: Partial<IncomingStockDto> = {}): IncomingStockDto {
  return {
    productId: PRODUCT_ID,
    warehouseId: 'w-a',
    warehouseCode: 'WH-A',
    quantity: 12,
    nextExpectedDate: '2026-03-04',
    ...overrides,
  };
}

// Material tables render slowly in jsdom.
jest.setTimeout(20_000);

describe('ProductStockComponent', () => {
  let http: HttpTestingController;
  const permissions = signal<ReadonlySet<Permission>>(new Set());

  beforeEach(() => {
    permissions.set(new Set([Permission.InventoryStockRead, Permission.PurchasingOrdersRead]));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { permissions } satisfies Partial<AuthService> },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function create(refresh = 0) {
    const fixture = TestBed.createComponent(ProductStockComponent);
    fixture.componentRef.setInput('productId', PRODUCT_ID);
    fixture.componentRef.setInput('refresh', refresh);
    fixture.detectChanges();
    await settle();
    return fixture;
  }

  function flushLevels(): void {
    http
      .expectOne((request) => request.url === '/api/v1/stock-levels')
      .flush({
        items: [level(), level({ warehouseId: 'w-b', warehouseCode: 'WH-B', warehouseName: 'Warehouse B', onHand: 3 })],
        nextCursor: null,
      });
  }

  function cellsOf(root: HTMLElement, selector: string): string[] {
    return Array.from(root.querySelectorAll(`${selector} td`)).map((cell) =>
      (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  }

  it('shows what is incoming per warehouse next to the stock, and where the product has no stock yet', async () => {
    const fixture = await create();
    flushLevels();
    http
      .expectOne(INCOMING_URL)
      .flush(
        pageOf([
          incoming(),
          incoming({ warehouseId: 'w-c', warehouseCode: 'WH-C', quantity: 5, nextExpectedDate: null }),
        ]),
      );
    fixture.detectChanges();
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;

    const headers = Array.from(root.querySelectorAll('th')).map((th) => th.textContent?.trim());
    expect(headers).toContain('Incoming');
    expect(cellsOf(root, 'tr[data-warehouse="WH-A"]')[4]).toBe('12 expected Mar 4, 2026');
    expect(cellsOf(root, 'tr[data-warehouse="WH-B"]')[4]).toBe('0');
    expect(cellsOf(root, 'tr.total-row')[4]).toBe('17');
    expect(root.querySelector('.incoming-elsewhere')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Incoming from purchase orders: WH-C 5',
    );
  });

  it('loads the incoming figures again when the stock changes', async () => {
    const fixture = await create();
    flushLevels();
    http.expectOne(INCOMING_URL).flush(pageOf([incoming()]));
    fixture.componentRef.setInput('refresh', 1);
    fixture.detectChanges();
    await settle();
    flushLevels();
    http.expectOne(INCOMING_URL).flush(pageOf([]));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(cellsOf(fixture.nativeElement as HTMLElement, 'tr[data-warehouse="WH-A"]')[4]).toBe('0');
  });

  it('shows no incoming figures to users who may not read purchase orders', async () => {
    permissions.set(new Set([Permission.InventoryStockRead]));
    const fixture = await create();
    flushLevels();
    http.expectNone(INCOMING_URL);
    fixture.detectChanges();
    await fixture.whenStable();
    const headers = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('th')).map((th) =>
      th.textContent?.trim(),
    );
    expect(headers).not.toContain('Incoming');
  });
});
