import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { SEARCH_LIMITS, type SearchResponseDto } from '@depot/contracts';
import type { Observable } from 'rxjs';

import { API_BASE_URL } from '../config/api-base-url.token';

/** HTTP access to `/search` (global search across the record types the user may read). */
@Injectable({ providedIn: 'root' })
export class SearchService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/search`;

  search(q: string, limit: number = SEARCH_LIMITS.defaultLimit): Observable<SearchResponseDto> {
    return this.#http.get<SearchResponseDto>(this.#url, { params: { q, limit } });
  }
}
