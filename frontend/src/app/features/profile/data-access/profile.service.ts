import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangePasswordRequest,
  DisableMfaRequest,
  EnableTotpRequest,
  EnableTotpResponse,
  SessionDto,
  TokenResponse,
  TotpSetupResponse,
  UpdateProfileRequest,
  UserDto,
  Page,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';
import { itemsOf } from '../../../shared/http/pages';

/** The signed-in user's own account: `/me/...`. */
@Injectable({ providedIn: 'root' })
export class ProfileService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/me`;

  updateProfile(request: UpdateProfileRequest): Observable<UserDto> {
    return this.#http.patch<UserDto>(`${this.#url}/profile`, request);
  }

  /** Ends every session of the user and answers with tokens for a new one. */
  changePassword(request: ChangePasswordRequest): Observable<TokenResponse> {
    return this.#http.post<TokenResponse>(`${this.#url}/password`, request);
  }

  sessions(): Observable<SessionDto[]> {
    return this.#http.get<Page<SessionDto>>(`${this.#url}/sessions`).pipe(itemsOf());
  }

  endSession(sessionId: string): Observable<void> {
    return this.#http.delete<void>(`${this.#url}/sessions/${encodeURIComponent(sessionId)}`);
  }

  /** Signs out everywhere, this session included. */
  endAllSessions(): Observable<void> {
    return this.#http.delete<void>(`${this.#url}/sessions`);
  }

  startMfaSetup(): Observable<TotpSetupResponse> {
    return this.#http.post<TotpSetupResponse>(`${this.#url}/mfa/totp/setup`, null);
  }

  enableMfa(code: string): Observable<EnableTotpResponse> {
    const body: EnableTotpRequest = { code };
    return this.#http.post<EnableTotpResponse>(`${this.#url}/mfa/totp/enable`, body);
  }

  disableMfa(password: string): Observable<void> {
    const body: DisableMfaRequest = { password };
    return this.#http.post<void>(`${this.#url}/mfa/disable`, body);
  }
}
