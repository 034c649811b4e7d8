import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, type Page, type WholeListQuery } from '@depot/contracts';
import { AppError } from '../app-error';
import { cappedTotal } from './total';
import { parseSort } from './sort';

/** The members every page has besides `items`; each page DTO extends it. */
export class PageMetaDto {
  /** Opaque cursor for the next page; `null` on the last page. */
  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;

  /**
   * Number of matching items, when `includeTotal=true` (always given by lists that are answered
   * whole). Exact up to 10,000; beyond that it is 10,000 and `totalCapped` is `true`.
   */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 42 })
  total?: number;

  /** `true` when more than 10,000 items match: `total` is then the cap, not the exact count. */
  @ApiPropertyOptional({ type: Boolean, example: true })
  totalCapped?: boolean;
}

const pageTypes = new Map<Type<unknown>, Type<unknown>>();

/**
 * The OpenAPI class of a page of `item`s (`{ items, nextCursor, total?, totalCapped? }`), named after
 * the item (`RoleResponseDto` → `RolePageDto`). Every list answers this shape, paginated or not.
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  const known = pageTypes.get(item);
  if (known) return known as Type<Page<T>>;
  class PageDto extends PageMetaDto implements Page<T> {
    @ApiProperty({ type: [item] })
    items!: T[];
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/(Response)?Dto$/, '')}PageDto` });
  pageTypes.set(item, PageDto);
  return PageDto;
}

type SortKey = string | number | boolean | null | undefined;

/** How a whole list sorts: per allowlisted field, the item's value; plus the default and a unique key. */
export interface WholeListSort<T> {
  fields: Readonly<Record<string, (item: T) => SortKey>>;
  /** Unique per item, the tie-breaker. */
  key: (item: T) => string;
  /** Used when no `sort` is asked for; without it the list keeps the order it was built in. */
  fallback?: string;
}

/** Nulls last ascending (first descending), like PostgreSQL; strings by code point, like the C collation. */
function compareKeys(a: SortKey, b: SortKey): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify(['whole', offset]), 'utf8').toString('base64url');
}

function decodeOffset(cursor: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      decoded[0] === 'whole' &&
      Number.isSafeInteger(decoded[1]) &&
      (decoded[1] as number) > 0
    ) {
      return decoded[1] as number;
    }
  } catch {
    // fall through to the 400 below
  }
  throw new AppError(400, ErrorCode.InvalidCursor, 'Bad Request', 'The cursor is malformed or from another list.');
}

/**
 * A list that is small by nature (roles, sessions, webhooks...), answered from memory with the
 * same parameters as every list: sorted by an allowlisted field (400 otherwise), whole in one page
 * unless `limit` is given, and always with its `total`.
 */
export function wholeList<T>(items: T[], query: WholeListQuery = {}, sorting?: WholeListSort<T>): Page<T> {
  let sorted = items;
  if (sorting && (query.sort || sorting.fallback)) {
    const allowed = Object.fromEntries(Object.keys(sorting.fields).map((field) => [field, field]));
    const sort = parseSort(query.sort, allowed, sorting.fallback ?? '');
    const valueOf = sorting.fields[sort.field];
    const sign = sort.descending ? -1 : 1;
    sorted = [...items].sort(
      (a, b) => sign * (compareKeys(valueOf(a), valueOf(b)) || compareKeys(sorting.key(a), sorting.key(b))),
    );
  } else if (query.sort) {
    // A list without sort fields refuses any sort, like every list refuses an unknown one.
    parseSort(query.sort, {}, '');
  }
  const offset = query.cursor ? decodeOffset(query.cursor) : 0;
  const limit = query.limit ?? sorted.length;
  const pageItems = sorted.slice(offset, offset + limit);
  const hasMore = offset + limit < sorted.length;
  return { items: pageItems, nextCursor: hasMore ? encodeOffset(offset + limit) : null, ...cappedTotal(sorted.length) };
}
