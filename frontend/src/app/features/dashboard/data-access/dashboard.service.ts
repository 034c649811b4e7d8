import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DashboardDto } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';

/** How many days of sales the dashboard shows. */
export const DASHBOARD_DAYS = 30;

/** HTTP access to the dashboard figures. */
@Injectable({ providedIn: 'root' })
export class DashboardService {
  readonly #http = inject(HttpClient);
  readonly #baseUrl = inject(API_BASE_URL);

  get(days = DASHBOARD_DAYS): Observable<DashboardDto> {
    return this.#http.get<DashboardDto>(`${this.#baseUrl}/dashboard`, { params: { days } });
  }
}
