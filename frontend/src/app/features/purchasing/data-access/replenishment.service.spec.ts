import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PurchaseOrderDto, ReplenishmentGroupDto } from '@depot/contracts';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';
import { ReplenishmentService } from './replenishment.service';

describe('ReplenishmentService', () => {
  let service: ReplenishmentService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: API_BASE_URL, useValue: '/api/v1' }],
    });
    service = TestBed.inject(ReplenishmentService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the suggestion groups of a warehouse', () => {
    let groups: ReplenishmentGroupDto[] | undefined;
    service.suggestions({ warehouseId: 'w-1' }).subscribe((answer) => (groups = answer));
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/replenishment');
    expect(request.request.params.get('warehouseId')).toBe('w-1');
    request.flush({ items: [{ supplier: null, items: [] }], nextCursor: null, total: 1 });
    expect(groups).toEqual([{ supplier: null, items: [] }]);
  });

  it('creates the drafts with an Idempotency-Key and answers them', () => {
    let orders: PurchaseOrderDto[] | undefined;
    service
      .createPurchaseOrders({ lines: [{ productId: 'p', warehouseId: 'w', quantity: 3 }] }, 'key-1')
      .subscribe((answer) => (orders = answer));
    const request = http.expectOne('/api/v1/replenishment/purchase-orders');
    expect(request.request.headers.get('Idempotency-Key')).toBe('key-1');
    request.flush({ items: [{ id: 'po-1' }], nextCursor: null, total: 1 });
    expect(orders?.map((order) => order.id)).toEqual(['po-1']);
  });
});
