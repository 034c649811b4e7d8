import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  IDEMPOTENCY_KEY_HEADER,
  type CreateReplenishmentOrdersRequest,
  type Page,
  type PurchaseOrderDto,
  type ReplenishmentGroupDto,
  type ReplenishmentQuery,
} from '@depot/contracts';
import { type Observable, map } from 'rxjs';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../shared/http/query-params';

/** HTTP access to `/replenishment`: reorder suggestions and the drafts made from them. */
@Injectable({ providedIn: 'root' })
export class ReplenishmentService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/replenishment`;

  suggestions(query: ReplenishmentQuery = {}): Observable<ReplenishmentGroupDto[]> {
    return this.#http
      .get<Page<ReplenishmentGroupDto>>(this.#url, { params: toHttpParams(query) })
      .pipe(map((page) => page.items));
  }

  /** One draft per supplier; `idempotencyKey` makes a repeated click create them once. */
  createPurchaseOrders(
    request: CreateReplenishmentOrdersRequest,
    idempotencyKey: string,
  ): Observable<PurchaseOrderDto[]> {
    return this.#http
      .post<Page<PurchaseOrderDto>>(`${this.#url}/purchase-orders`, request, {
        headers: new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
      })
      .pipe(map((page) => page.items));
  }
}
