import { PAGINATION } from '@depot/contracts';
import type { EntityManager } from 'typeorm';

/** `total` and, past the cap, `totalCapped` of a page. */
export interface PageTotal {
  total: number;
  totalCapped?: true;
}

/**
 * Counts the matching rows, but stops at `PAGINATION.maxExactTotal + 1`: the database reads at
 * most that many index entries or rows, so a count on 1M rows costs what one on 10k does.
 * Beyond the cap the answer is the cap with `totalCapped: true` ("10,000+").
 */
export async function countCapped(
  db: EntityManager,
  from: string,
  where: string[],
  params: unknown[],
  cap: number = PAGINATION.maxExactTotal,
): Promise<PageTotal> {
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const [{ count }] = await db.query<[{ count: number }]>(
    `SELECT count(*)::int AS count FROM (SELECT 1 FROM ${from} ${whereSql} LIMIT ${cap + 1}) AS capped`,
    params,
  );
  return cappedTotal(count, cap);
}

/** A row count as a page total: exact up to `cap`, else the cap and `totalCapped`. */
export function cappedTotal(count: number, cap: number = PAGINATION.maxExactTotal): PageTotal {
  return count > cap ? { total: cap, totalCapped: true } : { total: count };
}
