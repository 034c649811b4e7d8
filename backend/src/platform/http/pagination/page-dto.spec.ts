import { AppError, ValidationError } from '../app-error';
import { wholeList, type WholeListSort } from './page-dto';

interface Item {
  id: string;
  name: string;
  lastUsedAt: string | null;
}

const items: Item[] = [
  { id: 'c', name: 'clerk', lastUsedAt: '2026-11-02T00:00:00.000Z' },
  { id: 'a', name: 'admin', lastUsedAt: null },
  { id: 'b', name: 'viewer', lastUsedAt: '2026-11-03T00:00:00.000Z' },
  { id: 'd', name: 'admin', lastUsedAt: '2026-11-01T00:00:00.000Z' },
];
const sorting: WholeListSort<Item> = {
  fields: { name: (item) => item.name, lastUsedAt: (item) => item.lastUsedAt },
  key: (item) => item.id,
};

describe('wholeList', () => {
  it('answers everything in one page with its total when no limit is asked for', () => {
    expect(wholeList(items)).toEqual({ items, nextCursor: null, total: 4 });
  });

  it('keeps the order it was given when no sort is asked for', () => {
    expect(wholeList(items, {}, sorting).items.map((item) => item.id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('sorts by an allowed field, ties by key, descending with a - prefix', () => {
    expect(wholeList(items, { sort: 'name' }, sorting).items.map((item) => item.id)).toEqual(['a', 'd', 'c', 'b']);
    expect(wholeList(items, { sort: '-name' }, sorting).items.map((item) => item.id)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('puts nulls last ascending and first descending, as PostgreSQL does', () => {
    expect(wholeList(items, { sort: 'lastUsedAt' }, sorting).items.map((item) => item.id)).toEqual([
      'd',
      'c',
      'b',
      'a',
    ]);
    expect(wholeList(items, { sort: '-lastUsedAt' }, sorting).items[0].id).toBe('a');
  });

  it('cuts pages of `limit` items and walks them with the cursor, each item once', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = wholeList(items, { sort: 'name', limit: 3, cursor }, sorting);
      expect(page.items.length).toBeLessThanOrEqual(3);
      expect(page.total).toBe(4);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(['a', 'd', 'c', 'b']);
  });

  it('refuses an unknown sort field with a validation error', () => {
    expect(() => wholeList(items, { sort: 'password' }, sorting)).toThrow(ValidationError);
    expect(() => wholeList(items, { sort: 'name' })).toThrow(ValidationError);
  });

  it.each(['nonsense', Buffer.from(JSON.stringify(['whole', -1])).toString('base64url')])(
    'refuses the malformed cursor %p with 400',
    (cursor) => {
      try {
        wholeList(items, { cursor }, sorting);
        throw new Error('no error');
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(400);
        expect((error as AppError).code).toBe('REQUEST.INVALID_CURSOR');
      }
    },
  );
});
