import { HttpClient, HttpErrorResponse } from '@angular/common/http';
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

import { isClientError } from '../../shared/http/http-status';
import { API_BASE_URL } from '../config/api-base-url.token';
import { withCrossTabLock } from './cross-tab-lock';

const REFRESH_LOCK = 'depot-auth-refresh';

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

  readonly #user = signal<CurrentUserDto | null>(null);
  readonly #accessToken = signal<string | null>(null);
  #refreshInFlight: Observable<string> | null = null;

  readonly currentUser = this.#user.asReadonly();
  readonly isAuthenticated = computed(() => this.#user() !== null);
  readonly permissions = computed<ReadonlySet<Permission>>(() => new Set(this.#user()?.permissions ?? []));
  readonly accessToken = this.#accessToken.asReadonly();

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
   * When the server refuses (4xx) the session is cleared; the error always propagates.
   */
  refresh(): Observable<string> {
    this.#refreshInFlight ??= withCrossTabLock(REFRESH_LOCK, () =>
      firstValueFrom(this.#http.post<TokenResponse>(`${this.#baseUrl}/auth/refresh`, null)),
    ).pipe(
      map((tokens) => {
        this.#accessToken.set(tokens.accessToken);
        return tokens.accessToken;
      }),
      catchError((error: unknown) => {
        // A refused refresh (4xx) ends the session; a network or server error may be transient.
        if (error instanceof HttpErrorResponse && isClientError(error.status)) {
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
   * Restores the session from the refresh cookie at start-up. Resolves to whether a session was
   * restored; any failure (401 = no cookie, network error, server down) just means signed out.
   */
  restoreSession(): Observable<boolean> {
    return this.refresh().pipe(
      switchMap(() => this.reloadCurrentUser()),
      map(() => true),
      catchError(() => {
        this.clearSession();
        return of(false);
      }),
    );
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
