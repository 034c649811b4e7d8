import { HttpErrorResponse } from '@angular/common/http';
import type { SalesOrderLineDto, ShortLineDto } from '@depot/contracts';
import { type Observable, catchError, throwError } from 'rxjs';

/**
 * The `shortLines` extension of a 409 `SALES.LINES_SHORT` problem, or `null` when the error has
 * none. (`toProblemDetails` keeps only the standard members, so it is read from the raw error.)
 */
export function readShortLines(error: unknown): ShortLineDto[] | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null || !('shortLines' in body) || !Array.isArray(body.shortLines)) {
    return null;
  }
  return (body.shortLines as unknown[]).filter(isShortLine);
}

/** Passes errors on unchanged, handing any short lines they carry to `sink` first. */
export function captureShortLines<T>(sink: (lines: ShortLineDto[]) => void) {
  return (source: Observable<T>): Observable<T> =>
    source.pipe(
      catchError((error: unknown) => {
        const lines = readShortLines(error);
        if (lines) {
          sink(lines);
        }
        return throwError(() => error);
      }),
    );
}

/** One short line for people: "SKU-1 (line 2): 5 ordered, 3 available". */
export interface ShortLineView {
  lineId: string;
  /** "SKU-1 (line 2)". */
  label: string;
  sku: string;
  lineNo: number | null;
  productName: string | null;
  requested: number;
  available: number;
  missing: number;
}

export function shortLineViews(
  shortLines: readonly ShortLineDto[],
  lines: readonly SalesOrderLineDto[],
): ShortLineView[] {
  const byId = new Map(lines.map((line) => [line.id, line]));
  return shortLines.map((short) => {
    const line = byId.get(short.lineId);
    return {
      lineId: short.lineId,
      label: line ? `${short.sku} (line ${line.lineNo})` : short.sku,
      sku: short.sku,
      lineNo: line?.lineNo ?? null,
      productName: line?.productName ?? null,
      requested: short.requested,
      available: short.available,
      missing: Math.max(short.requested - short.available, 0),
    };
  });
}

function isShortLine(value: unknown): value is ShortLineDto {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const line = value as Partial<Record<keyof ShortLineDto, unknown>>;
  return (
    typeof line.lineId === 'string' &&
    typeof line.sku === 'string' &&
    typeof line.requested === 'number' &&
    typeof line.available === 'number'
  );
}
