import { randomUUID } from 'node:crypto';
import { BULK_LIMITS, BULK_PROGRESS_EVENT, type BulkProgressMessage } from '@depot/contracts';
import { io } from 'socket.io-client';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies */

// Many rows per test, each a real request; generous on a busy machine.
jest.setTimeout(120_000);

describe('Bulk actions: products, draft orders and users, row by row', () => {
  let app: TestApp;
  let admin: string;
  let clerk: string;
  let viewer: string;
  let warehouseId: string;
  let supplierId: string;
  let customerId: string;
  let seq = 0;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, clerk, viewer] = await Promise.all([
      app.login('admin@depot.local'),
      app.login('clerk@depot.local'),
      app.login('viewer@depot.local'),
    ]);
    warehouseId = (await post('/api/v1/warehouses', { code: 'BLK-1', name: 'Bulk test warehouse' }, admin)).body.id;
    supplierId = (await post('/api/v1/suppliers', { code: 'SUP-BLK', name: 'Bulk supplier' }, admin)).body.id;
    customerId = (await post('/api/v1/customers', { code: 'CUS-BLK', name: 'Bulk customer' }, admin)).body.id;
  });

  afterAll(() => app?.close());

  function post(path: string, json: unknown, token = clerk, headers: Record<string, string> = {}) {
    return app.request(path, { method: 'POST', token, json, headers });
  }

  async function newProduct(priceMinor = 1000, extra: Record<string, unknown> = {}): Promise<{ id: string }> {
    seq += 1;
    const response = await post(
      '/api/v1/products',
      {
        sku: `BLK-${seq}-${randomUUID().slice(0, 6)}`,
        name: `Bulk item ${seq}`,
        priceMinor,
        currency: 'EUR',
        ...extra,
      },
      admin,
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  async function products(count: number, priceMinor = 1000): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) ids.push((await newProduct(priceMinor)).id);
    return ids;
  }

  async function auditCount(entityType: string, ids: string[], action?: string): Promise<number> {
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = $1 AND entity_id = ANY($2::uuid[])
          AND ($3::text IS NULL OR action = $3)`,
      [entityType, ids, action ?? null],
    );
    return rows[0].n;
  }

  async function statusOf(table: string, id: string): Promise<string> {
    const { rows } = await app.db.query<{ status: string }>(`SELECT status FROM ${table} WHERE id = $1`, [id]);
    return rows[0].status;
  }

  describe('products', () => {
    it('archives every product and audits each one on its own', async () => {
      const ids = await products(3);
      const response = await post('/api/v1/products/bulk', { action: 'archive', ids });
      expect(response.status).toBe(200);
      expect(response.body.summary).toEqual({ ok: 3, failed: 0, unchanged: 0 });
      expect(response.body.results.map((row: any) => row.id)).toEqual(ids);
      expect(response.body.results[0]).toMatchObject({
        status: 'ok',
        before: { status: 'active' },
        after: { status: 'archived' },
        label: expect.stringContaining('BLK-'),
      });
      for (const id of ids) expect(await statusOf('products', id)).toBe('archived');
      expect(await auditCount('product', ids, 'archive')).toBe(3);
      const { rows } = await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'product.archived' AND aggregate_id = ANY($1::uuid[])`,
        [ids],
      );
      expect(rows[0].n).toBe(3);
    });

    it('reports unknown and already archived products per row and still archives the others', async () => {
      const [fresh, archived] = await products(2);
      await post('/api/v1/products/bulk', { action: 'archive', ids: [archived] });
      const unknown = randomUUID();
      const response = await post('/api/v1/products/bulk', { action: 'archive', ids: [fresh, archived, unknown] });
      expect(response.status).toBe(200);
      expect(response.body.summary).toEqual({ ok: 1, failed: 1, unchanged: 1 });
      expect(response.body.results).toEqual([
        expect.objectContaining({ id: fresh, status: 'ok' }),
        expect.objectContaining({ id: archived, status: 'unchanged' }),
        { id: unknown, status: 'failed', error: { code: 'CATALOG.PRODUCT_NOT_FOUND', detail: expect.any(String) } },
      ]);
      expect(await statusOf('products', fresh)).toBe('archived');
      expect(await auditCount('product', [archived], 'archive')).toBe(1);
    });

    it('activates archived products', async () => {
      const ids = await products(2);
      await post('/api/v1/products/bulk', { action: 'archive', ids });
      const response = await post('/api/v1/products/bulk', { action: 'activate', ids });
      expect(response.body.summary).toEqual({ ok: 2, failed: 0, unchanged: 0 });
      for (const id of ids) expect(await statusOf('products', id)).toBe('active');
    });

    it('moves products into a category and out of it again; an unknown category is a 400', async () => {
      const category = await post('/api/v1/categories', { name: `Bulk ${randomUUID().slice(0, 6)}` }, admin);
      expect(category.status).toBe(201);
      const ids = await products(2);
      const moved = await post('/api/v1/products/bulk', {
        action: 'moveToCategory',
        ids,
        categoryId: category.body.id,
      });
      expect(moved.body.summary.ok).toBe(2);
      expect(moved.body.results[0].after).toEqual({ categoryId: category.body.id });
      const out = await post('/api/v1/products/bulk', { action: 'moveToCategory', ids, categoryId: null });
      expect(out.body.results[0]).toMatchObject({ status: 'ok', after: { categoryId: null } });
      expectProblem(
        await post('/api/v1/products/bulk', { action: 'moveToCategory', ids, categoryId: randomUUID() }),
        400,
      );
      expectProblem(await post('/api/v1/products/bulk', { action: 'moveToCategory', ids }), 400);
    });

    it('changes prices by percent and by amount, rounding half away from zero and never below 0', async () => {
      const a = (await newProduct(1005)).id;
      const b = (await newProduct(999)).id;
      const percent = await post('/api/v1/products/bulk', {
        action: 'changePrice',
        ids: [a, b],
        mode: 'percent',
        value: -10,
      });
      expect(percent.body.results.map((row: any) => [row.before.priceMinor, row.after.priceMinor])).toEqual([
        [1005, 905], // 904.5 -> 905
        [999, 899], // 899.1 -> 899
      ]);
      const amount = await post('/api/v1/products/bulk', {
        action: 'changePrice',
        ids: [a, b],
        mode: 'amount',
        value: -900,
      });
      expect(amount.body.results.map((row: any) => row.after.priceMinor)).toEqual([5, 0]);
      expect((await app.request(`/api/v1/products/${b}`, { token: clerk })).body.priceMinor).toBe(0);
      const again = await post('/api/v1/products/bulk', { action: 'changePrice', ids: [b], mode: 'amount', value: -1 });
      expect(again.body.results[0].status).toBe('unchanged');
      expectProblem(
        await post('/api/v1/products/bulk', { action: 'changePrice', ids: [a], mode: 'percent', value: 10.123 }),
        400,
      );
      expectProblem(
        await post('/api/v1/products/bulk', { action: 'changePrice', ids: [a], mode: 'amount', value: 1.5 }),
        400,
      );
      expectProblem(await post('/api/v1/products/bulk', { action: 'changePrice', ids: [a], value: 5 }), 400);
    });

    it('previews a price change with dryRun and writes nothing, not even audit rows', async () => {
      const ids = await products(2, 2000);
      const before = await auditCount('product', ids);
      const preview = await post('/api/v1/products/bulk', {
        action: 'changePrice',
        ids,
        mode: 'percent',
        value: 12.5,
        dryRun: true,
      });
      expect(preview.status).toBe(200);
      expect(preview.body.dryRun).toBe(true);
      expect(preview.body.results[0]).toMatchObject({
        status: 'ok',
        before: { priceMinor: 2000, currency: 'EUR' },
        after: { priceMinor: 2250, currency: 'EUR' },
      });
      for (const id of ids) {
        const { rows } = await app.db.query('SELECT price_minor, version FROM products WHERE id = $1', [id]);
        expect(rows[0]).toEqual({ price_minor: '2000', version: 1 });
      }
      expect(await auditCount('product', ids)).toBe(before);
    });

    it('replays an Idempotency-Key with the same answer and does not act twice', async () => {
      const ids = await products(2, 1000);
      const key = randomUUID();
      const body = { action: 'changePrice', ids, mode: 'amount', value: 100 };
      const first = await post('/api/v1/products/bulk', body, clerk, { 'idempotency-key': key });
      const replay = await post('/api/v1/products/bulk', body, clerk, { 'idempotency-key': key });
      expect(first.status).toBe(200);
      expect(replay.status).toBe(200);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect((await app.request(`/api/v1/products/${ids[0]}`, { token: clerk })).body.priceMinor).toBe(1100);
      expect(await auditCount('product', ids, 'update')).toBe(2);
    });

    it('refuses malformed requests with 400: no ids, duplicates, more than 1000, unknown action', async () => {
      const [id] = await products(1);
      expectProblem(await post('/api/v1/products/bulk', { action: 'archive', ids: [] }), 400);
      expectProblem(await post('/api/v1/products/bulk', { action: 'archive', ids: [id, id] }), 400);
      expectProblem(await post('/api/v1/products/bulk', { action: 'explode', ids: [id] }), 400);
      expectProblem(await post('/api/v1/products/bulk', { action: 'archive', ids: ['not-a-uuid'] }), 400);
      const tooMany = Array.from({ length: BULK_LIMITS.maxIds + 1 }, () => randomUUID());
      expectProblem(await post('/api/v1/products/bulk', { action: 'archive', ids: tooMany }), 400);
      expect(await statusOf('products', id)).toBe('active');
    });

    it('needs the same permission as the single action', async () => {
      const [id] = await products(1);
      expectProblem(await post('/api/v1/products/bulk', { action: 'archive', ids: [id] }, viewer), 403);
    });

    it('pushes bulk.progress to the requesting user over the socket', async () => {
      const ids = await products(3);
      const operationId = randomUUID();
      const socket = io(app.baseUrl, { path: '/socket.io', transports: ['websocket'], auth: { token: clerk } });
      const messages: BulkProgressMessage[] = [];
      socket.on(BULK_PROGRESS_EVENT, (message: BulkProgressMessage) => messages.push(message));
      try {
        await new Promise<void>((resolve, reject) => {
          socket.on('connect', () => resolve());
          socket.on('connect_error', reject);
        });
        // The server joins the rooms right after the handshake; a round trip makes sure it did.
        await new Promise((resolve) => setImmediate(resolve));
        const response = await post('/api/v1/products/bulk', { action: 'archive', ids, operationId });
        expect(response.status).toBe(200);
        await waitFor(() => messages.some((message) => message.done === 3));
        expect(messages.at(-1)).toEqual({ operationId, done: 3, total: 3 });
        expect(messages.every((message) => message.operationId === operationId)).toBe(true);
      } finally {
        socket.disconnect();
      }
    });

    it('exports only the selected products as CSV', async () => {
      const ids = await products(2);
      await products(1);
      const response = await app.request(`/api/v1/products/export.csv?ids=${ids.join(',')}`, { token: viewer });
      expect(response.status).toBe(200);
      expect(response.text.trim().split('\n')).toHaveLength(3);
      expectProblem(await app.request('/api/v1/products/export.csv?ids=nope', { token: viewer }), 400);
    });
  });

  describe('draft orders', () => {
    async function purchaseDraft(): Promise<string> {
      const product = await newProduct(1000, { costMinor: 500 });
      const response = await post('/api/v1/purchase-orders', {
        supplierId,
        warehouseId,
        lines: [{ productId: product.id, quantity: 2 }],
      });
      expect(response.status).toBe(201);
      return response.body.id;
    }

    async function salesDraft(): Promise<string> {
      const product = await newProduct(1000);
      const response = await post('/api/v1/sales-orders', {
        customerId,
        warehouseId,
        lines: [{ productId: product.id, quantity: 1 }],
      });
      expect(response.status).toBe(201);
      return response.body.id;
    }

    it('cancels draft purchase orders; a submitted one fails its row, a cancelled one is unchanged', async () => {
      const [draft, submitted, cancelled] = [await purchaseDraft(), await purchaseDraft(), await purchaseDraft()];
      expect((await post(`/api/v1/purchase-orders/${submitted}/submit`, { version: 1 })).status).toBe(200);
      expect((await post(`/api/v1/purchase-orders/${cancelled}/cancel`, { version: 1 })).status).toBe(200);
      const response = await post('/api/v1/purchase-orders/bulk', {
        action: 'cancel',
        ids: [draft, submitted, cancelled],
        note: 'Tidy up',
      });
      expect(response.status).toBe(200);
      expect(response.body.summary).toEqual({ ok: 1, failed: 1, unchanged: 1 });
      expect(response.body.results[1]).toMatchObject({
        status: 'failed',
        label: expect.stringMatching(/^PO-/),
        error: { code: 'ORDERS.INVALID_TRANSITION' },
      });
      expect(await statusOf('purchase_orders', draft)).toBe('cancelled');
      expect(await statusOf('purchase_orders', submitted)).toBe('submitted');
      expect(await auditCount('purchase_order', [draft], 'cancelled')).toBe(1);
    });

    it('cancels draft sales orders and replays the answer for the same Idempotency-Key', async () => {
      const ids = [await salesDraft(), await salesDraft()];
      const key = randomUUID();
      const first = await post('/api/v1/sales-orders/bulk', { action: 'cancel', ids }, clerk, {
        'idempotency-key': key,
      });
      expect(first.body.summary).toEqual({ ok: 2, failed: 0, unchanged: 0 });
      const replay = await post('/api/v1/sales-orders/bulk', { action: 'cancel', ids }, clerk, {
        'idempotency-key': key,
      });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(first.body);
      for (const id of ids) expect(await statusOf('sales_orders', id)).toBe('cancelled');
      expect(await auditCount('sales_order', ids, 'cancelled')).toBe(2);
      expectProblem(await post('/api/v1/sales-orders/bulk', { action: 'cancel', ids }, viewer), 403);
    });

    it('a dry run of a cancel writes nothing', async () => {
      const id = await purchaseDraft();
      const response = await post('/api/v1/purchase-orders/bulk', { action: 'cancel', ids: [id], dryRun: true });
      expect(response.body.results[0]).toMatchObject({ status: 'ok', after: { status: 'cancelled' } });
      expect(await statusOf('purchase_orders', id)).toBe('draft');
    });
  });

  describe('users', () => {
    async function newUser(): Promise<string> {
      const response = await post(
        '/api/v1/users',
        {
          email: `bulk-${randomUUID().slice(0, 8)}@example.com`,
          displayName: 'Bulk user',
          roles: ['viewer'],
          initialPassword: 'a-long-enough-password-1',
        },
        admin,
      );
      expect(response.status).toBe(201);
      return response.body.id;
    }

    it("disables users, never the caller's own account", async () => {
      const ids = [await newUser(), await newUser()];
      const me = (await app.request('/api/v1/auth/me', { token: admin })).body.id as string;
      const response = await post('/api/v1/users/bulk', { action: 'disable', ids: [...ids, me] }, admin);
      expect(response.status).toBe(200);
      expect(response.body.summary).toEqual({ ok: 2, failed: 1, unchanged: 0 });
      expect(response.body.results[2]).toMatchObject({ id: me, status: 'failed', error: { code: 'AUTH.FORBIDDEN' } });
      for (const id of ids) expect(await statusOf('users', id)).toBe('disabled');
      expect(await statusOf('users', me)).toBe('active');
      expect(await auditCount('user', ids, 'identity.user.disabled')).toBe(2);
      const again = await post('/api/v1/users/bulk', { action: 'disable', ids }, admin);
      expect(again.body.summary).toEqual({ ok: 0, failed: 0, unchanged: 2 });
      expectProblem(await post('/api/v1/users/bulk', { action: 'disable', ids }, clerk), 403);
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
