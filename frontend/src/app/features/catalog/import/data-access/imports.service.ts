import { HttpClient, HttpErrorResponse, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportReportDto } from '@depot/contracts';
import { type Observable, catchError, throwError } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';

export type ImportKind = 'products' | 'opening-stock';

/** An import refused because rows have errors (HTTP 422): nothing was written. */
export class ImportRejectedError extends Error {
  constructor(readonly report: ImportReportDto) {
    super(`The import has ${report.errors.length} errors; nothing was imported.`);
    this.name = 'ImportRejectedError';
  }
}

/** HTTP access to `/imports/*`: CSV in the body, an `ImportReportDto` back. */
@Injectable({ providedIn: 'root' })
export class ImportsService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/imports`;

  /**
   * Checks (`dryRun`) or runs an import. A committed import is all-or-nothing: when a row has
   * errors the server answers 422 with the report, which arrives here as `ImportRejectedError`.
   */
  run(kind: ImportKind, csv: string, dryRun: boolean): Observable<ImportReportDto> {
    return this.#http
      .post<ImportReportDto>(`${this.#url}/${kind}`, csv, {
        params: new HttpParams().set('dryRun', String(dryRun)),
        headers: new HttpHeaders({ 'Content-Type': 'text/csv' }),
      })
      .pipe(
        catchError((error: unknown) => {
          const report = rejectedReport(error);
          return throwError(() => (report ? new ImportRejectedError(report) : error));
        }),
      );
  }
}

function rejectedReport(error: unknown): ImportReportDto | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 422) {
    return null;
  }
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null) {
    return null;
  }
  const report: unknown = (body as Record<string, unknown>)['report'];
  return isReport(report) ? report : null;
}

export function isReport(value: unknown): value is ImportReportDto {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof ImportReportDto, unknown>>;
  return (
    typeof candidate.rows === 'number' &&
    typeof candidate.created === 'number' &&
    typeof candidate.updated === 'number' &&
    Array.isArray(candidate.errors)
  );
}
