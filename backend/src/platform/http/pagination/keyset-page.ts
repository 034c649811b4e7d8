import type { Page } from '@depot/contracts';
import type { EntityManager } from 'typeorm';
import { decodeCursor, type CursorValue } from './cursor';
import { toPage } from './page';
import type { SortSpec } from './sort';
import { countCapped, type PageTotal } from './total';

/** Collects query parameters and hands out their `$n` placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface KeysetPageQuery<Row extends { id: string }, Item> {
  /** `SELECT` list (trusted SQL). */
  select: string;
  /** `FROM` clause with joins (trusted SQL). */
  from: string;
  /**
   * A cheaper `FROM` for the total, when this request's filters need no joined table: inner
   * joins along NOT NULL foreign keys neither add nor drop rows, so the count is the same.
   */
  countFrom?: string;
  /** Filter conditions (trusted SQL with placeholders from `params`). */
  where: string[];
  params: SqlParams;
  sort: SortSpec;
  /** The unique tie-breaker column, e.g. `p.id`. */
  idColumn: string;
  limit: number;
  cursor?: string;
  includeTotal?: boolean;
  /** The row's value of the sort column, for the next cursor. */
  sortValueOf: (row: Row) => CursorValue;
  map: (row: Row) => Item;
}

/**
 * One keyset-paginated page in one SQL statement (two with the total): `(sort, id) > cursor`
 * ordered by an index on (sort, id), so a deep page costs what the first one does. The total is
 * capped at `PAGINATION.maxExactTotal` (see `countCapped`).
 */
export async function keysetPage<Row extends { id: string }, Item>(
  db: EntityManager,
  query: KeysetPageQuery<Row, Item>,
): Promise<Page<Item>> {
  const { params, sort } = query;
  const filters = [...query.where];
  const filterValues = [...params.values];
  const keyset = [...filters];
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    const operator = sort.descending ? '<' : '>';
    keyset.push(
      `(${sort.column}, ${query.idColumn}) ${operator} (${params.add(cursor.sortValue)}, ${params.add(cursor.id)})`,
    );
  }
  const direction = sort.descending ? 'DESC' : 'ASC';
  const whereSql = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');
  const rows = await db.query<Row[]>(
    `SELECT ${query.select} FROM ${query.from} ${whereSql(keyset)}
      ORDER BY ${sort.column} ${direction}, ${query.idColumn} ${direction} LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  const total: PageTotal | undefined = query.includeTotal
    ? await countCapped(db, query.countFrom ?? query.from, filters, filterValues)
    : undefined;
  return toPage(rows, query.limit, query.sortValueOf, query.map, total);
}

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (match) => `\\${match}`);
}

/** A Date column value as cursor text, anything else as is. */
export function cursorValue(value: unknown): CursorValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  return value as CursorValue;
}
