/** One page of a keyset-paginated list, as every Depot list answers. */
export interface Page<T> {
  items: T[];
  /** Cursor of the next page; `null` on the last page. */
  nextCursor: string | null;
  /** Total matching rows, when the query asked for `includeTotal: true`. */
  total?: number;
}

/** Fetches the page at `cursor` (undefined: the first page). */
export type PageFetcher = (cursor: string | undefined) => Promise<unknown>;

/**
 * The items of a list, fetched page by page as they are consumed, following `nextCursor`:
 *
 *   for await (const product of client.products.list({ q: 'bolt' })) { ... }
 *
 * Nothing is requested until iteration starts; each iteration starts again from the first page.
 * A list that answers a bare array (older endpoints) is one page.
 */
export class Paginated<T> implements AsyncIterable<T> {
  constructor(private readonly fetchPage: PageFetcher) {}

  /** The pages themselves, e.g. to read `total` or to process a page at a time. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let cursor: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = toPage<T>(await this.fetchPage(cursor));
      yield page;
      if (!page.nextCursor) return;
      // A cursor seen before would loop for ever: a server bug, not something to hide.
      if (seen.has(page.nextCursor)) throw new Error(`The list repeated the cursor ${page.nextCursor}`);
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** The first item, or undefined when the list is empty (fetches one page). */
  async first(): Promise<T | undefined> {
    for await (const item of this) return item;
    return undefined;
  }

  /** Every item (at most `max`), fetching as many pages as needed. */
  async toArray(max = Number.POSITIVE_INFINITY): Promise<T[]> {
    const items: T[] = [];
    if (max <= 0) return items;
    for await (const item of this) {
      items.push(item);
      if (items.length >= max) break;
    }
    return items;
  }
}

function toPage<T>(answer: unknown): Page<T> {
  if (Array.isArray(answer)) return { items: answer as T[], nextCursor: null };
  if (typeof answer === 'object' && answer !== null && Array.isArray((answer as Page<T>).items)) {
    const page = answer as Page<T>;
    return { ...page, nextCursor: page.nextCursor ?? null };
  }
  throw new TypeError('Not a list: expected { items, nextCursor } or an array');
}
