import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { WebhooksService } from './webhooks.service';

describe('WebhooksService', () => {
  let http: HttpTestingController;
  let service: WebhooksService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    service = TestBed.inject(WebhooksService);
  });

  afterEach(() => http.verify());

  it('updates an endpoint with the version it was read at', () => {
    service.update('wh-1', { version: 4, enabled: false }).subscribe();
    const request = http.expectOne('/api/v1/webhooks/wh-1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 4, enabled: false });
    request.flush({});
  });

  it('asks for older deliveries with the cursor of the previous page', () => {
    service.deliveries('wh-1', { limit: 20, cursor: 'abc' }).subscribe();
    const request = http.expectOne((req) => req.url === '/api/v1/webhooks/wh-1/deliveries');
    expect(request.request.params.get('limit')).toBe('20');
    expect(request.request.params.get('cursor')).toBe('abc');
    request.flush({ items: [], nextCursor: null });

    service.deliveries('wh-1', { limit: 20, cursor: null }).subscribe();
    const first = http.expectOne((req) => req.url === '/api/v1/webhooks/wh-1/deliveries');
    expect(first.request.params.has('cursor')).toBe(false);
    first.flush({ items: [], nextCursor: null });
  });

  it('sends test events, replays and deletes at the endpoint it names', () => {
    service.sendTest('wh-1').subscribe();
    expect(http.expectOne('/api/v1/webhooks/wh-1/test').request.method).toBe('POST');
    service.replay('wh-1', 'd/1').subscribe();
    expect(http.expectOne('/api/v1/webhooks/wh-1/deliveries/d%2F1/replay').request.method).toBe('POST');
    service.remove('wh-1').subscribe();
    expect(http.expectOne('/api/v1/webhooks/wh-1').request.method).toBe('DELETE');
  });
});
