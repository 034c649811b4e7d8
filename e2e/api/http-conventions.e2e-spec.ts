import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, expectProblem, startTestApp, type TestApp } from './support/test-app';

/**
 * HTTP the way integrators expect it: `Location` on 201, `ETag` with `If-None-Match` (304) and
 * `If-Match` (412 when stale) on records, `Idempotency-Key` honoured on every state-changing POST
 * that can honour it and refused (never ignored) elsewhere.
 */
describe('HTTP conventions', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    app = await startTestApp();
    token = await app.login('admin@depot.local');
  });
  afterAll(() => app?.close());

  const newProduct = (headers: Record<string, string> = {}, sku = `HTTP-${randomUUID().slice(0, 8)}`) =>
    app.request('/api/v1/products', {
      method: 'POST',
      token,
      headers,
      json: { sku, name: 'Conventions', priceMinor: 100, currency: 'EUR' },
    });

  it('answers 201 with the Location of the created record', async () => {
    const created = await newProduct();
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/products/${created.body.id}`);
    const read = await app.request(created.headers.get('location')!, { token });
    expect(read.body.id).toBe(created.body.id);

    const warehouse = (await app.request('/api/v1/warehouses?limit=1', { token })).body.items[0];
    const adjusted = await app.request('/api/v1/stock/adjustments', {
      method: 'POST',
      token,
      json: { productId: created.body.id, warehouseId: warehouse.id, quantity: 5, reasonCode: 'found' },
    });
    expect(adjusted.headers.get('location')).toBe(`/api/v1/stock-movements/${adjusted.body.movement.id}`);
    const movement = await app.request(adjusted.headers.get('location')!, { token });
    expect(movement.body).toMatchObject({ id: adjusted.body.movement.id, onHandChange: 5 });
  });

  it('tags records: If-None-Match answers 304, If-Match guards changes and deletes (412 when stale)', async () => {
    const created = await newProduct();
    const url = `/api/v1/products/${created.body.id}`;
    const first = await app.request(url, { token });
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^"v1\.[A-Za-z0-9_-]{16}"$/);

    const notModified = await app.request(url, { token, headers: { 'if-none-match': tag } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');

    // If-Match may stand in for `version`; the answer carries the new tag.
    const renamed = await app.request(url, {
      method: 'PATCH',
      token,
      headers: { 'if-match': tag },
      json: { name: 'Renamed' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);
    const newTag = renamed.headers.get('etag')!;
    expect(newTag).toMatch(/^"v2\./);
    expect((await app.request(url, { token, headers: { 'if-none-match': tag } })).status).toBe(200);

    expectProblem(
      await app.request(url, { method: 'PATCH', token, headers: { 'if-match': tag }, json: { name: 'Lost update' } }),
      412,
      'REQUEST.PRECONDITION_FAILED',
    );
    expectProblem(
      await app.request(url, {
        method: 'PATCH',
        token,
        headers: { 'if-match': newTag },
        json: { name: 'Mismatch', version: 1 },
      }),
      412,
      'REQUEST.PRECONDITION_FAILED',
    );
    expectProblem(
      await app.request(url, { method: 'PATCH', token, headers: { 'if-match': '"garbage"' }, json: { name: 'x' } }),
      412,
      'REQUEST.PRECONDITION_FAILED',
    );
    expectProblem(await app.request(url, { method: 'DELETE', token, headers: { 'if-match': tag } }), 412);
    expect((await app.request(url, { token })).body.status).toBe('active');
    expect((await app.request(url, { method: 'DELETE', token, headers: { 'if-match': newTag } })).status).toBe(204);
    // Without If-Match the body's version still decides, with 409 as before.
    expectProblem(
      await app.request(url, { method: 'PATCH', token, json: { name: 'Stale', version: 1 } }),
      409,
      'REQUEST.VERSION_CONFLICT',
    );
  });

  it('replays an idempotent creation, Location included, and refuses the key where it cannot be honoured', async () => {
    const key = randomUUID();
    const sku = `IDEM-${randomUUID().slice(0, 8)}`;
    const first = await newProduct({ 'idempotency-key': key }, sku);
    const again = await newProduct({ 'idempotency-key': key }, sku);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect((await app.request(`/api/v1/products?q=${sku}&includeTotal=true`, { token })).body.total).toBe(1);

    const keyed = { 'idempotency-key': randomUUID() };
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: keyed,
      json: { email: 'admin@depot.local', password: DEMO_PASSWORD },
    });
    expectProblem(login, 400, 'REQUEST.IDEMPOTENCY_NOT_SUPPORTED');
    expectProblem(
      await app.request('/api/v1/api-keys', {
        method: 'POST',
        token,
        headers: keyed,
        json: { name: 'x', scopes: ['catalog.products.read'] },
      }),
      400,
      'REQUEST.IDEMPOTENCY_NOT_SUPPORTED',
    );
    expectProblem(
      await app.request(first.headers.get('location')!, {
        method: 'PATCH',
        token,
        headers: keyed,
        json: { name: 'x', version: 1 },
      }),
      400,
      'REQUEST.IDEMPOTENCY_NOT_SUPPORTED',
    );
    // Nothing was created by the refused requests, and safe methods ignore the header.
    expect(
      (await app.request('/api/v1/api-keys', { token })).body.items.filter((k: { name: string }) => k.name === 'x'),
    ).toEqual([]);
    expect((await app.request('/api/v1/products?limit=1', { token, headers: keyed })).status).toBe(200);
  });

  it('honours Idempotency-Key on every POST the document says honours it', async () => {
    const document = (await app.request('/api/openapi.json')).body;
    const posts = Object.entries<Record<string, { parameters?: { in: string; name: string }[] }>>(document.paths)
      .filter(([, item]) => item.post)
      .map(([path, item]) => ({
        path,
        honours: (item.post.parameters ?? []).some((p) => p.name === 'Idempotency-Key'),
      }));
    expect(posts.filter((post) => post.honours).length).toBeGreaterThan(25);
    // Each documented-as-refusing POST refuses a key before acting (answers 400 with the code).
    for (const { path } of posts.filter((post) => !post.honours)) {
      const response = await app.request(path.replace(/\{[^}]+\}/g, randomUUID()), {
        method: 'POST',
        token,
        headers: { 'idempotency-key': randomUUID() },
        json: {},
      });
      expect([path, response.status, response.body?.code]).toEqual([path, 400, 'REQUEST.IDEMPOTENCY_NOT_SUPPORTED']);
    }
  });
});
