import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { MailMessagesService } from './mail-messages.service';

describe('MailMessagesService', () => {
  let http: HttpTestingController;
  let service: MailMessagesService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    service = TestBed.inject(MailMessagesService);
  });

  afterEach(() => http.verify());

  it('lists with only the filters that are set', () => {
    service.list({ limit: 50, status: 'failed', to: '', cursor: 'abc' }).subscribe();
    const request = http.expectOne((req) => req.url === '/api/v1/mail-messages');
    expect(request.request.params.keys().sort()).toEqual(['cursor', 'limit', 'status']);
    expect(request.request.params.get('status')).toBe('failed');
    request.flush({ items: [], nextCursor: null });
  });

  it('retries the message it names', () => {
    service.retry('m/1').subscribe();
    const request = http.expectOne('/api/v1/mail-messages/m%2F1/retry');
    expect(request.request.method).toBe('POST');
    request.flush({});
  });
});
