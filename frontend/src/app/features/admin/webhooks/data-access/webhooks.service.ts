import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateWebhookEndpointRequest,
  CreatedWebhookEndpointDto,
  ListQuery,
  Page,
  UpdateWebhookEndpointRequest,
  WebhookDeliveryDto,
  WebhookEndpointDto,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../../shared/http/query-params';
import { itemsOf } from '../../../../shared/http/pages';

export interface DeliveryPageQuery {
  limit?: number;
  cursor?: string | null;
}

/** HTTP access to `/webhooks`: endpoints, their test events and their delivery log. */
@Injectable({ providedIn: 'root' })
export class WebhooksService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/webhooks`;

  /** Newest first. */
  /** One page of the endpoints, newest first (for the list). */
  page(query: ListQuery): Observable<Page<WebhookEndpointDto>> {
    return this.#http.get<Page<WebhookEndpointDto>>(this.#url, { params: toHttpParams(query) });
  }

  list(): Observable<WebhookEndpointDto[]> {
    return this.#http.get<Page<WebhookEndpointDto>>(this.#url).pipe(itemsOf());
  }

  get(id: string): Observable<WebhookEndpointDto> {
    return this.#http.get<WebhookEndpointDto>(this.#endpointUrl(id));
  }

  /** The answer carries the signing `secret`: the only time it is ever shown. */
  create(request: CreateWebhookEndpointRequest): Observable<CreatedWebhookEndpointDto> {
    return this.#http.post<CreatedWebhookEndpointDto>(this.#url, request);
  }

  /** Optimistic locking: a stale `version` is refused with 409 `REQUEST.VERSION_CONFLICT`. */
  update(id: string, request: UpdateWebhookEndpointRequest): Observable<WebhookEndpointDto> {
    return this.#http.patch<WebhookEndpointDto>(this.#endpointUrl(id), request);
  }

  /** Deletes the endpoint and its delivery log. */
  remove(id: string): Observable<void> {
    return this.#http.delete<void>(this.#endpointUrl(id));
  }

  /** Queues a `webhook.test` event to this endpoint only. */
  sendTest(id: string): Observable<WebhookDeliveryDto> {
    return this.#http.post<WebhookDeliveryDto>(`${this.#endpointUrl(id)}/test`, null);
  }

  /** A page of the delivery log, newest first; pass the previous page's `nextCursor` for older ones. */
  deliveries(id: string, query: DeliveryPageQuery = {}): Observable<Page<WebhookDeliveryDto>> {
    return this.#http.get<Page<WebhookDeliveryDto>>(`${this.#endpointUrl(id)}/deliveries`, {
      params: toHttpParams(query),
    });
  }

  /** Sends a past message again (same `webhook-id`, so receivers can de-duplicate it). */
  replay(id: string, deliveryId: string): Observable<WebhookDeliveryDto> {
    return this.#http.post<WebhookDeliveryDto>(
      `${this.#endpointUrl(id)}/deliveries/${encodeURIComponent(deliveryId)}/replay`,
      null,
    );
  }

  #endpointUrl(id: string): string {
    return `${this.#url}/${encodeURIComponent(id)}`;
  }
}
