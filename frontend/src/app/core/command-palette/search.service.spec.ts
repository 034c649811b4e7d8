import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { SearchService } from './search.service';

describe('SearchService', () => {
  it('asks /search with the query and the group size', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(SearchService).search('WID 1').subscribe();
    const request = http.expectOne((candidate) => candidate.url === '/api/v1/search');
    expect(request.request.params.get('q')).toBe('WID 1');
    expect(request.request.params.get('limit')).toBe('5');
    request.flush({ groups: [] });
    http.verify();
  });
});
