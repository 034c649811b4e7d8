import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, defer, switchMap, throwError } from 'rxjs';

import { HttpStatus } from '../../shared/http/http-status';
import { API_BASE_URL, isApiUrl } from '../config/api-base-url.token';
import { AuthService } from './auth.service';
import { redirectToLogin } from './login-redirect';

/**
 * On a 401 from the API (outside `/auth/*`), refreshes the access token once and retries the
 * request; concurrent 401s share the one refresh. When the refresh is refused (401), or the retry
 * is still 401, the session is over: go to the login page, with a way back here. A refresh that
 * meets an outage waits it out (see `connectivityInterceptor`), and so does this request.
 *
 * Registered before `authTokenInterceptor`, so the retry passes through it again and carries
 * the new token.
 */
export const authRefreshInterceptor: HttpInterceptorFn = (req, next) => {
  const auth = inject(AuthService);
  const router = inject(Router);

  if (!isApiUrl(req.url, inject(API_BASE_URL)) || req.url.startsWith(auth.authEndpointsUrl)) {
    return next(req);
  }

  // Only a 401 ends the session: an outage (or any other error) says nothing about it.
  const endSession = (error: unknown) => {
    if (error instanceof HttpErrorResponse && error.status === HttpStatus.Unauthorized) {
      auth.clearSession();
      redirectToLogin(router);
    }
    return throwError(() => error);
  };

  const tokenSent = auth.accessToken();
  return next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== HttpStatus.Unauthorized) {
        return throwError(() => error);
      }
      // Deferred: the token interceptor must read the token when the retry is sent, not now.
      const retry$ = defer(() => next(req)).pipe(
        catchError((retryError: unknown) =>
          retryError instanceof HttpErrorResponse && retryError.status === HttpStatus.Unauthorized
            ? endSession(retryError)
            : throwError(() => retryError),
        ),
      );
      const tokenNow = auth.accessToken();
      if (tokenNow !== null && tokenNow !== tokenSent) {
        // Another request refreshed the token while this one was in flight: just retry.
        return retry$;
      }
      return auth.refresh().pipe(
        catchError(endSession),
        switchMap(() => retry$),
      );
    }),
  );
};
