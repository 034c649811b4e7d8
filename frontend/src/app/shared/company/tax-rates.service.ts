import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { TaxRateDto } from '@depot/contracts';
import { catchError, of, shareReplay, type Observable } from 'rxjs';

import { API_BASE_URL } from '../../core/config/api-base-url.token';

/**
 * The company's tax rates (`/settings/tax-rates`), read once per session: order forms use them
 * to show a line's default rate (product class × customer treatment) before the server applies it.
 */
@Injectable({ providedIn: 'root' })
export class TaxRatesService {
  readonly #http = inject(HttpClient);
  readonly #url = `${inject(API_BASE_URL)}/settings/tax-rates`;
  #rates?: Observable<TaxRateDto[]>;

  /** The rates; an empty list when they cannot be read (the server still applies its defaults). */
  rates(): Observable<TaxRateDto[]> {
    this.#rates ??= this.#http.get<TaxRateDto[]>(this.#url).pipe(
      catchError(() => of<TaxRateDto[]>([])),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.#rates;
  }
}
