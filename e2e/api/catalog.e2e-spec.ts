import { randomUUID } from 'node:crypto';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

describe('Catalog: categories and the extended product', () => {
  let app: TestApp;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, clerk] = await Promise.all([app.login('admin@depot.local'), app.login('clerk@depot.local')]);
  });

  afterAll(() => app?.close());

  const createCategory = (name: string, parentId?: string | null) =>
    app.request('/api/v1/categories', { method: 'POST', token: admin, json: { name, parentId } });
  const patchCategory = (id: string, json: Record<string, unknown>) =>
    app.request(`/api/v1/categories/${id}`, { method: 'PATCH', token: admin, json });

  describe('category tree', () => {
    it('creates a tree with paths and counts, ordered parents first', async () => {
      const root = await createCategory('Garden');
      expect(root.status).toBe(201);
      expect(root.body).toMatchObject({ name: 'Garden', parentId: null, path: ['Garden'], depth: 1, version: 1 });
      const child = await createCategory('Hoses', root.body.id);
      expect(child.body).toMatchObject({ path: ['Garden', 'Hoses'], depth: 2, parentId: root.body.id });

      const tree = await app.request('/api/v1/categories', { token: clerk });
      const garden = tree.body.items.findIndex((c: { id: string }) => c.id === root.body.id);
      const hoses = tree.body.items.findIndex((c: { id: string }) => c.id === child.body.id);
      expect(garden).toBeGreaterThanOrEqual(0);
      expect(hoses).toBeGreaterThan(garden);
      expect(tree.body.items[garden]).toMatchObject({ childCount: 1, productCount: 0 });
      // The demo tree is there too.
      expect(tree.body.items.map((c: { path: string[] }) => c.path.join('/'))).toContain('Office/IT accessories');
    });

    it('keeps sibling names unique case-insensitively, but allows the same name elsewhere', async () => {
      const root = await createCategory('Kitchen');
      await createCategory('Knives', root.body.id);
      expectProblem(await createCategory('KNIVES', root.body.id), 409, 'CATALOG.CATEGORY_NAME_TAKEN');
      expect((await createCategory('Knives')).status).toBe(201);
      expectProblem(await createCategory('kitchen'), 409, 'CATALOG.CATEGORY_NAME_TAKEN');
    });

    it('renames and moves, refusing cycles, excessive depth and stale versions', async () => {
      const a = (await createCategory('Move A')).body;
      const b = (await createCategory('Move B', a.id)).body;
      const c = (await createCategory('Move C', b.id)).body;

      expectProblem(await patchCategory(a.id, { version: 1, parentId: c.id }), 409, 'CATALOG.CATEGORY_CYCLE');
      expectProblem(await patchCategory(a.id, { version: 1, parentId: a.id }), 409, 'CATALOG.CATEGORY_CYCLE');

      const moved = await patchCategory(c.id, { version: 1, parentId: null, name: 'Move C (top)' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ parentId: null, path: ['Move C (top)'], depth: 1, version: 2 });
      expectProblem(await patchCategory(c.id, { version: 1, name: 'late' }), 409, 'REQUEST.VERSION_CONFLICT');

      // A chain of 8 is the limit: a ninth level is refused, and so is moving a chain under it.
      let parent: string | null = null;
      const chain: string[] = [];
      for (let level = 1; level <= 8; level += 1) {
        const created = await createCategory(`Deep ${level}`, parent);
        expect(created.status).toBe(201);
        parent = created.body.id;
        chain.push(parent!);
      }
      expectProblem(await createCategory('Deep 9', parent), 409, 'CATALOG.CATEGORY_TOO_DEEP');
      expectProblem(await patchCategory(a.id, { version: 1, parentId: chain[6] }), 409, 'CATALOG.CATEGORY_TOO_DEEP');

      const audit = await app.db.query(
        `SELECT changes FROM audit_events WHERE entity_type = 'category' AND entity_id = $1 AND action = 'update'`,
        [c.id],
      );
      expect(audit.rows[0].changes).toEqual({
        name: { before: 'Move C', after: 'Move C (top)' },
        parentId: { before: b.id, after: null },
      });
    });

    it('deletes only empty categories', async () => {
      const parent = (await createCategory('Temp')).body;
      const child = (await createCategory('Temp child', parent.id)).body;
      const product = await app.request('/api/v1/products', {
        method: 'POST',
        token: admin,
        json: {
          sku: `CAT-${randomUUID().slice(0, 8)}`,
          name: 'In a category',
          priceMinor: 1,
          currency: 'EUR',
          categoryId: child.id,
        },
      });
      expect(product.status).toBe(201);

      expectProblem(
        await app.request(`/api/v1/categories/${parent.id}`, { method: 'DELETE', token: admin }),
        409,
        'CATALOG.CATEGORY_NOT_EMPTY',
      );
      expectProblem(
        await app.request(`/api/v1/categories/${child.id}`, { method: 'DELETE', token: admin }),
        409,
        'CATALOG.CATEGORY_NOT_EMPTY',
      );
      await app.request(`/api/v1/products/${product.body.id}`, {
        method: 'PATCH',
        token: admin,
        json: { version: 1, categoryId: null },
      });
      expect((await app.request(`/api/v1/categories/${child.id}`, { method: 'DELETE', token: admin })).status).toBe(
        204,
      );
      expect((await app.request(`/api/v1/categories/${parent.id}`, { method: 'DELETE', token: admin })).status).toBe(
        204,
      );
      expectProblem(
        await app.request(`/api/v1/categories/${parent.id}`, { token: admin }),
        404,
        'CATALOG.CATEGORY_NOT_FOUND',
      );
    });

    it('answers bad input and missing rights with problem+json', async () => {
      expectProblem(await createCategory(''), 400);
      expectProblem(await createCategory('x'.repeat(121)), 400);
      expectProblem(await createCategory('Orphan', randomUUID()), 404, 'CATALOG.CATEGORY_NOT_FOUND');
      expectProblem(await createCategory('Bad parent', 'not-a-uuid'), 400);
      expectProblem(
        await app.request('/api/v1/categories', { method: 'POST', token: clerk, json: { name: 'No right' } }),
        403,
      );
    });
  });

  describe('products with catalogue fields', () => {
    const create = (json: Record<string, unknown>) =>
      app.request('/api/v1/products', { method: 'POST', token: admin, json });

    it('stores cost, barcode, category, attributes and reorder settings; filters by them', async () => {
      const category = (await createCategory('Filter root')).body;
      const sub = (await createCategory('Filter leaf', category.id)).body;
      const red = await create({
        sku: 'ATTR-RED',
        name: 'Red thing',
        priceMinor: 1000,
        costMinor: 400,
        currency: 'EUR',
        barcode: '9780201379624',
        categoryId: sub.id,
        attributes: { color: 'red', size: 'm' },
        reorderPoint: 5,
        reorderQuantity: 30,
      });
      expect(red.status).toBe(201);
      expect(red.body).toMatchObject({
        costMinor: 400,
        barcode: '9780201379624',
        categoryId: sub.id,
        attributes: { color: 'red', size: 'm' },
        reorderPoint: 5,
        reorderQuantity: 30,
      });
      await create({
        sku: 'ATTR-BLUE',
        name: 'Blue thing',
        priceMinor: 1000,
        currency: 'EUR',
        categoryId: category.id,
        attributes: { color: 'blue', size: 'm' },
      });

      const ids = async (query: string) =>
        (await app.request(`/api/v1/products?${query}`, { token: clerk })).body.items
          .map((p: { sku: string }) => p.sku)
          .sort();
      // A category filter includes everything below it.
      expect(await ids(`categoryId=${category.id}`)).toEqual(['ATTR-BLUE', 'ATTR-RED']);
      expect(await ids(`categoryId=${sub.id}`)).toEqual(['ATTR-RED']);
      expect(await ids('attribute=color:red')).toEqual(['ATTR-RED']);
      expect(await ids('attribute=size:m&attribute=color:blue')).toEqual(['ATTR-BLUE']);
      expect(await ids('q=978020137962')).toEqual(['ATTR-RED']);
      expectProblem(await app.request('/api/v1/products?attribute=nocolon', { token: clerk }), 400);
      expectProblem(await app.request('/api/v1/products?categoryId=zzz', { token: clerk }), 400);
      expectProblem(await app.request('/api/v1/products?belowReorderPoint=maybe', { token: clerk }), 400);

      const audit = await app.db.query(`SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'create'`, [
        red.body.id,
      ]);
      expect(audit.rows[0].changes).toMatchObject({
        barcode: { before: null, after: '9780201379624' },
        costMinor: { before: null, after: 400 },
      });
    });

    it('validates barcodes, attributes and references', async () => {
      const base = { sku: `VAL-${randomUUID().slice(0, 8)}`, name: 'Validated', priceMinor: 1, currency: 'EUR' };
      const wrongCheckDigit = await create({ ...base, barcode: '4006381333932' });
      expectProblem(wrongCheckDigit, 400);
      expect(wrongCheckDigit.body.errors).toEqual([expect.objectContaining({ field: 'barcode' })]);
      expectProblem(await create({ ...base, barcode: 'ABC' }), 400);
      expect((await create({ ...base, sku: `${base.sku}-UPC`, barcode: '036000291452' })).status).toBe(201);
      expectProblem(await create({ ...base, attributes: { Color: 'red' } }), 400);
      expectProblem(await create({ ...base, attributes: { color: 5 } }), 400);
      expectProblem(await create({ ...base, attributes: ['a'] }), 400);
      expectProblem(
        await create({ ...base, attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }),
        400,
      );
      expectProblem(await create({ ...base, reorderPoint: -1 }), 400);
      expectProblem(await create({ ...base, costMinor: -5 }), 400);
      const unknownCategory = await create({ ...base, categoryId: randomUUID() });
      expectProblem(unknownCategory, 400);
      expect(unknownCategory.body.errors).toEqual([expect.objectContaining({ field: 'categoryId' })]);

      await create({ ...base, sku: `${base.sku}-A`, barcode: '5901234123457' });
      expectProblem(
        await create({ ...base, sku: `${base.sku}-B`, barcode: '5901234123457' }),
        409,
        'CATALOG.BARCODE_TAKEN',
      );
    });
  });
});
