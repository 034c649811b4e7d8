import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { OperationsStatusDto } from '@depot/contracts';
import { type Observable } from 'rxjs';

import { API_BASE_URL } from '../../../../core/config/api-base-url.token';

/** `/operations/status`: the deployment's state (replicas, database, queues, backups). */
@Injectable({ providedIn: 'root' })
export class OperationsStatusService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/operations/status`;

  status(): Observable<OperationsStatusDto> {
    return this.#http.get<OperationsStatusDto>(this.#url);
  }
}
