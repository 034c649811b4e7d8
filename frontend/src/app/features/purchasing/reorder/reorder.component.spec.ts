import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type ReplenishmentGroupDto, type ReplenishmentItemDto } from '@depot/contracts';

import { settle } from '../../../../testing/test-helpers';
import { AuthService } from '../../../core/auth/auth.service';
import { ReorderComponent, orderLines, rowKey } from './reorder.component';

jest.setTimeout(20_000);

function item(overrides: Partial<ReplenishmentItemDto> = {}): ReplenishmentItemDto {
  return {
    productId: 'p-1',
    sku: 'CHAIR-1',
    productName: 'Chair',
    warehouseId: 'w-1',
    warehouseCode: 'BER-1',
    available: 2,
    reorderPoint: 10,
    reorderQuantity: 40,
    incoming: 15,
    suggestedQuantity: 25,
    supplierSku: 'NW-1',
    purchasePriceMinor: 6900,
    currency: 'EUR',
    ...overrides,
  };
}

const GROUPS: ReplenishmentGroupDto[] = [
  {
    supplier: { id: 's-1', code: 'NW', name: 'Nordwood' },
    items: [item(), item({ productId: 'p-2', sku: 'TABLE-1', suggestedQuantity: 0 })],
  },
  { supplier: null, items: [item({ productId: 'p-3', sku: 'LAMP-1', suggestedQuantity: 5 })] },
];

describe('ReorderComponent', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    const permissions = signal<ReadonlySet<Permission>>(
      new Set([Permission.PurchasingOrdersRead, Permission.PurchasingOrdersWrite]),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'purchasing/reorder', component: ReorderComponent }]),
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
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function open(): Promise<HTMLElement> {
    await harness.navigateByUrl('/purchasing/reorder');
    http.expectOne('/api/v1/replenishment').flush({ items: GROUPS, nextCursor: null, total: 2 });
    await harness.fixture.whenStable();
    await settle();
    harness.fixture.detectChanges();
    return harness.routeNativeElement as HTMLElement;
  }

  it('lists the suggestions grouped by supplier, with editable quantities for supplied products', async () => {
    const element = await open();
    const headings = [...element.querySelectorAll('h2')].map((heading) => heading.textContent?.trim());
    expect(headings).toEqual(['Nordwood (NW)', 'No preferred supplier']);
    expect(element.querySelectorAll('input[type="number"]')).toHaveLength(2);
    expect(element.querySelector<HTMLInputElement>('input[type="number"]')!.value).toBe('25');
    expect(element.textContent).toContain('1 line for 1 supplier');
  });

  it('creates the drafts from the edited quantities and links to them', async () => {
    const element = await open();
    const second = element.querySelectorAll<HTMLInputElement>('input[type="number"]')[1];
    second.value = '4';
    second.dispatchEvent(new Event('input'));
    harness.fixture.detectChanges();
    const create = [...element.querySelectorAll('button')].find((button) =>
      button.textContent?.includes('Create purchase orders'),
    )!;
    create.click();
    const request = http.expectOne('/api/v1/replenishment/purchase-orders');
    expect(request.request.body).toEqual({
      lines: [
        { productId: 'p-1', warehouseId: 'w-1', quantity: 25 },
        { productId: 'p-2', warehouseId: 'w-1', quantity: 4 },
      ],
    });
    expect(request.request.headers.has('Idempotency-Key')).toBe(true);
    request.flush({ items: [{ id: 'po-1', number: 'PO-000007', supplierName: 'Nordwood' }], nextCursor: null });
    http.expectOne('/api/v1/replenishment').flush({ items: [], nextCursor: null, total: 0 });
    await settle();
    harness.fixture.detectChanges();
    const link = element.querySelector<HTMLAnchorElement>('a[href="/purchase-orders/po-1"]');
    expect(link?.textContent).toContain('PO-000007');
    expect(element.textContent).toContain('Nothing is below its reorder point.');
  });

  it('orders only rows of a supplier with a whole quantity above 0', () => {
    const quantities = {
      [rowKey(item())]: 3,
      [rowKey(item({ productId: 'p-2' }))]: 0,
      [rowKey(item({ productId: 'p-3' }))]: 9,
    };
    expect(orderLines(GROUPS, quantities)).toEqual([{ productId: 'p-1', warehouseId: 'w-1', quantity: 3 }]);
  });
});
