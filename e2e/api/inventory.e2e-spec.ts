import { randomUUID } from 'node:crypto';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

describe('Inventory: warehouses, stock ledger, idempotency', () => {
  let app: TestApp;
  let admin: string;
  let clerk: string;
  let viewer: string;
  let productSeq = 0;

  beforeAll(async () => {
    app = await startTestApp({ SQL_STATEMENT_HEADER: 'true' });
    [admin, clerk, viewer] = await Promise.all([
      app.login('admin@depot.local'),
      app.login('clerk@depot.local'),
      app.login('viewer@depot.local'),
    ]);
  });

  afterAll(() => app?.close());

  async function newWarehouse(code = `WH-${randomUUID().slice(0, 8).toUpperCase()}`) {
    const response = await app.request('/api/v1/warehouses', {
      method: 'POST',
      token: admin,
      json: { code, name: `Warehouse ${code}`, address: 'Somewhere 1' },
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; code: string; version: number };
  }

  async function newProduct(extra: Record<string, unknown> = {}) {
    productSeq += 1;
    const response = await app.request('/api/v1/products', {
      method: 'POST',
      token: admin,
      json: {
        sku: `INV-${productSeq}-${randomUUID().slice(0, 6)}`,
        name: `Stocked ${productSeq}`,
        priceMinor: 500,
        currency: 'EUR',
        ...extra,
      },
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; sku: string; version: number };
  }

  const adjust = (json: Record<string, unknown>, headers: Record<string, string> = {}, token = clerk) =>
    app.request('/api/v1/stock/adjustments', { method: 'POST', token, json, headers });
  const transfer = (json: Record<string, unknown>, headers: Record<string, string> = {}, token = clerk) =>
    app.request('/api/v1/stock/transfers', { method: 'POST', token, json, headers });

  async function ledgerSum(productId: string, warehouseId: string) {
    const { rows } = await app.db.query<{ on_hand: string; ledger: string | null; movements: number }>(
      `SELECT l.on_hand, (SELECT sum(on_hand_change) FROM stock_movements m WHERE m.product_id = $1 AND m.warehouse_id = $2) AS ledger,
              (SELECT count(*)::int FROM stock_movements m WHERE m.product_id = $1 AND m.warehouse_id = $2) AS movements
         FROM stock_levels l WHERE l.product_id = $1 AND l.warehouse_id = $2`,
      [productId, warehouseId],
    );
    return {
      onHand: Number(rows[0]?.on_hand ?? 0),
      ledger: Number(rows[0]?.ledger ?? 0),
      movements: rows[0]?.movements ?? 0,
    };
  }

  describe('warehouses', () => {
    it('creates, lists, filters and updates with optimistic locking', async () => {
      const warehouse = await newWarehouse('TST-1');
      expectProblem(
        await app.request('/api/v1/warehouses', { method: 'POST', token: admin, json: { code: 'tst-1', name: 'x' } }),
        400,
      );
      expectProblem(
        await app.request('/api/v1/warehouses', { method: 'POST', token: admin, json: { code: 'TST-1', name: 'Dup' } }),
        409,
        'INVENTORY.WAREHOUSE_CODE_TAKEN',
      );
      const updated = await app.request(`/api/v1/warehouses/${warehouse.id}`, {
        method: 'PATCH',
        token: admin,
        json: { version: 1, name: 'Renamed', active: false },
      });
      expect(updated.body).toMatchObject({ name: 'Renamed', active: false, version: 2 });
      expectProblem(
        await app.request(`/api/v1/warehouses/${warehouse.id}`, {
          method: 'PATCH',
          token: admin,
          json: { version: 1, name: 'Late' },
        }),
        409,
        'REQUEST.VERSION_CONFLICT',
      );
      const inactive = await app.request('/api/v1/warehouses?active=false&q=tst', { token: viewer });
      expect(inactive.body.items.map((w: { code: string }) => w.code)).toEqual(['TST-1']);
      const demo = await app.request('/api/v1/warehouses?sort=code&active=true', { token: viewer });
      expect(demo.body.items.map((w: { code: string }) => w.code)).toEqual(
        expect.arrayContaining(['BER-1', 'HAM-1', 'MUC-1']),
      );
      expectProblem(await app.request('/api/v1/warehouses?sort=address', { token: viewer }), 400);
      expectProblem(
        await app.request('/api/v1/warehouses', { method: 'POST', token: clerk, json: { code: 'X', name: 'x' } }),
        403,
      );

      const audit = await app.db.query(
        `SELECT action, changes FROM audit_events WHERE entity_type = 'warehouse' AND entity_id = $1 ORDER BY occurred_at`,
        [warehouse.id],
      );
      expect(audit.rows.map((row: { action: string }) => row.action)).toEqual(['create', 'update']);
      expect(audit.rows[1].changes).toEqual({
        name: { before: 'Warehouse TST-1', after: 'Renamed' },
        active: { before: true, after: false },
      });
    });
  });

  describe('adjustments and transfers', () => {
    it('adjusts stock, records the ledger with actor and request id, and refuses to go negative', async () => {
      const product = await newProduct({ reorderPoint: 5, reorderQuantity: 20 });
      const warehouse = await newWarehouse();
      const added = await adjust(
        { productId: product.id, warehouseId: warehouse.id, quantity: 12, reasonCode: 'found', note: 'Recount' },
        { 'x-request-id': 'adjust-req-1' },
      );
      expect(added.status).toBe(201);
      expect(added.body.level).toMatchObject({
        onHand: 12,
        reserved: 0,
        available: 12,
        sku: product.sku,
        warehouseCode: warehouse.code,
      });
      expect(added.body.movement).toMatchObject({
        type: 'adjustment',
        onHandChange: 12,
        onHandAfter: 12,
        reasonCode: 'found',
        note: 'Recount',
        actorType: 'user',
        actorName: 'clerk@depot.local',
        requestId: 'adjust-req-1',
      });

      const removed = await adjust({
        productId: product.id,
        warehouseId: warehouse.id,
        quantity: -9,
        reasonCode: 'damaged',
      });
      expect(removed.body.level).toMatchObject({ onHand: 3, available: 3 });

      const refused = await adjust({
        productId: product.id,
        warehouseId: warehouse.id,
        quantity: -4,
        reasonCode: 'lost',
      });
      expectProblem(refused, 409, 'INVENTORY.INSUFFICIENT_STOCK');
      expect(refused.body.detail).toContain('3 available');
      expect(await ledgerSum(product.id, warehouse.id)).toEqual({ onHand: 3, ledger: 3, movements: 2 });

      // Low stock: 3 available < reorder point 5.
      const low = await app.request(`/api/v1/stock/low-stock?warehouseId=${warehouse.id}`, { token: viewer });
      expect(low.body.items).toEqual([
        expect.objectContaining({
          productId: product.id,
          available: 3,
          reorderPoint: 5,
          reorderQuantity: 20,
          shortfall: 2,
        }),
      ]);
      const below = await app.request(`/api/v1/products?belowReorderPoint=true&q=${product.sku}`, { token: viewer });
      expect(below.body.items.map((p: { id: string }) => p.id)).toEqual([product.id]);

      // The product's history shows the stock change with before/after.
      const history = await app.db.query(
        `SELECT action, changes FROM audit_events WHERE entity_type = 'product' AND entity_id = $1 AND action = 'stock.adjusted' ORDER BY occurred_at`,
        [product.id],
      );
      expect(history.rows[0].changes).toEqual({ [`onHand.${warehouse.code}`]: { before: 0, after: 12 } });
    });

    it('validates adjustment input', async () => {
      const product = await newProduct();
      const warehouse = await newWarehouse();
      const base = { productId: product.id, warehouseId: warehouse.id, quantity: 1, reasonCode: 'found' };
      for (const bad of [
        { ...base, quantity: 0 },
        { ...base, quantity: 1.5 },
        { ...base, quantity: '3' },
        { ...base, reasonCode: 'stolen-by-aliens' },
        { ...base, productId: 'nope' },
        { ...base, note: 'x'.repeat(501) },
        { ...base, extra: true },
      ]) {
        expectProblem(await adjust(bad), 400);
      }
      expectProblem(await adjust({ ...base, productId: randomUUID() }), 404, 'CATALOG.PRODUCT_NOT_FOUND');
      expectProblem(await adjust({ ...base, warehouseId: randomUUID() }), 404, 'INVENTORY.WAREHOUSE_NOT_FOUND');
      expectProblem(await adjust(base, {}, viewer), 403);
      expect(await ledgerSum(product.id, warehouse.id)).toEqual({ onHand: 0, ledger: 0, movements: 0 });
    });

    it('refuses movements of archived products and into inactive warehouses', async () => {
      const product = await newProduct();
      const warehouse = await newWarehouse();
      await app.request(`/api/v1/warehouses/${warehouse.id}`, {
        method: 'PATCH',
        token: admin,
        json: { version: 1, active: false },
      });
      expectProblem(
        await adjust({ productId: product.id, warehouseId: warehouse.id, quantity: 1, reasonCode: 'found' }),
        409,
        'INVENTORY.WAREHOUSE_INACTIVE',
      );
      const other = await newWarehouse();
      await app.request(`/api/v1/products/${product.id}`, { method: 'DELETE', token: admin });
      expectProblem(
        await adjust({ productId: product.id, warehouseId: other.id, quantity: 1, reasonCode: 'found' }),
        409,
        'INVENTORY.PRODUCT_ARCHIVED',
      );
    });

    it('transfers both legs in one transaction, or nothing', async () => {
      const product = await newProduct();
      const [from, to] = [await newWarehouse(), await newWarehouse()];
      await adjust({ productId: product.id, warehouseId: from.id, quantity: 10, reasonCode: 'opening_balance' });

      const moved = await transfer({
        productId: product.id,
        fromWarehouseId: from.id,
        toWarehouseId: to.id,
        quantity: 4,
        note: 'rebalance',
      });
      expect(moved.status).toBe(201);
      expect(moved.body.from).toMatchObject({ onHand: 6 });
      expect(moved.body.to).toMatchObject({ onHand: 4 });
      expect(moved.body.movements).toEqual([
        expect.objectContaining({
          type: 'transfer_out',
          onHandChange: -4,
          onHandAfter: 6,
          transferId: moved.body.transferId,
        }),
        expect.objectContaining({
          type: 'transfer_in',
          onHandChange: 4,
          onHandAfter: 4,
          transferId: moved.body.transferId,
        }),
      ]);

      expectProblem(
        await transfer({ productId: product.id, fromWarehouseId: from.id, toWarehouseId: to.id, quantity: 7 }),
        409,
        'INVENTORY.INSUFFICIENT_STOCK',
      );
      expectProblem(
        await transfer({ productId: product.id, fromWarehouseId: from.id, toWarehouseId: from.id, quantity: 1 }),
        400,
      );
      expectProblem(
        await transfer({ productId: product.id, fromWarehouseId: from.id, toWarehouseId: to.id, quantity: -1 }),
        400,
      );
      expect(await ledgerSum(product.id, from.id)).toEqual({ onHand: 6, ledger: 6, movements: 2 });
      expect(await ledgerSum(product.id, to.id)).toEqual({ onHand: 4, ledger: 4, movements: 1 });

      const history = await app.request(`/api/v1/stock-movements?productId=${product.id}`, { token: viewer });
      expect(history.body.items.map((m: { type: string }) => m.type)).toEqual([
        'transfer_in',
        'transfer_out',
        'adjustment',
      ]);
    });

    it('answers stock as of a past moment from the ledger', async () => {
      const product = await newProduct();
      const warehouse = await newWarehouse();
      await adjust({ productId: product.id, warehouseId: warehouse.id, quantity: 8, reasonCode: 'found' });
      const between = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await adjust({ productId: product.id, warehouseId: warehouse.id, quantity: -5, reasonCode: 'damaged' });

      const past = await app.request(`/api/v1/stock/as-of?productId=${product.id}&at=${encodeURIComponent(between)}`, {
        token: viewer,
      });
      expect(past.body).toMatchObject({
        totalOnHand: 8,
        levels: [{ warehouseId: warehouse.id, onHand: 8, reserved: 0 }],
      });
      const now = await app.request(
        `/api/v1/stock/as-of?productId=${product.id}&at=${encodeURIComponent(new Date().toISOString())}`,
        {
          token: viewer,
        },
      );
      expect(now.body.totalOnHand).toBe(3);
      const before = await app.request(`/api/v1/stock/as-of?productId=${product.id}&at=2020-01-01T00:00:00Z`, {
        token: viewer,
      });
      expect(before.body).toMatchObject({ totalOnHand: 0, levels: [] });
      expectProblem(
        await app.request(`/api/v1/stock/as-of?productId=${product.id}&at=yesterday`, { token: viewer }),
        400,
      );
    });
  });

  describe('the database guards the ledger itself', () => {
    it('refuses direct writes to stock levels and changes to movements', async () => {
      const product = await newProduct();
      const warehouse = await newWarehouse();
      await adjust({ productId: product.id, warehouseId: warehouse.id, quantity: 2, reasonCode: 'found' });
      await expect(
        app.db.query('UPDATE stock_levels SET on_hand = 100 WHERE product_id = $1', [product.id]),
      ).rejects.toThrow(/only through stock_movements/);
      await expect(app.db.query('DELETE FROM stock_movements WHERE product_id = $1', [product.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(
        app.db.query(
          `INSERT INTO stock_movements (id, type, product_id, warehouse_id, on_hand_change, actor_type)
           VALUES ($1, 'issue', $2, $3, -3, 'system')`,
          [randomUUID(), product.id, warehouse.id],
        ),
      ).rejects.toThrow(/ck_stock_levels_on_hand/);
      expect(await ledgerSum(product.id, warehouse.id)).toEqual({ onHand: 2, ledger: 2, movements: 1 });
    });
  });

  describe('concurrency', () => {
    it('many concurrent adjustments and transfers on one level leave a correct, non-negative balance', async () => {
      const product = await newProduct();
      const [a, b] = [await newWarehouse(), await newWarehouse()];
      await adjust({ productId: product.id, warehouseId: a.id, quantity: 25, reasonCode: 'opening_balance' });
      await adjust({ productId: product.id, warehouseId: b.id, quantity: 25, reasonCode: 'opening_balance' });

      const requests = [
        ...Array.from({ length: 40 }, () =>
          adjust({ productId: product.id, warehouseId: a.id, quantity: -1, reasonCode: 'damaged' }),
        ),
        ...Array.from({ length: 15 }, (_, i) =>
          transfer({
            productId: product.id,
            fromWarehouseId: i % 2 ? a.id : b.id,
            toWarehouseId: i % 2 ? b.id : a.id,
            quantity: 2,
          }),
        ),
      ];
      const responses = await Promise.all(requests);
      for (const response of responses) expect([201, 409]).toContain(response.status);
      const refused = responses.filter((response) => response.status === 409);
      for (const response of refused) expect(response.body.code).toBe('INVENTORY.INSUFFICIENT_STOCK');

      const levelA = await ledgerSum(product.id, a.id);
      const levelB = await ledgerSum(product.id, b.id);
      expect(levelA.onHand).toBe(levelA.ledger);
      expect(levelB.onHand).toBe(levelB.ledger);
      expect(levelA.onHand).toBeGreaterThanOrEqual(0);
      expect(levelB.onHand).toBeGreaterThanOrEqual(0);
      const adjustmentsDone = responses.slice(0, 40).filter((response) => response.status === 201).length;
      // Transfers conserve stock; only the adjustments took some away.
      expect(levelA.onHand + levelB.onHand).toBe(50 - adjustmentsDone);

      const check = await app.request('/api/v1/stock/consistency', { token: viewer });
      expect(check.body).toMatchObject({ consistent: true, mismatches: [] });
      expect(check.body.checkedMovements).toBeGreaterThan(0);
    });

    it('exactly the available quantity is taken when everyone wants more than is left', async () => {
      const product = await newProduct();
      const warehouse = await newWarehouse();
      await adjust({ productId: product.id, warehouseId: warehouse.id, quantity: 10, reasonCode: 'opening_balance' });
      const responses = await Promise.all(
        Array.from({ length: 30 }, () =>
          adjust({ productId: product.id, warehouseId: warehouse.id, quantity: -1, reasonCode: 'lost' }),
        ),
      );
      expect(responses.filter((response) => response.status === 201)).toHaveLength(10);
      expect(await ledgerSum(product.id, warehouse.id)).toEqual({ onHand: 0, ledger: 0, movements: 11 });
    });
  });

  describe('Idempotency-Key', () => {
    it('50 concurrent identical requests produce exactly one effect; replays return the first answer', async () => {
      const product = await newProduct();
      const warehouse = await newWarehouse();
      const key = randomUUID();
      const body = { productId: product.id, warehouseId: warehouse.id, quantity: 5, reasonCode: 'found' };
      const responses = await Promise.all(Array.from({ length: 50 }, () => adjust(body, { 'idempotency-key': key })));
      const created = responses.filter((response) => response.status === 201);
      expect(created.length).toBeGreaterThanOrEqual(1);
      for (const response of responses) {
        expect([201, 409]).toContain(response.status);
        if (response.status === 409) expect(response.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_IN_PROGRESS');
      }
      expect(await ledgerSum(product.id, warehouse.id)).toEqual({ onHand: 5, ledger: 5, movements: 1 });
      const movementIds = new Set(created.map((response) => response.body.movement.id));
      expect(movementIds.size).toBe(1);

      const replay = await adjust(body, { 'idempotency-key': key });
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body).toEqual(created[0].body);
      // Key order does not matter: the same request.
      const reordered = await adjust(
        { reasonCode: 'found', quantity: 5, warehouseId: warehouse.id, productId: product.id },
        { 'idempotency-key': key },
      );
      expect(reordered.status).toBe(201);
      expect(reordered.headers.get('idempotent-replayed')).toBe('true');

      const changed = await adjust({ ...body, quantity: 6 }, { 'idempotency-key': key });
      expectProblem(changed, 422, 'REQUEST.IDEMPOTENCY_KEY_REUSED');
      expect(await ledgerSum(product.id, warehouse.id)).toEqual({ onHand: 5, ledger: 5, movements: 1 });

      // Keys belong to their caller: another user's same key is a new request.
      const otherUser = await adjust(body, { 'idempotency-key': key }, admin);
      expect(otherUser.status).toBe(201);
      expect(otherUser.headers.get('idempotent-replayed')).toBeNull();
    });

    it('a failed request stores nothing, so it can be retried with the same key', async () => {
      const product = await newProduct();
      const [from, to] = [await newWarehouse(), await newWarehouse()];
      const key = randomUUID();
      const body = { productId: product.id, fromWarehouseId: from.id, toWarehouseId: to.id, quantity: 3 };
      expectProblem(await transfer(body, { 'idempotency-key': key }), 409, 'INVENTORY.INSUFFICIENT_STOCK');
      await adjust({ productId: product.id, warehouseId: from.id, quantity: 3, reasonCode: 'found' });
      const retried = await transfer(body, { 'idempotency-key': key });
      expect(retried.status).toBe(201);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();
      expectProblem(await transfer(body, { 'idempotency-key': 'bad key with spaces' }), 400);
      expectProblem(await transfer(body, { 'idempotency-key': 'k'.repeat(256) }), 400);
    });
  });

  describe('lists', () => {
    it('filters and sorts movements and levels; every list runs at most 3 SQL statements', async () => {
      const product = await newProduct();
      const [a, b] = [await newWarehouse(), await newWarehouse()];
      for (let i = 0; i < 6; i += 1) {
        await adjust({ productId: product.id, warehouseId: i % 2 ? a.id : b.id, quantity: i + 1, reasonCode: 'found' });
      }
      await transfer({ productId: product.id, fromWarehouseId: a.id, toWarehouseId: b.id, quantity: 1 });

      const byWarehouse = await app.request(`/api/v1/stock-movements?productId=${product.id}&warehouseId=${a.id}`, {
        token: viewer,
      });
      expect(byWarehouse.body.items.every((m: { warehouseId: string }) => m.warehouseId === a.id)).toBe(true);
      expect(byWarehouse.body.items).toHaveLength(4);
      const byType = await app.request(`/api/v1/stock-movements?productId=${product.id}&type=transfer_in`, {
        token: viewer,
      });
      expect(byType.body.items.map((m: { warehouseId: string }) => m.warehouseId)).toEqual([b.id]);
      const oldest = await app.request(`/api/v1/stock-movements?productId=${product.id}&sort=occurredAt&limit=2`, {
        token: viewer,
      });
      expect(oldest.body.items.map((m: { onHandChange: number }) => m.onHandChange)).toEqual([1, 2]);
      const next = await app.request(
        `/api/v1/stock-movements?productId=${product.id}&sort=occurredAt&limit=2&cursor=${oldest.body.nextCursor}`,
        { token: viewer },
      );
      expect(next.body.items.map((m: { onHandChange: number }) => m.onHandChange)).toEqual([3, 4]);
      const future = await app.request(`/api/v1/stock-movements?productId=${product.id}&from=2999-01-01T00:00:00Z`, {
        token: viewer,
      });
      expect(future.body.items).toEqual([]);
      const total = await app.request(`/api/v1/stock-movements?productId=${product.id}&includeTotal=true&limit=1`, {
        token: viewer,
      });
      expect(total.body.total).toBe(8);
      expectProblem(await app.request('/api/v1/stock-movements?type=teleport', { token: viewer }), 400);
      expectProblem(await app.request('/api/v1/stock-movements?from=last-week', { token: viewer }), 400);
      expectProblem(await app.request('/api/v1/stock-movements?sort=sku', { token: viewer }), 400);

      const levels = await app.request(`/api/v1/stock-levels?productId=${product.id}&sort=-onHand`, { token: viewer });
      expect(levels.body.items.map((l: { onHand: number }) => l.onHand)).toEqual([11, 10]);
      const levelsPage = await app.request(`/api/v1/stock-levels?productId=${product.id}&sort=-onHand&limit=1`, {
        token: viewer,
      });
      const levelsNext = await app.request(
        `/api/v1/stock-levels?productId=${product.id}&sort=-onHand&limit=1&cursor=${levelsPage.body.nextCursor}`,
        { token: viewer },
      );
      expect(levelsNext.body).toMatchObject({ items: [expect.objectContaining({ onHand: 10 })] });

      for (const path of [
        '/api/v1/products?limit=100&includeTotal=true',
        '/api/v1/products?limit=100&belowReorderPoint=true&attribute=origin:DE',
        '/api/v1/stock-movements?limit=100&includeTotal=true',
        `/api/v1/stock-movements?limit=100&productId=${product.id}`,
        '/api/v1/stock-levels?limit=100&includeTotal=true',
        '/api/v1/stock/low-stock?limit=100',
        '/api/v1/warehouses?limit=100&includeTotal=true',
        '/api/v1/categories',
      ]) {
        const response = await app.request(path, { token: admin });
        expect(response.status).toBe(200);
        const statements = Number(response.headers.get('x-sql-statements'));
        expect({ path, statements }).toEqual({ path, statements: expect.any(Number) });
        expect(statements).toBeGreaterThanOrEqual(1);
        expect(statements).toBeLessThanOrEqual(3);
      }
    });
  });
});
