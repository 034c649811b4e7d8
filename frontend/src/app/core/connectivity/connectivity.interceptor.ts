import {
  HttpContextToken,
  HttpErrorResponse,
  type HttpEvent,
  HttpEventType,
  type HttpInterceptorFn,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { type Observable, catchError, finalize, switchMap, tap, throwError } from 'rxjs';

import { isOutageStatus } from '../../shared/http/http-status';
import { API_BASE_URL, isApiUrl } from '../config/api-base-url.token';
import { ConnectivityService, retryAfterMs } from './connectivity.service';

/**
 * Marks a request that may be sent again after an outage answer although its method is not
 * safe (its sender knows a repeat does no harm, e.g. the session refresh).
 */
export const RETRY_ON_OUTAGE = new HttpContextToken<boolean>(() => false);

/** `IDEMPOTENCY_KEY_HEADER` of the contracts, spelled out: importing it costs the initial bundle half a kilobyte. */
const IDEMPOTENCY_KEY = 'Idempotency-Key';

/**
 * GET and HEAD; a POST whose `Idempotency-Key` lets the server recognise a repeat; or a request
 * marked with {@link RETRY_ON_OUTAGE}. Anything else is left to the user to send again.
 */
export function mayRetryAfterOutage(method: string, hasIdempotencyKey: boolean, marked: boolean): boolean {
  return method === 'GET' || method === 'HEAD' || (method === 'POST' && hasIdempotencyKey) || marked;
}

/**
 * Rides out outages of the API (status 0, 502, 503, 504). Requests that may be repeated wait for
 * the next round (see `ConnectivityService`) and are sent again until the server answers: their
 * sender just sees a slow request, and its loading state stays on. Others fail at once, for the
 * sender to explain. Every answer that is not an outage tells `ConnectivityService` Depot is back.
 *
 * Registered first, so that each attempt passes through the auth interceptors again (and carries
 * the token that is current by then).
 */
export const connectivityInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiUrl(req.url, inject(API_BASE_URL))) {
    return next(req);
  }
  const connectivity = inject(ConnectivityService);
  const retryable = mayRetryAfterOutage(req.method, req.headers.has(IDEMPOTENCY_KEY), req.context.get(RETRY_ON_OUTAGE));
  let release: (() => void) | null = null;

  // Hand-written rather than RxJS `retry`, which would grow the initial bundle.
  const send = (): Observable<HttpEvent<unknown>> =>
    next(req).pipe(
      tap({
        next: (event) => {
          if (event.type === HttpEventType.Response) {
            connectivity.reachable();
          }
        },
      }),
      catchError((error: unknown) => {
        if (!(error instanceof HttpErrorResponse)) {
          return throwError(() => error);
        }
        if (!isOutageStatus(error.status)) {
          connectivity.reachable();
          return throwError(() => error);
        }
        if (!retryable) {
          return throwError(() => error);
        }
        release ??= connectivity.hold();
        return connectivity.nextRound(retryAfterMs(error.headers.get('Retry-After'), Date.now())).pipe(switchMap(send));
      }),
    );

  return send().pipe(finalize(() => release?.()));
};
