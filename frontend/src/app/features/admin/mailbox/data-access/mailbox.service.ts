import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DevMailDto, DevMailListQuery, Page } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../../shared/http/query-params';

/**
 * `/dev/mailbox`: e-mails the server kept instead of sending them (no SMTP configured, i.e.
 * development and tests), newest first. The endpoint does not exist in production (404).
 */
@Injectable({ providedIn: 'root' })
export class MailboxService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/dev/mailbox`;

  list(query: DevMailListQuery = {}): Observable<Page<DevMailDto>> {
    return this.#http.get<Page<DevMailDto>>(this.#url, { params: toHttpParams(query) });
  }

  get(id: string): Observable<DevMailDto> {
    return this.#http.get<DevMailDto>(`${this.#url}/${encodeURIComponent(id)}`);
  }
}
