import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  IDEMPOTENCY_KEY_HEADER,
  type AdjustStockRequest,
  type LedgerConsistencyDto,
  type ListQuery,
  type LowStockItemDto,
  type Page,
  type StockAdjustmentResultDto,
  type StockAsOfDto,
  type StockLevelDto,
  type StockLevelListQuery,
  type StockMovementDto,
  type StockMovementListQuery,
  type StockTransferResultDto,
  type TransferStockRequest,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../shared/http/query-params';

/** `aggregateType` of `stock.changed` events; their `aggregateId` is the product. */
export const STOCK_AGGREGATE = 'stock';

export interface LowStockQuery extends ListQuery {
  warehouseId?: string;
}

/** HTTP access to stock levels, the ledger and the stock-moving commands. */
@Injectable({ providedIn: 'root' })
export class StockService {
  readonly #http = inject(HttpClient);
  readonly #baseUrl = inject(API_BASE_URL);

  levels(query: StockLevelListQuery): Observable<Page<StockLevelDto>> {
    return this.#http.get<Page<StockLevelDto>>(`${this.#baseUrl}/stock-levels`, { params: toHttpParams(query) });
  }

  movements(query: StockMovementListQuery): Observable<Page<StockMovementDto>> {
    return this.#http.get<Page<StockMovementDto>>(`${this.#baseUrl}/stock-movements`, {
      params: toHttpParams(query),
    });
  }

  /** The ledger as CSV, with the same filters as `movements` (through HttpClient, so it carries the token). */
  exportMovements(query: StockMovementListQuery): Observable<Blob> {
    // The export takes the filters and the order, not the paging.
    const { limit: _limit, cursor: _cursor, includeTotal: _includeTotal, ...filters } = query;
    return this.#http.get(`${this.#baseUrl}/stock-movements/export.csv`, {
      params: toHttpParams(filters),
      responseType: 'blob',
    });
  }

  /**
   * `idempotencyKey` makes the request safe to repeat: the server applies it once and answers
   * a repeat with the first response.
   */
  adjust(request: AdjustStockRequest, idempotencyKey: string): Observable<StockAdjustmentResultDto> {
    return this.#http.post<StockAdjustmentResultDto>(`${this.#baseUrl}/stock/adjustments`, request, {
      headers: new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
    });
  }

  transfer(request: TransferStockRequest, idempotencyKey: string): Observable<StockTransferResultDto> {
    return this.#http.post<StockTransferResultDto>(`${this.#baseUrl}/stock/transfers`, request, {
      headers: new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
    });
  }

  asOf(productId: string, at: string): Observable<StockAsOfDto> {
    return this.#http.get<StockAsOfDto>(`${this.#baseUrl}/stock/as-of`, { params: toHttpParams({ productId, at }) });
  }

  consistency(): Observable<LedgerConsistencyDto> {
    return this.#http.get<LedgerConsistencyDto>(`${this.#baseUrl}/stock/consistency`);
  }

  lowStock(query: LowStockQuery): Observable<Page<LowStockItemDto>> {
    return this.#http.get<Page<LowStockItemDto>>(`${this.#baseUrl}/stock/low-stock`, { params: toHttpParams(query) });
  }
}
