import { PAGINATION } from '@depot/contracts';

/** Page sizes every list offers. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE: number = PAGINATION.defaultLimit;
/** "Select all N matching" selects at most this many rows (the bulk APIs take 1..1000 ids). */
export const SELECT_ALL_LIMIT = 1000;

export type SortDirection = 'asc' | 'desc';

export interface TableSort {
  field: string;
  direction: SortDirection;
}

/** `-field` is descending, `field` ascending; anything not in `fields` gives `null`. */
export function parseSort(value: string | null | undefined, fields: readonly string[]): TableSort | null {
  if (!value) {
    return null;
  }
  const direction: SortDirection = value.startsWith('-') ? 'desc' : 'asc';
  const field = value.replace(/^[-+]/, '');
  return fields.includes(field) ? { field, direction } : null;
}

export function formatSort(sort: TableSort): string {
  return sort.direction === 'desc' ? `-${sort.field}` : sort.field;
}

/** The sort after clicking a column header: a new column starts with `start`, the same one flips. */
export function nextSort(current: TableSort | null, field: string, start: SortDirection = 'asc'): TableSort {
  if (current?.field === field) {
    return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { field, direction: start };
}

export function parsePageSize(value: string | null | undefined, fallback: number = DEFAULT_PAGE_SIZE): number {
  const size = Number(value);
  return PAGE_SIZES.find((allowed) => allowed === size) ?? fallback;
}

/** `cols=a,b,c` → the known keys in that order; `null` when absent or nothing known (= defaults). */
export function parseColumns(value: string | null | undefined, known: readonly string[]): string[] | null {
  if (!value) {
    return null;
  }
  const keys = value
    .split(',')
    .map((key) => key.trim())
    .filter((key, index, all) => known.includes(key) && all.indexOf(key) === index);
  return keys.length ? keys : null;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/**
 * "1–25 of 1,234" for the rows on screen. Without a total: "1–25" (and "of many" when there is a
 * next page); a capped total reads "10,000+".
 */
export function pageRangeText(options: {
  pageIndex: number;
  pageSize: number;
  rowCount: number;
  total: number | null;
  totalCapped: boolean;
  hasNext: boolean;
}): string {
  const { pageIndex, pageSize, rowCount, total, totalCapped, hasNext } = options;
  if (rowCount === 0) {
    return total === null || total === 0 ? 'No rows' : `0 of ${formatTotal(total, totalCapped)}`;
  }
  const first = pageIndex * pageSize + 1;
  const last = pageIndex * pageSize + rowCount;
  const range = `${formatCount(first)}–${formatCount(last)}`;
  if (total !== null) {
    return `${range} of ${formatTotal(Math.max(total, last), totalCapped)}`;
  }
  return hasNext ? `${range} of many` : `${range} of ${formatCount(last)}`;
}

export function formatTotal(total: number, capped: boolean): string {
  return capped ? `${formatCount(total)}+` : formatCount(total);
}

/**
 * Selection after a click on row `index`: a plain click toggles the row; a shift-click sets every
 * row between the anchor (the last plainly clicked row) and this one to the clicked row's new state.
 */
export function toggleSelection(options: {
  ids: readonly string[];
  selected: ReadonlySet<string>;
  index: number;
  anchor: number | null;
  shift: boolean;
}): Set<string> {
  const { ids, selected, index, anchor, shift } = options;
  const next = new Set(selected);
  const id = ids[index];
  if (id === undefined) {
    return next;
  }
  const select = !selected.has(id);
  const [from, to] =
    shift && anchor !== null && anchor < ids.length
      ? [Math.min(anchor, index), Math.max(anchor, index)]
      : [index, index];
  for (let i = from; i <= to; i++) {
    const rowId = ids[i];
    if (rowId !== undefined) {
      if (select) {
        next.add(rowId);
      } else {
        next.delete(rowId);
      }
    }
  }
  return next;
}

/** The row index after a navigation key, or `null` for a key that does not move. */
export function movedIndex(key: string, current: number, count: number): number | null {
  if (count === 0) {
    return null;
  }
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return Math.min(current + 1, count - 1);
    case 'ArrowUp':
    case 'k':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
