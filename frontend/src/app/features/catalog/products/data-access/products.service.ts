import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateProductRequest, Page, ProductDto, ProductListQuery, UpdateProductRequest } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';

/** `aggregateType` of product events (`product.created`, `product.updated`, `product.archived`). */
export const PRODUCT_AGGREGATE = 'product';

/** HTTP access to `/products`. */
@Injectable({ providedIn: 'root' })
export class ProductsService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/products`;

  list(query: ProductListQuery): Observable<Page<ProductDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') {
        params = params.set(key, String(value));
      }
    }
    return this.#http.get<Page<ProductDto>>(this.#url, { params });
  }

  get(id: string): Observable<ProductDto> {
    return this.#http.get<ProductDto>(`${this.#url}/${encodeURIComponent(id)}`);
  }

  create(request: CreateProductRequest): Observable<ProductDto> {
    return this.#http.post<ProductDto>(this.#url, request);
  }

  update(id: string, request: UpdateProductRequest): Observable<ProductDto> {
    return this.#http.patch<ProductDto>(`${this.#url}/${encodeURIComponent(id)}`, request);
  }

  /** Archives the product (the API keeps it, with status `archived`). */
  archive(id: string): Observable<void> {
    return this.#http.delete<void>(`${this.#url}/${encodeURIComponent(id)}`);
  }
}
