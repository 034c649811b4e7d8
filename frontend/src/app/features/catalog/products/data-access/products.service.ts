import { HttpClient, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateProductRequest, Page, ProductDto, ProductListQuery, UpdateProductRequest } from '@depot/contracts';
import { type Observable, map } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';
import { type DownloadedFile, attachmentFileName } from '../../../../shared/http/download';

/** `aggregateType` of product events (`product.created`, `product.updated`, `product.archived`). */
export const PRODUCT_AGGREGATE = 'product';

/**
 * Most selected ids exported in one request: they travel in the URL, and servers and proxies
 * refuse request lines much longer than ~16 KB (a UUID and a comma are 37 characters).
 */
export const EXPORT_SELECTED_MAX = 400;

/** HTTP access to `/products`. */
@Injectable({ providedIn: 'root' })
export class ProductsService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/products`;

  list(query: ProductListQuery): Observable<Page<ProductDto>> {
    return this.#http.get<Page<ProductDto>>(this.#url, { params: productQueryParams(query) });
  }

  /**
   * The products matching `query` as CSV. Fetched with `HttpClient` (not a plain link) because the
   * endpoint needs the access token. `query` holds filters and sort only (no paging); `ids`
   * narrows the export to a selection (sent comma-separated, see EXPORT_SELECTED_MAX).
   */
  exportCsv(query: ProductListQuery, ids?: readonly string[]): Observable<DownloadedFile> {
    // The export takes the filters and the order, not the paging.
    const { limit: _limit, cursor: _cursor, includeTotal: _includeTotal, ...filters } = query;
    let params = productQueryParams(filters);
    if (ids?.length) {
      params = params.set('ids', ids.join(','));
    }
    return this.#http
      .get(`${this.#url}/export.csv`, {
        params,
        responseType: 'blob',
        observe: 'response',
      })
      .pipe(
        map((response: HttpResponse<Blob>) => ({
          blob: response.body ?? new Blob([], { type: 'text/csv' }),
          fileName: attachmentFileName(response.headers.get('Content-Disposition')) ?? defaultExportName(),
        })),
      );
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

/** Query parameters of a product query; `attribute` is repeated once per filter. */
export function productQueryParams(query: ProductListQuery): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
        if (item !== '') {
          params = params.append(key, String(item));
        }
      }
    }
  }
  return params;
}

function defaultExportName(): string {
  return `products-${new Date().toISOString().slice(0, 10)}.csv`;
}
