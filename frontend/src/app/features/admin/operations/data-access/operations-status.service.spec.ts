import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { OperationsStatusService } from './operations-status.service';

describe('OperationsStatusService', () => {
  it('reads the status from the API', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    let version = '';
    TestBed.inject(OperationsStatusService)
      .status()
      .subscribe((status) => (version = status.build.version));
    const request = http.expectOne('/api/v1/operations/status');
    expect(request.request.method).toBe('GET');
    request.flush({ build: { version: '1.2.3' } });
    expect(version).toBe('1.2.3');
    http.verify();
  });
});
