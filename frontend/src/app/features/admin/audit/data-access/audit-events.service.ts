import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEventDto, AuditEventListQuery, Page } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../../shared/http/query-params';

/** Which trail: the security log (sign-ins, sessions, keys, roles) or every audited change. */
export type AuditSource = 'security' | 'audit';

/** HTTP access to `/security-events` and `/audit-events` (same shape, newest first). */
@Injectable({ providedIn: 'root' })
export class AuditEventsService {
  readonly #http = inject(HttpClient);
  readonly #baseUrl = inject(API_BASE_URL);

  list(source: AuditSource, query: AuditEventListQuery): Observable<Page<AuditEventDto>> {
    const path = source === 'security' ? 'security-events' : 'audit-events';
    return this.#http.get<Page<AuditEventDto>>(`${this.#baseUrl}/${path}`, { params: toHttpParams(query) });
  }
}
