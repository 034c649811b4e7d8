import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateRoleRequest, Permission, RoleDto, UpdateRoleRequest, Page } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';
import { itemsOf } from '../../../../shared/http/pages';

/** One module's permissions, as `GET /permissions` answers (the contract's PERMISSION_CATALOGUE). */
export interface PermissionGroup {
  module: string;
  permissions: { name: Permission; description: string }[];
}

/** HTTP access to `/roles` and the permission catalogue. */
@Injectable({ providedIn: 'root' })
export class RolesService {
  readonly #http = inject(HttpClient);
  readonly #baseUrl = inject(API_BASE_URL);
  readonly #url = `${this.#baseUrl}/roles`;

  /** Built-in roles first, then by name; with how many users hold each. */
  list(): Observable<RoleDto[]> {
    return this.#http.get<Page<RoleDto>>(this.#url).pipe(itemsOf());
  }

  get(id: string): Observable<RoleDto> {
    return this.#http.get<RoleDto>(this.#roleUrl(id));
  }

  create(request: CreateRoleRequest): Observable<RoleDto> {
    return this.#http.post<RoleDto>(this.#url, request);
  }

  /** Built-in roles accept `requireMfa` only (else 409 `IDENTITY.ROLE_BUILT_IN`). */
  update(id: string, request: UpdateRoleRequest): Observable<RoleDto> {
    return this.#http.patch<RoleDto>(this.#roleUrl(id), request);
  }

  /** Only custom roles that no user holds (else 409 `IDENTITY.ROLE_IN_USE`). */
  remove(id: string): Observable<void> {
    return this.#http.delete<void>(this.#roleUrl(id));
  }

  permissions(): Observable<PermissionGroup[]> {
    return this.#http.get<Page<PermissionGroup>>(`${this.#baseUrl}/permissions`).pipe(itemsOf());
  }

  #roleUrl(id: string): string {
    return `${this.#url}/${encodeURIComponent(id)}`;
  }
}
