import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateUserRequest,
  Page,
  SessionDto,
  SetUserRolesRequest,
  UpdateUserRequest,
  UserDto,
  UserListQuery,
} from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';
import { toHttpParams } from '../../../../shared/http/query-params';
import { itemsOf } from '../../../../shared/http/pages';

/** HTTP access to `/users` and a user's sessions. */
@Injectable({ providedIn: 'root' })
export class UsersService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/users`;

  list(query: UserListQuery): Observable<Page<UserDto>> {
    return this.#http.get<Page<UserDto>>(this.#url, { params: toHttpParams(query) });
  }

  get(id: string): Observable<UserDto> {
    return this.#http.get<UserDto>(this.#userUrl(id));
  }

  /** Without `initialPassword` the server e-mails an invitation link instead. */
  create(request: CreateUserRequest): Observable<UserDto> {
    return this.#http.post<UserDto>(this.#url, request);
  }

  update(id: string, request: UpdateUserRequest): Observable<UserDto> {
    return this.#http.patch<UserDto>(this.#userUrl(id), request);
  }

  setRoles(id: string, request: SetUserRolesRequest): Observable<UserDto> {
    return this.#http.put<UserDto>(`${this.#userUrl(id)}/roles`, request);
  }

  /** Ends all the user's sessions; their API keys stop working. */
  disable(id: string): Observable<UserDto> {
    return this.#http.post<UserDto>(`${this.#userUrl(id)}/disable`, null);
  }

  enable(id: string): Observable<UserDto> {
    return this.#http.post<UserDto>(`${this.#userUrl(id)}/enable`, null);
  }

  /** Removes the user's second factor (lost phone): they set it up again at the next sign-in. */
  resetMfa(id: string): Observable<unknown> {
    return this.#http.post<unknown>(`${this.#userUrl(id)}/mfa/reset`, null);
  }

  sessions(id: string): Observable<SessionDto[]> {
    return this.#http.get<Page<SessionDto>>(`${this.#userUrl(id)}/sessions`).pipe(itemsOf());
  }

  endSession(id: string, sessionId: string): Observable<void> {
    return this.#http.delete<void>(`${this.#userUrl(id)}/sessions/${encodeURIComponent(sessionId)}`);
  }

  endAllSessions(id: string): Observable<void> {
    return this.#http.delete<void>(`${this.#userUrl(id)}/sessions`);
  }

  #userUrl(id: string): string {
    return `${this.#url}/${encodeURIComponent(id)}`;
  }
}
