import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ApiKeyDto, CreateApiKeyRequest, CreatedApiKeyDto, ListQuery, Page } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';
import { itemsOf } from '../../../../shared/http/pages';
import { toHttpParams } from '../../../../shared/http/query-params';

/** HTTP access to the signed-in user's own `/api-keys`. */
@Injectable({ providedIn: 'root' })
export class ApiKeysService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/api-keys`;

  /** Newest first; never with the secret. */
  list(): Observable<ApiKeyDto[]> {
    return this.#http.get<Page<ApiKeyDto>>(this.#url).pipe(itemsOf());
  }

  /** One page of the keys, newest first (for the list). */
  page(query: ListQuery): Observable<Page<ApiKeyDto>> {
    return this.#http.get<Page<ApiKeyDto>>(this.#url, { params: toHttpParams(query) });
  }

  /** The answer carries the secret `key`: the only time it is ever shown. */
  create(request: CreateApiKeyRequest): Observable<CreatedApiKeyDto> {
    return this.#http.post<CreatedApiKeyDto>(this.#url, request);
  }

  revoke(id: string): Observable<void> {
    return this.#http.delete<void>(`${this.#url}/${encodeURIComponent(id)}`);
  }
}
