import { HttpErrorResponse } from '@angular/common/http';
import type { FieldError, ProblemDetails } from '@depot/contracts';

import { HttpStatus, isOutageStatus } from './http-status';

/**
 * What a failed change says when Depot was unavailable. The server's 503 comes before anything is
 * written; a request that got no answer (network failure, or a proxy's 502/504) may have been
 * carried out or not. Safe requests never get here: they wait the outage out.
 */
export const UNAVAILABLE_DETAIL = 'Depot is unavailable right now, so nothing was changed. Try again in a moment.';
export const UNREACHABLE_DETAIL =
  'Depot could not be reached, so a change you just made may not have been saved. Check, then try again in a moment.';

/**
 * Reads any error from `HttpClient` into RFC 9457 problem details. A problem+json body is taken
 * as it is; anything else (network failure, proxy error page, non-HTTP error) gets a problem
 * synthesised from the status, so callers handle one shape. Outages get one message of our own.
 */
export function toProblemDetails(error: unknown): ProblemDetails {
  if (!(error instanceof HttpErrorResponse)) {
    return {
      type: 'about:blank',
      title: 'Unexpected error',
      status: 0,
      detail: 'Something went wrong. Please try again.',
    };
  }
  if (isOutageStatus(error.status)) {
    const body: unknown = error.error;
    const server: ProblemLike = isProblemLike(body) ? body : {};
    return {
      type: 'about:blank',
      title: 'Depot is unavailable',
      status: error.status,
      detail: error.status === HttpStatus.ServiceUnavailable ? UNAVAILABLE_DETAIL : UNREACHABLE_DETAIL,
      ...(typeof server.code === 'string' ? { code: server.code } : {}),
      ...(typeof server.requestId === 'string' ? { requestId: server.requestId } : {}),
    };
  }
  const body: unknown = error.error;
  if (isProblemLike(body)) {
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: typeof body.title === 'string' ? body.title : error.statusText || `HTTP ${error.status}`,
      status: typeof body.status === 'number' ? body.status : error.status,
      ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
      ...(typeof body.instance === 'string' ? { instance: body.instance } : {}),
      ...(typeof body.code === 'string' ? { code: body.code } : {}),
      ...(typeof body.requestId === 'string' ? { requestId: body.requestId } : {}),
      ...(Array.isArray(body.errors) ? { errors: body.errors.filter(isFieldError) } : {}),
    };
  }
  return { type: 'about:blank', title: error.statusText || `HTTP ${error.status}`, status: error.status };
}

/** A one-line, human-readable message for a problem (its `detail`, else its `title`). */
export function problemMessage(problem: ProblemDetails): string {
  return problem.detail || problem.title;
}

type ProblemLike = { [K in keyof ProblemDetails]?: unknown };

function isProblemLike(value: unknown): value is ProblemLike {
  return typeof value === 'object' && value !== null && ('title' in value || 'detail' in value || 'code' in value);
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof FieldError, unknown>>;
  return typeof candidate.field === 'string' && typeof candidate.message === 'string';
}
