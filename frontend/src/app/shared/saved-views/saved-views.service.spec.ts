import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { SavedViewsService } from './saved-views.service';

describe('SavedViewsService', () => {
  let service: SavedViewsService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    service = TestBed.inject(SavedViewsService);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends an Idempotency-Key with every create', () => {
    service.create({ listKey: 'products', name: 'Red', state: { q: 'red' } }).subscribe();
    const request = http.expectOne('/api/v1/saved-views');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    request.flush({});
  });

  it('applies a list default once per session', () => {
    expect(service.claimDefault('products')).toBe(true);
    expect(service.claimDefault('products')).toBe(false);
    expect(service.claimDefault('customers')).toBe(true);
  });
});
