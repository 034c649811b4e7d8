import type { Page } from '@depot/contracts';
import { map, type OperatorFunction } from 'rxjs';

/** The items of a list answer: every API list is a page (`{ items, nextCursor, total? }`). */
export function itemsOf<T>(): OperatorFunction<Page<T>, T[]> {
  return map((page) => page.items);
}
