import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  PAGINATION,
  type CreateWarehouseRequest,
  type Page,
  type UpdateWarehouseRequest,
  type WarehouseDto,
  type WarehouseListQuery,
} from '@depot/contracts';
import { EMPTY, type Observable, expand, map, reduce } from 'rxjs';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../shared/http/query-params';

/** `aggregateType` of warehouse events (`warehouse.created`, `warehouse.updated`). */
export const WAREHOUSE_AGGREGATE = 'warehouse';

/** Stops following cursors after this many pages (a safety net; real setups have a few warehouses). */
const MAX_PAGES = 10;

/** HTTP access to `/warehouses`. */
@Injectable({ providedIn: 'root' })
export class WarehousesService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/warehouses`;

  list(query: WarehouseListQuery): Observable<Page<WarehouseDto>> {
    return this.#http.get<Page<WarehouseDto>>(this.#url, { params: toHttpParams(query) });
  }

  /** Every warehouse (or only the active ones), sorted by code: for selects and filters. */
  all(options: { activeOnly?: boolean } = {}): Observable<WarehouseDto[]> {
    const query: WarehouseListQuery = {
      limit: PAGINATION.maxLimit,
      sort: 'code',
      ...(options.activeOnly ? { active: true } : {}),
    };
    let pages = 0;
    return this.list(query).pipe(
      expand((page) => {
        pages += 1;
        return page.nextCursor && pages < MAX_PAGES ? this.list({ ...query, cursor: page.nextCursor }) : EMPTY;
      }),
      map((page) => page.items),
      reduce((all, items) => [...all, ...items], [] as WarehouseDto[]),
    );
  }

  get(id: string): Observable<WarehouseDto> {
    return this.#http.get<WarehouseDto>(`${this.#url}/${encodeURIComponent(id)}`);
  }

  create(request: CreateWarehouseRequest): Observable<WarehouseDto> {
    return this.#http.post<WarehouseDto>(this.#url, request);
  }

  update(id: string, request: UpdateWarehouseRequest): Observable<WarehouseDto> {
    return this.#http.patch<WarehouseDto>(`${this.#url}/${encodeURIComponent(id)}`, request);
  }
}
