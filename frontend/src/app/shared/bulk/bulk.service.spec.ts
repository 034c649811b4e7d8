import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { BulkResult } from '@depot/contracts';

import { FakeRealtimeService, provideFakeRealtime } from '../../../testing/fake-realtime';
import { API_BASE_URL } from '../../core/config/api-base-url.token';
import { BulkService, newUuid } from './bulk.service';

const RESULT: BulkResult = {
  dryRun: false,
  results: [{ id: 'a', status: 'ok' }],
  summary: { ok: 1, failed: 0, unchanged: 0 },
};

describe('BulkService', () => {
  let service: BulkService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFakeRealtime(),
        { provide: API_BASE_URL, useValue: '/api/v1' },
      ],
    });
    service = TestBed.inject(BulkService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('posts a real run with an Idempotency-Key so a retry acts once', () => {
    let answer: BulkResult | undefined;
    service.run('products', { action: 'archive', ids: ['a'] }).subscribe((result) => (answer = result));
    const request = http.expectOne('/api/v1/products/bulk');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    request.flush(RESULT);
    expect(answer).toEqual(RESULT);
  });

  it('sends a dry run without a key (it writes nothing)', () => {
    service.run('sales-orders', { action: 'cancel', ids: ['a'], dryRun: true }).subscribe();
    const request = http.expectOne('/api/v1/sales-orders/bulk');
    expect(request.request.headers.has('Idempotency-Key')).toBe(false);
    request.flush(RESULT);
  });

  it('passes on the progress of its own operation only', () => {
    const seen: number[] = [];
    service.progress('op-1').subscribe((message) => seen.push(message.done));
    const fake = TestBed.inject(FakeRealtimeService);
    fake.emitBulkProgress({ operationId: 'op-2', done: 5, total: 9 });
    fake.emitBulkProgress({ operationId: 'op-1', done: 2, total: 3 });
    expect(seen).toEqual([2]);
  });

  it('makes version 4 UUIDs', () => {
    expect(newUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
