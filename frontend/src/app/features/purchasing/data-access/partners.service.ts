import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type CreatePartnerRequest,
  type Page,
  type PartnerDto,
  type PartnerKind,
  type PartnerListQuery,
  type UpdatePartnerRequest,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../shared/http/query-params';

/** Collection path of each kind of partner: suppliers and customers share one shape. */
export const PARTNER_PATHS: Readonly<Record<PartnerKind, string>> = {
  supplier: 'suppliers',
  customer: 'customers',
};

/** HTTP access to `/suppliers` and `/customers`. */
@Injectable({ providedIn: 'root' })
export class PartnersService {
  readonly #http = inject(HttpClient);
  readonly #baseUrl = inject(API_BASE_URL);

  list(kind: PartnerKind, query: PartnerListQuery): Observable<Page<PartnerDto>> {
    return this.#http.get<Page<PartnerDto>>(this.#url(kind), { params: toHttpParams(query) });
  }

  get(kind: PartnerKind, id: string): Observable<PartnerDto> {
    return this.#http.get<PartnerDto>(`${this.#url(kind)}/${encodeURIComponent(id)}`);
  }

  create(kind: PartnerKind, request: CreatePartnerRequest): Observable<PartnerDto> {
    return this.#http.post<PartnerDto>(this.#url(kind), request);
  }

  update(kind: PartnerKind, id: string, request: UpdatePartnerRequest): Observable<PartnerDto> {
    return this.#http.patch<PartnerDto>(`${this.#url(kind)}/${encodeURIComponent(id)}`, request);
  }

  #url(kind: PartnerKind): string {
    return `${this.#baseUrl}/${PARTNER_PATHS[kind]}`;
  }
}
