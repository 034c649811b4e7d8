import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { MailMessageDto, MailMessageListQuery, Page } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../../shared/http/query-params';

/**
 * `/mail-messages`: the outgoing e-mail queue (invitations, password resets, notices) with each
 * message's delivery state. Bodies are never part of it.
 */
@Injectable({ providedIn: 'root' })
export class MailMessagesService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/mail-messages`;

  /** Newest first; pass the previous page's `nextCursor` for older messages. */
  list(query: MailMessageListQuery = {}): Observable<Page<MailMessageDto>> {
    return this.#http.get<Page<MailMessageDto>>(this.#url, { params: toHttpParams(query) });
  }

  /** Queues a `failed` message again (409 `MAIL.NOT_RETRYABLE` for any other state). */
  retry(id: string): Observable<MailMessageDto> {
    return this.#http.post<MailMessageDto>(`${this.#url}/${encodeURIComponent(id)}/retry`, null);
  }
}
