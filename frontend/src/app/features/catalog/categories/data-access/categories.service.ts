import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CategoryDto, CreateCategoryRequest, UpdateCategoryRequest, Page } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';
import { itemsOf } from '../../../../shared/http/pages';

/** HTTP access to `/categories` (the whole tree comes in one flat list, ordered by path). */
@Injectable({ providedIn: 'root' })
export class CategoriesService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/categories`;

  list(): Observable<CategoryDto[]> {
    return this.#http.get<Page<CategoryDto>>(this.#url).pipe(itemsOf());
  }

  create(request: CreateCategoryRequest): Observable<CategoryDto> {
    return this.#http.post<CategoryDto>(this.#url, request);
  }

  /** Rename and/or move; the server refuses a move into the category's own subtree. */
  update(id: string, request: UpdateCategoryRequest): Observable<CategoryDto> {
    return this.#http.patch<CategoryDto>(`${this.#url}/${encodeURIComponent(id)}`, request);
  }

  /** Only an empty category (no children, no products) can be deleted. */
  delete(id: string): Observable<void> {
    return this.#http.delete<void>(`${this.#url}/${encodeURIComponent(id)}`);
  }
}
