import type { Page } from '@depot/contracts';
import { encodeCursor, type CursorValue } from './cursor';
import type { PageTotal } from './total';

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells that a next page exists.
 */
export function toPage<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  sortValueOf: (row: Row) => CursorValue,
  map: (row: Row) => Item,
  total?: PageTotal,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  const page: Page<Item> = {
    items: pageRows.map(map),
    nextCursor: hasMore && last ? encodeCursor(sortValueOf(last), last.id) : null,
  };
  if (total !== undefined) Object.assign(page, total);
  return page;
}
