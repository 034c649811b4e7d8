import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  IDEMPOTENCY_KEY_HEADER,
  type AvailabilityDto,
  type CreateSalesOrderRequest,
  type FulfilSalesOrderRequest,
  type InvoiceDto,
  type OrderTransitionRequest,
  type Page,
  type SalesOrderDto,
  type SalesOrderListQuery,
  type SalesOrderSummaryDto,
  type UpdateSalesOrderRequest,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../shared/http/query-params';
import { itemsOf } from '../../../shared/http/pages';

/** `aggregateType` of sales order events (`sales_order.created`, `.updated`, `.status_changed`). */
export const SALES_ORDER_AGGREGATE = 'sales_order';

/** HTTP access to `/sales-orders` and the live availability the order form shows. */
@Injectable({ providedIn: 'root' })
export class SalesOrdersService {
  readonly #http = inject(HttpClient);
  readonly #baseUrl = inject(API_BASE_URL);
  readonly #url = `${this.#baseUrl}/sales-orders`;

  list(query: SalesOrderListQuery): Observable<Page<SalesOrderSummaryDto>> {
    return this.#http.get<Page<SalesOrderSummaryDto>>(this.#url, { params: toHttpParams(query) });
  }

  get(id: string): Observable<SalesOrderDto> {
    return this.#http.get<SalesOrderDto>(this.#orderUrl(id));
  }

  /** `idempotencyKey` makes a repeated submission (double click, retry after a timeout) create one order. */
  create(request: CreateSalesOrderRequest, idempotencyKey: string): Observable<SalesOrderDto> {
    return this.#http.post<SalesOrderDto>(this.#url, request, { headers: keyHeader(idempotencyKey) });
  }

  /** Drafts only; a stale `version` is answered with 409 `REQUEST.VERSION_CONFLICT`. */
  update(id: string, request: UpdateSalesOrderRequest): Observable<SalesOrderDto> {
    return this.#http.patch<SalesOrderDto>(this.#orderUrl(id), request);
  }

  /** Reserves the stock; 409 `SALES.LINES_SHORT` (with `shortLines`) when some is missing. */
  confirm(id: string, request: OrderTransitionRequest, idempotencyKey: string): Observable<SalesOrderDto> {
    return this.#post<SalesOrderDto>(id, 'confirm', request, idempotencyKey);
  }

  fulfil(id: string, request: FulfilSalesOrderRequest, idempotencyKey: string): Observable<SalesOrderDto> {
    return this.#post<SalesOrderDto>(id, 'fulfil', request, idempotencyKey);
  }

  cancel(id: string, request: OrderTransitionRequest, idempotencyKey: string): Observable<SalesOrderDto> {
    return this.#post<SalesOrderDto>(id, 'cancel', request, idempotencyKey);
  }

  invoice(id: string, request: { version: number }, idempotencyKey: string): Observable<InvoiceDto> {
    return this.#post<InvoiceDto>(id, 'invoice', request, idempotencyKey);
  }

  /** What is available now of each product in one warehouse (products without stock may be absent). */
  availability(warehouseId: string, productIds: readonly string[]): Observable<AvailabilityDto[]> {
    return this.#http
      .get<Page<AvailabilityDto>>(`${this.#baseUrl}/stock-availability`, {
        params: toHttpParams({ warehouseId, productIds: productIds.join(',') }),
      })
      .pipe(itemsOf());
  }

  #post<T>(id: string, action: string, body: object, idempotencyKey: string): Observable<T> {
    return this.#http.post<T>(`${this.#orderUrl(id)}/${action}`, body, { headers: keyHeader(idempotencyKey) });
  }

  #orderUrl(id: string): string {
    return `${this.#url}/${encodeURIComponent(id)}`;
  }
}

function keyHeader(idempotencyKey: string): HttpHeaders {
  return new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey });
}
