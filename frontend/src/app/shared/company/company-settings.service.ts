import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CompanySettingsDto, UpdateCompanySettingsRequest } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../core/config/api-base-url.token';

/**
 * HTTP access to `/settings/company`: the company that issues Depot's documents (one per
 * installation). Everyone signed in may read it; changing it needs `settings.company.manage`.
 */
@Injectable({ providedIn: 'root' })
export class CompanySettingsService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/settings/company`;

  get(): Observable<CompanySettingsDto> {
    return this.#http.get<CompanySettingsDto>(this.#url);
  }

  /** Optimistic locking: a stale `version` is refused with 409. Empty strings are stored as null. */
  update(request: UpdateCompanySettingsRequest): Observable<CompanySettingsDto> {
    return this.#http.patch<CompanySettingsDto>(this.#url, request);
  }

  /** Sends the image itself as the body (PNG or JPEG, at most `COMPANY_LIMITS.logoMaxBytes`). */
  uploadLogo(file: Blob): Observable<CompanySettingsDto> {
    return this.#http.put<CompanySettingsDto>(`${this.#url}/logo`, file, {
      headers: new HttpHeaders({ 'Content-Type': file.type }),
    });
  }

  removeLogo(): Observable<CompanySettingsDto> {
    return this.#http.delete<CompanySettingsDto>(`${this.#url}/logo`);
  }
}
