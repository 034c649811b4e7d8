import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Page } from '@depot/contracts';

const pageTypes = new Map<Type<unknown>, Type<unknown>>();

/**
 * The OpenAPI class of a page of `item`s (`{ items, nextCursor, total? }`), named after the item
 * (`RoleResponseDto` → `RolePageDto`). Every list answers this shape, paginated or not.
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  const known = pageTypes.get(item);
  if (known) return known as Type<Page<T>>;
  class PageDto implements Page<T> {
    @ApiProperty({ type: [item] })
    items!: T[];

    /** Opaque cursor for the next page; `null` on the last page. */
    @ApiProperty({ type: String, nullable: true, example: null })
    nextCursor!: string | null;

    /** Number of matching items (always given by lists that answer everything in one page). */
    @ApiPropertyOptional({ type: 'integer', minimum: 0 })
    total?: number;
  }
  Object.defineProperty(PageDto, 'name', { value: `${item.name.replace(/(Response)?Dto$/, '')}PageDto` });
  pageTypes.set(item, PageDto);
  return PageDto;
}

/** A list that is small by nature (roles, sessions, webhooks...), answered as one complete page. */
export function wholeList<T>(items: T[]): Page<T> {
  return { items, nextCursor: null, total: items.length };
}
