import { type Location } from '@angular/common';
import { type Router } from '@angular/router';

/**
 * Keyset paging can only go forward with `nextCursor`; "Previous" needs the cursors of the
 * earlier pages. They travel in `history.state` under `key`, next to the URL, which the browser
 * keeps for each history entry and across reloads (see the product list).
 */
export function readCursorStack(router: Router, location: Location, key: string): string[] {
  const state: unknown = router.currentNavigation()?.extras.state ?? location.getState();
  if (typeof state !== 'object' || state === null) {
    return [];
  }
  const stack: unknown = (state as Record<string, unknown>)[key];
  return Array.isArray(stack) ? stack.filter((cursor): cursor is string => typeof cursor === 'string') : [];
}

/** Page number shown to the user: 1 without a cursor, else one more than the pages behind. */
export function pageNumberOf(cursor: string | null, stack: readonly string[]): number {
  return cursor ? Math.max(stack.length, 1) + 1 : 1;
}
