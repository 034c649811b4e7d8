import { HttpClient, HttpContext, HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { CurrentUserDto, LoginRequest, Permission, TokenResponse } from '@depot/contracts';
import {
  type Observable,
  catchError,
  finalize,
  firstValueFrom,
  map,
  of,
  shareReplay,
  switchMap,
  tap,
  throwError,
} from 'rxjs';

import { HttpStatus } from '../../shared/http/http-status';
import { API_BASE_URL } from '../config/api-base-url.token';
import { RETRY_ON_OUTAGE } from '../connectivity/connectivity.interceptor';
import { withCrossTabLock } from './cross-tab-lock';

const REFRESH_LOCK = 'depot-auth-refresh';
/**
 * Readable companion of the httpOnly refresh cookie, set and cleared by the server with it (no
 * secret inside). Without it there is no session to restore, so no refresh is tried (a signed-out
 * visit would otherwise log a 401).
 */
export const SESSION_HINT_COOKIE = 'depot_session';

/** Whether the server's session hint cookie is present. */
export function hasSessionHint(cookies: string): boolean {
  return cookies.split(';').some((cookie) => cookie.trim().startsWith(`${SESSION_HINT_COOKIE}=`));
}

/**
 * Session state of the signed-in user.
 *
 * The access token lives in memory only (never in storage, so an XSS cannot lift it from there).
 * The refresh token is an httpOnly cookie scoped to `/api/v1/auth` that the browser sends on
 * `POST /auth/refresh`; the copy in the JSON body is deliberately ignored.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  readonly #http = inject(HttpClient);
  readonly #baseUrl = inject(API_BASE_URL);
  readonly #document = inject(DOCUMENT);

  readonly #user = signal<CurrentUserDto | null>(null);
  readonly #accessToken = signal<string | null>(null);
  readonly #restoring = signal(false);
  #refreshInFlight: Observable<string> | null = null;
  #restored: Observable<boolean> | null = null;

  readonly currentUser = this.#user.asReadonly();
  readonly isAuthenticated = computed(() => this.#user() !== null);
  readonly permissions = computed<ReadonlySet<Permission>>(() => new Set(this.#user()?.permissions ?? []));
  readonly accessToken = this.#accessToken.asReadonly();
  /** True while the start-up session restore waits for an answer (e.g. through an outage). */
  readonly restoring = this.#restoring.asReadonly();

  /** URL prefix of the auth endpoints, which never trigger a refresh-and-retry. */
  get authEndpointsUrl(): string {
    return `${this.#baseUrl}/auth/`;
  }

  hasPermission(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  /**
   * Signs in, then loads the profile. Errors (401 wrong credentials or `AUTH.MFA_REQUIRED`, 429
   * throttled) propagate; after `AUTH.MFA_REQUIRED` the caller sends the same again with `mfaCode`.
   */
  login(email: string, password: string, mfaCode?: string): Observable<CurrentUserDto> {
    // An undefined `mfaCode` is left out of the JSON.
    const body: LoginRequest = { email, password, mfaCode };
    return this.#http
      .post<TokenResponse>(`${this.#baseUrl}/auth/login`, body)
      .pipe(switchMap((tokens) => this.useTokens(tokens)));
  }

  /** Takes over tokens the API issued elsewhere (e.g. after a password change) and reloads the user. */
  useTokens(tokens: TokenResponse): Observable<CurrentUserDto> {
    this.#accessToken.set(tokens.accessToken);
    return this.reloadCurrentUser();
  }

  /**
   * Trades the refresh cookie for a new access token. Concurrent callers share one request, so a
   * burst of 401s leads to a single refresh (a second one would reuse a rotated token).
   * Only a refusal (401) ends the session; the error always propagates. Through an outage the
   * request is sent again until the server answers (see `connectivityInterceptor`): an outage
   * answer means the server did not rotate the token, and if a lost answer hid a rotation, the
   * browser has nothing but the old cookie to send anyway.
   */
  refresh(): Observable<string> {
    this.#refreshInFlight ??= withCrossTabLock(REFRESH_LOCK, () =>
      firstValueFrom(
        this.#http.post<TokenResponse>(`${this.#baseUrl}/auth/refresh`, null, {
          context: new HttpContext().set(RETRY_ON_OUTAGE, true),
        }),
      ),
    ).pipe(
      map((tokens) => {
        this.#accessToken.set(tokens.accessToken);
        return tokens.accessToken;
      }),
      catchError((error: unknown) => {
        if (isRefusal(error)) {
          this.clearSession();
        }
        return throwError(() => error);
      }),
      finalize(() => (this.#refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.#refreshInFlight;
  }

  /**
   * Restores the session from the refresh cookie at start-up (the cookie is httpOnly: only the
   * server can tell whether there is a session). Resolves to whether a session was restored. An
   * outage does not answer that question, so the refresh waits it out; any answer other than
   * success (401 = no cookie or an ended session, or an unexpected error) means signed out.
   */
  restoreSession(): Observable<boolean> {
    if (!hasSessionHint(this.#document.cookie)) {
      this.#restored = of(false);
      return this.#restored;
    }
    this.#restoring.set(true);
    const restored = this.refresh().pipe(
      switchMap(() => this.reloadCurrentUser()),
      map(() => true),
      catchError(() => {
        this.clearSession();
        return of(false);
      }),
      finalize(() => this.#restoring.set(false)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    this.#restored = restored;
    return restored;
  }

  /** Emits once the start-up restore has its answer (at once when none was started). */
  whenRestored(): Observable<boolean> {
    return this.#restored ?? of(this.isAuthenticated());
  }

  /** Ends the session on the server (revoking the refresh token) and forgets it locally. */
  logout(): Observable<void> {
    return this.#http.post<void>(`${this.#baseUrl}/auth/logout`, null).pipe(
      catchError((error: unknown) => {
        // Signing out must always succeed locally; a 401 means the server session is already gone.
        if (error instanceof HttpErrorResponse) {
          return of(undefined);
        }
        return throwError(() => error);
      }),
      map(() => undefined),
      finalize(() => this.clearSession()),
    );
  }

  clearSession(): void {
    this.#accessToken.set(null);
    this.#user.set(null);
  }

  /** Loads the signed-in user again (after a change to their profile, roles or MFA). */
  reloadCurrentUser(): Observable<CurrentUserDto> {
    return this.#http.get<CurrentUserDto>(`${this.#baseUrl}/auth/me`).pipe(tap((user) => this.#user.set(user)));
  }
}

/** The server refused the refresh token (absent, expired, revoked or reused): the session is over. */
function isRefusal(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === HttpStatus.Unauthorized;
}
