import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Page, PartnerDto } from '@depot/contracts';
import { type Observable, map } from 'rxjs';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../shared/http/query-params';

/** How many suggestions an autocomplete shows. */
export const SUGGESTION_LIMIT = 10;

/**
 * Active customers matching a search, for the customer autocomplete of the order form. (Customer
 * management itself lives in the purchasing area; this is the one read the sales pages need.)
 */
@Injectable({ providedIn: 'root' })
export class CustomersLookupService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/customers`;

  search(q: string): Observable<PartnerDto[]> {
    return this.#http
      .get<Page<PartnerDto>>(this.#url, {
        params: toHttpParams({ q: q.trim(), active: true, limit: SUGGESTION_LIMIT, sort: 'code' }),
      })
      .pipe(map((page) => page.items));
  }

  /** One customer, to label a customer filter read from the URL. */
  get(id: string): Observable<PartnerDto> {
    return this.#http.get<PartnerDto>(`${this.#url}/${encodeURIComponent(id)}`);
  }
}
