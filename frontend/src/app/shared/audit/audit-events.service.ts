import { HttpClient, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEventDto, AuditEventListQuery, Page } from '@depot/contracts';
import { type Observable, map } from 'rxjs';

import { API_BASE_URL } from '../../core/config/api-base-url.token';
import { toHttpParams } from '../http/query-params';
import { type DownloadedFile, attachmentFileName } from '../http/download';

/** Which trail: the security log (sign-ins, sessions, keys, roles) or every audited change. */
export type AuditSource = 'security' | 'audit';

/** The export takes the list's filters, without paging. */
export type AuditExportQuery = Omit<AuditEventListQuery, 'limit' | 'cursor'>;

/** HTTP access to `/security-events` and `/audit-events` (same shape, newest first). */
@Injectable({ providedIn: 'root' })
export class AuditEventsService {
  readonly #http = inject(HttpClient);
  readonly #baseUrl = inject(API_BASE_URL);

  list(source: AuditSource, query: AuditEventListQuery): Observable<Page<AuditEventDto>> {
    const path = source === 'security' ? 'security-events' : 'audit-events';
    return this.#http.get<Page<AuditEventDto>>(`${this.#baseUrl}/${path}`, { params: toHttpParams(query) });
  }

  /**
   * Every audit event matching `query` as CSV (all pages). Fetched with `HttpClient`, not a plain
   * link, because the endpoint needs the access token.
   */
  exportCsv(query: AuditExportQuery): Observable<DownloadedFile> {
    return this.#http
      .get(`${this.#baseUrl}/audit-events/export.csv`, {
        params: toHttpParams(query),
        responseType: 'blob',
        observe: 'response',
      })
      .pipe(
        map((response: HttpResponse<Blob>) => ({
          blob: response.body ?? new Blob([], { type: 'text/csv' }),
          fileName:
            attachmentFileName(response.headers.get('Content-Disposition')) ??
            `audit-log-${new Date().toISOString().slice(0, 10)}.csv`,
        })),
      );
  }
}
