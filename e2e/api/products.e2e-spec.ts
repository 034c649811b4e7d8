import { expectProblem, startTestApp, type TestApp } from './support/test-app';

interface Product {
  id: string;
  sku: string;
  name: string;
  version: number;
  priceMinor: number;
  status: string;
}

describe('Products', () => {
  let app: TestApp;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@depot.local');
    viewer = await app.login('viewer@depot.local');
  });
  afterAll(() => app.close());

  const create = (json: Record<string, unknown>, token = admin) =>
    app.request('/api/v1/products', { method: 'POST', token, json });

  it('creates, reads, updates and archives a product', async () => {
    const created = await create({ sku: 'E2E-CRUD-1', name: 'Test widget', priceMinor: 1999, currency: 'EUR' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      sku: 'E2E-CRUD-1',
      unit: 'pcs',
      status: 'active',
      version: 1,
      priceMinor: 1999,
    });

    const read = await app.request(`/api/v1/products/${created.body.id}`, { token: viewer });
    expect(read.body).toEqual(created.body);

    const updated = await app.request(`/api/v1/products/${created.body.id}`, {
      method: 'PATCH',
      token: admin,
      json: { version: 1, name: 'Better widget', priceMinor: 2499 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Better widget', priceMinor: 2499, version: 2 });

    const archived = await app.request(`/api/v1/products/${created.body.id}`, { method: 'DELETE', token: admin });
    expect(archived.status).toBe(204);
    const after = await app.request(`/api/v1/products/${created.body.id}`, { token: admin });
    expect(after.body).toMatchObject({ status: 'archived', version: 3 });
  });

  it('keeps SKUs unique case-insensitively with a clear 409', async () => {
    expect((await create({ sku: 'E2E-DUP', name: 'One', priceMinor: 1, currency: 'EUR' })).status).toBe(201);
    const duplicate = await create({ sku: 'e2e-dup', name: 'Two', priceMinor: 1, currency: 'EUR' });
    expectProblem(duplicate, 409, 'CATALOG.SKU_TAKEN');
    expect(duplicate.body.detail).toContain('e2e-dup');
  });

  it('refuses a stale version with 409 and keeps the first write', async () => {
    const product = (await create({ sku: 'E2E-STALE', name: 'Stale', priceMinor: 100, currency: 'EUR' }))
      .body as Product;
    const first = await app.request(`/api/v1/products/${product.id}`, {
      method: 'PATCH',
      token: admin,
      json: { version: 1, name: 'First writer' },
    });
    expect(first.status).toBe(200);
    const second = await app.request(`/api/v1/products/${product.id}`, {
      method: 'PATCH',
      token: admin,
      json: { version: 1, name: 'Second writer' },
    });
    expectProblem(second, 409, 'REQUEST.VERSION_CONFLICT');
    expect((await app.request(`/api/v1/products/${product.id}`, { token: admin })).body.name).toBe('First writer');
  });

  it('lets exactly one of many concurrent updates with the same version win', async () => {
    const product = (await create({ sku: 'E2E-RACE', name: 'Race', priceMinor: 100, currency: 'EUR' })).body as Product;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        app.request(`/api/v1/products/${product.id}`, {
          method: 'PATCH',
          token: admin,
          json: { version: 1, priceMinor: 1000 + index },
        }),
      ),
    );
    const statuses = results.map((result) => result.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    const final = await app.request(`/api/v1/products/${product.id}`, { token: admin });
    expect(final.body.version).toBe(2);
  });

  it('walks every product exactly once with keyset pagination, in every sort order', async () => {
    const all = await app.request('/api/v1/products?limit=100&includeTotal=true', { token: admin });
    const total = all.body.total as number;
    expect(total).toBeGreaterThan(40);
    for (const sort of ['name', '-name', 'sku', '-priceMinor', 'createdAt', '-updatedAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/v1/products?limit=7&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await app.request(query, { token: admin });
        expect(page.status).toBe(200);
        seen.push(...(page.body.items as Product[]).map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    }
  });

  it('sorts by the requested field', async () => {
    const page = await app.request('/api/v1/products?limit=100&sort=-priceMinor', { token: admin });
    const prices = (page.body.items as Product[]).map((item) => item.priceMinor);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
  });

  it('searches SKU and name, treating LIKE wildcards literally', async () => {
    const bySku = await app.request('/api/v1/products?q=chair-oak', { token: admin });
    expect((bySku.body.items as Product[]).map((item) => item.sku).sort()).toEqual(['CHAIR-OAK-01', 'CHAIR-OAK-02']);
    const byName = await app.request('/api/v1/products?q=pallet%20jack', { token: admin });
    expect((byName.body.items as Product[]).map((item) => item.sku)).toEqual(['JACK-PALLET-2T']);
    const wildcard = await app.request('/api/v1/products?q=%25', { token: admin });
    expect(wildcard.body.items).toEqual([]);
  });

  it('filters by status', async () => {
    const archived = await app.request('/api/v1/products?status=archived&limit=100', { token: admin });
    expect((archived.body.items as Product[]).every((item) => item.status === 'archived')).toBe(true);
  });

  it.each([
    ['an unknown sort field', '?sort=password'],
    ['an SQL injection in sort', '?sort=name;DROP%20TABLE%20products'],
    ['a limit over 100', '?limit=101'],
    ['a zero limit', '?limit=0'],
    ['a non-numeric limit', '?limit=ten'],
    ['a malformed cursor', '?cursor=not-a-cursor'],
    ['an unknown status', '?status=deleted'],
    ['an unknown query parameter', '?admin=true'],
    ['a huge search string', `?q=${'a'.repeat(500)}`],
  ])('refuses %s with 400', async (_name, query) => {
    expectProblem(await app.request(`/api/v1/products${query}`, { token: admin }), 400);
  });

  it.each([
    ['a missing SKU', { name: 'x', priceMinor: 1, currency: 'EUR' }],
    ['a SKU with spaces', { sku: 'A B', name: 'x', priceMinor: 1, currency: 'EUR' }],
    ['a SKU too long', { sku: 'A'.repeat(65), name: 'x', priceMinor: 1, currency: 'EUR' }],
    ['a negative price', { sku: 'NEG', name: 'x', priceMinor: -5, currency: 'EUR' }],
    ['a fractional price', { sku: 'FRAC', name: 'x', priceMinor: 1.5, currency: 'EUR' }],
    ['a price given as a string', { sku: 'STR', name: 'x', priceMinor: '100', currency: 'EUR' }],
    ['an unknown currency', { sku: 'CUR', name: 'x', priceMinor: 1, currency: 'BTC' }],
    ['a status on create', { sku: 'ST', name: 'x', priceMinor: 1, currency: 'EUR', status: 'archived' }],
    [
      'an id on create',
      { id: '00000000-0000-0000-0000-000000000000', sku: 'ID', name: 'x', priceMinor: 1, currency: 'EUR' },
    ],
  ])('refuses %s with 400 and writes nothing', async (_name, json) => {
    const before = await app.db.query('SELECT count(*)::int AS n FROM products');
    expectProblem(await create(json), 400, 'REQUEST.VALIDATION_FAILED');
    const after = await app.db.query('SELECT count(*)::int AS n FROM products');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('answers 400 for a bad id and 404 for a missing product', async () => {
    expectProblem(await app.request('/api/v1/products/not-a-uuid', { token: admin }), 400);
    expectProblem(
      await app.request('/api/v1/products/01900000-0000-7000-8000-000000000000', { token: admin }),
      404,
      'CATALOG.PRODUCT_NOT_FOUND',
    );
    expectProblem(
      await app.request('/api/v1/products/01900000-0000-7000-8000-000000000000', {
        method: 'PATCH',
        token: admin,
        json: { version: 1, name: 'x' },
      }),
      404,
    );
  });

  it('requires a version on update', async () => {
    const product = (await create({ sku: 'E2E-NOVER', name: 'x', priceMinor: 1, currency: 'EUR' })).body as Product;
    const response = await app.request(`/api/v1/products/${product.id}`, {
      method: 'PATCH',
      token: admin,
      json: { name: 'y' },
    });
    expectProblem(response, 400);
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
    expect(new Set(fields)).toEqual(new Set(['version']));
  });

  it('lets a viewer read but not write (403)', async () => {
    expect((await app.request('/api/v1/products', { token: viewer })).status).toBe(200);
    expectProblem(
      await create({ sku: 'VIEWER-1', name: 'x', priceMinor: 1, currency: 'EUR' }, viewer),
      403,
      'AUTH.FORBIDDEN',
    );
  });

  it('writes an audit row with field-level changes and an outbox event in the same transaction', async () => {
    const product = (await create({ sku: 'E2E-AUDIT', name: 'Audited', priceMinor: 500, currency: 'EUR' }))
      .body as Product;
    await app.request(`/api/v1/products/${product.id}`, {
      method: 'PATCH',
      token: admin,
      json: { version: 1, priceMinor: 750 },
      headers: { 'x-request-id': 'audit-req-1' },
    });
    const audit = await app.db.query(
      `SELECT action, actor_type, actor_label, changes, request_id FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [product.id],
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['create', 'update']);
    expect(audit.rows[1]).toMatchObject({
      actor_type: 'user',
      actor_label: 'admin@depot.local',
      request_id: 'audit-req-1',
      changes: { priceMinor: { before: 500, after: 750 } },
    });
    const events = await app.db.query(
      `SELECT type, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY position`,
      [product.id],
    );
    expect(events.rows.map((row) => row.type)).toEqual(['product.created', 'product.updated']);
    expect(events.rows[1].payload.product.priceMinor).toBe(750);
  });

  it('leaves no audit row or event behind when a change fails', async () => {
    const before = await app.db.query(
      `SELECT (SELECT count(*) FROM audit_events)::int AS a, (SELECT count(*) FROM outbox_events)::int AS o`,
    );
    expectProblem(await create({ sku: 'CHAIR-OAK-01', name: 'dup', priceMinor: 1, currency: 'EUR' }), 409);
    const after = await app.db.query(
      `SELECT (SELECT count(*) FROM audit_events)::int AS a, (SELECT count(*) FROM outbox_events)::int AS o`,
    );
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('refuses to change or delete audit rows, even with direct SQL', async () => {
    await expect(app.db.query(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(app.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });
});
