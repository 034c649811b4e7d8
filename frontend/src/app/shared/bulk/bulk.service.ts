import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  BulkProgressMessage,
  BulkResult,
  OrderBulkRequest,
  ProductBulkRequest,
  UserBulkRequest,
} from '@depot/contracts';
import type { Observable } from 'rxjs';

import { API_BASE_URL } from '../../core/config/api-base-url.token';
import { RealtimeService } from '../../core/realtime/realtime.service';

/** The collections that take `POST /<collection>/bulk`. */
export interface BulkRequests {
  products: ProductBulkRequest;
  'sales-orders': OrderBulkRequest;
  'purchase-orders': OrderBulkRequest;
  users: UserBulkRequest;
}

/** A random UUID (`crypto.randomUUID` needs a secure context, so not only that). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * HTTP access to the bulk endpoints. Every real run carries an Idempotency-Key, so a retry after
 * a lost answer (the connectivity interceptor retries keyed POSTs) never acts twice.
 */
@Injectable({ providedIn: 'root' })
export class BulkService {
  readonly #http = inject(HttpClient);
  readonly #base = inject(API_BASE_URL);
  readonly #realtime = inject(RealtimeService);

  run<C extends keyof BulkRequests>(collection: C, request: BulkRequests[C]): Observable<BulkResult> {
    const headers = request.dryRun ? new HttpHeaders() : new HttpHeaders({ 'Idempotency-Key': newUuid() });
    return this.#http.post<BulkResult>(`${this.#base}/${collection}/bulk`, request, { headers });
  }

  /** Progress of the run with `operationId`, pushed over the socket while it runs. */
  progress(operationId: string): Observable<BulkProgressMessage> {
    return this.#realtime.bulkProgress(operationId);
  }
}
