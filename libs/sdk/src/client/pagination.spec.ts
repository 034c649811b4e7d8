import { listCategories, listWebhookDeliveries } from '../generated/sdk.gen';
import { Paginated } from './pagination';
import { fakeClient, json } from './testing/fake-server';

/** A list of `count` numbered products served `limit` at a time. */
function pagedProducts(count: number) {
  return fakeClient((request) => {
    const limit = Number(request.search.get('limit') ?? 25);
    const start = Number(request.search.get('cursor') ?? 0);
    const items = Array.from({ length: Math.max(0, Math.min(limit, count - start)) }, (_, i) => ({
      sku: `P-${start + i}`,
    }));
    const next = start + limit < count ? String(start + limit) : null;
    return json(200, { items, nextCursor: next, total: count });
  });
}

describe('pagination', () => {
  it('iterates over every item of every page, following nextCursor and keeping the query', async () => {
    const { depot, seen } = pagedProducts(5);
    const skus: string[] = [];
    for await (const product of depot.products.list({ q: 'bolt', limit: 2, includeTotal: true }))
      skus.push(product.sku);

    expect(skus).toEqual(['P-0', 'P-1', 'P-2', 'P-3', 'P-4']);
    expect(seen.map((request) => request.search.toString())).toEqual([
      'q=bolt&limit=2&includeTotal=true',
      'q=bolt&limit=2&includeTotal=true&cursor=2',
      'q=bolt&limit=2&includeTotal=true&cursor=4',
    ]);
  });

  it('fetches only the pages it needs', async () => {
    const { depot, seen } = pagedProducts(100);
    await expect(depot.products.list({ limit: 10 }).first()).resolves.toEqual({ sku: 'P-0' });
    await expect(depot.products.list({ limit: 10 }).toArray(15)).resolves.toHaveLength(15);
    expect(seen).toHaveLength(3);
  });

  it('gives the pages themselves, with total', async () => {
    const { depot } = pagedProducts(3);
    const pages = [];
    for await (const page of depot.products.list({ limit: 2, includeTotal: true }).pages()) pages.push(page);
    expect(pages).toEqual([
      { items: [{ sku: 'P-0' }, { sku: 'P-1' }], nextCursor: '2', total: 3 },
      { items: [{ sku: 'P-2' }], nextCursor: null, total: 3 },
    ]);
  });

  it('makes any generated list function iterable, with path parameters', async () => {
    const { depot, seen } = fakeClient((request) =>
      json(
        200,
        request.search.has('cursor')
          ? { items: [{ id: 'd2' }], nextCursor: null }
          : { items: [{ id: 'd1' }], nextCursor: 'c1' },
      ),
    );
    const ids = [];
    for await (const delivery of depot.paginate(listWebhookDeliveries, { limit: 1 }, { path: { id: 'hook-1' } })) {
      ids.push(delivery.id);
    }
    expect(ids).toEqual(['d1', 'd2']);
    expect(seen.map((request) => request.path)).toEqual([
      '/api/v1/webhooks/hook-1/deliveries',
      '/api/v1/webhooks/hook-1/deliveries',
    ]);
  });

  it('treats a list that answers a bare array as a single page', async () => {
    const { depot, seen } = fakeClient(() => json(200, [{ name: 'Tools' }, { name: 'Parts' }]));
    await expect(depot.paginate(listCategories).toArray()).resolves.toEqual([{ name: 'Tools' }, { name: 'Parts' }]);
    expect(seen).toHaveLength(1);
  });

  it('starts again from the first page on each iteration, and fetches nothing before', async () => {
    const { depot, seen } = pagedProducts(1);
    const list = depot.products.list();
    expect(seen).toHaveLength(0);
    await list.toArray();
    await list.toArray();
    expect(seen).toHaveLength(2);
  });

  it('refuses to loop for ever on a cursor it has seen', async () => {
    const pages = new Paginated<number>(() => Promise.resolve({ items: [1], nextCursor: 'same' }));
    await expect(pages.toArray()).rejects.toThrow('repeated the cursor same');
  });

  it('rejects an answer that is not a list', async () => {
    const pages = new Paginated<number>(() => Promise.resolve({ id: 'x' }));
    await expect(pages.first()).rejects.toThrow(TypeError);
  });
});
