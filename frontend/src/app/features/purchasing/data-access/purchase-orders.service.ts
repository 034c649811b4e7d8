import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  IDEMPOTENCY_KEY_HEADER,
  type CreatePurchaseOrderRequest,
  type IncomingStockDto,
  type OrderTransitionRequest,
  type Page,
  type PurchaseOrderDto,
  type PurchaseOrderListQuery,
  type PurchaseOrderSummaryDto,
  type ReceivePurchaseOrderRequest,
  type UpdatePurchaseOrderRequest,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../shared/http/query-params';
import { itemsOf } from '../../../shared/http/pages';

/** `aggregateType` of purchase order events (`purchase_order.created`, `.updated`, `.status_changed`). */
export const PURCHASE_ORDER_AGGREGATE = 'purchase_order';

/** HTTP access to `/purchase-orders` and the "incoming" figures of a product. */
@Injectable({ providedIn: 'root' })
export class PurchaseOrdersService {
  readonly #http = inject(HttpClient);
  readonly #baseUrl = inject(API_BASE_URL);
  readonly #url = `${this.#baseUrl}/purchase-orders`;

  list(query: PurchaseOrderListQuery): Observable<Page<PurchaseOrderSummaryDto>> {
    return this.#http.get<Page<PurchaseOrderSummaryDto>>(this.#url, { params: toHttpParams(query) });
  }

  get(id: string): Observable<PurchaseOrderDto> {
    return this.#http.get<PurchaseOrderDto>(this.#order(id));
  }

  /** `idempotencyKey`: a repeated request (double click, retry after a network error) creates one order. */
  create(request: CreatePurchaseOrderRequest, idempotencyKey: string): Observable<PurchaseOrderDto> {
    return this.#http.post<PurchaseOrderDto>(this.#url, request, { headers: idempotencyHeaders(idempotencyKey) });
  }

  /** Drafts only; a stale `version` gets 409. */
  update(id: string, request: UpdatePurchaseOrderRequest): Observable<PurchaseOrderDto> {
    return this.#http.patch<PurchaseOrderDto>(this.#order(id), request);
  }

  submit(id: string, request: OrderTransitionRequest): Observable<PurchaseOrderDto> {
    return this.#http.post<PurchaseOrderDto>(`${this.#order(id)}/submit`, request);
  }

  cancel(id: string, request: OrderTransitionRequest): Observable<PurchaseOrderDto> {
    return this.#http.post<PurchaseOrderDto>(`${this.#order(id)}/cancel`, request);
  }

  /** Books received goods into stock; idempotent like the other stock-moving commands. */
  receive(id: string, request: ReceivePurchaseOrderRequest, idempotencyKey: string): Observable<PurchaseOrderDto> {
    return this.#http.post<PurchaseOrderDto>(`${this.#order(id)}/receipts`, request, {
      headers: idempotencyHeaders(idempotencyKey),
    });
  }

  /** Open purchase quantities of a product per warehouse. */
  incoming(productId: string): Observable<IncomingStockDto[]> {
    return this.#http
      .get<Page<IncomingStockDto>>(`${this.#baseUrl}/products/${encodeURIComponent(productId)}/incoming`)
      .pipe(itemsOf());
  }

  #order(id: string): string {
    return `${this.#url}/${encodeURIComponent(id)}`;
  }
}

function idempotencyHeaders(key: string): HttpHeaders {
  return new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: key });
}
