import { Pipe, type PipeTransform } from '@angular/core';
import type { CurrencyCode } from '@depot/contracts';

import { formatMoney } from './money';

/** `{{ product.priceMinor | money: product.currency }}` -> "€19.99". */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(minor: number | null | undefined, currency: CurrencyCode): string {
    return minor === null || minor === undefined ? '' : formatMoney(minor, currency);
  }
}
