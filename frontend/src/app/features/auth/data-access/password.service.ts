import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ForgotPasswordRequest, ForgotPasswordResponse, ResetPasswordRequest } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';

/** The public password endpoints: ask for a reset link, set a password with a link's token. */
@Injectable({ providedIn: 'root' })
export class PasswordService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/auth/password`;

  /** Always answers the same whether the address is known or not (no account discovery). */
  forgot(email: string): Observable<ForgotPasswordResponse> {
    const body: ForgotPasswordRequest = { email };
    return this.#http.post<ForgotPasswordResponse>(`${this.#url}/forgot`, body);
  }

  reset(token: string, newPassword: string): Observable<void> {
    const body: ResetPasswordRequest = { token, newPassword };
    return this.#http.post<void>(`${this.#url}/reset`, body);
  }
}
