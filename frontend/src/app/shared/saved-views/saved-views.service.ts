import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateSavedViewRequest, Page, SavedViewDto, UpdateSavedViewRequest } from '@depot/contracts';
import { type Observable, map } from 'rxjs';

import { API_BASE_URL } from '../../core/config/api-base-url.token';

/** The most views one list shows in its menu (own views are capped at 50 by the server). */
const MENU_LIMIT = 100;

/** HTTP access to `/saved-views`, and which lists have had their default view applied. */
@Injectable({ providedIn: 'root' })
export class SavedViewsService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/saved-views`;
  readonly #defaultApplied = new Set<string>();

  list(listKey: string): Observable<SavedViewDto[]> {
    return this.#http
      .get<Page<SavedViewDto>>(this.#url, { params: { listKey, limit: MENU_LIMIT, sort: 'name' } })
      .pipe(map((page) => page.items));
  }

  create(request: CreateSavedViewRequest): Observable<SavedViewDto> {
    return this.#http.post<SavedViewDto>(this.#url, request, {
      headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
  }

  update(id: string, request: UpdateSavedViewRequest): Observable<SavedViewDto> {
    return this.#http.patch<SavedViewDto>(`${this.#url}/${encodeURIComponent(id)}`, request);
  }

  delete(id: string): Observable<void> {
    return this.#http.delete<void>(`${this.#url}/${encodeURIComponent(id)}`);
  }

  /**
   * Whether the list's default view should still be applied in this session: true once per
   * list, so clearing the filters later does not bring the default back.
   */
  claimDefault(listKey: string): boolean {
    if (this.#defaultApplied.has(listKey)) {
      return false;
    }
    this.#defaultApplied.add(listKey);
    return true;
  }
}
