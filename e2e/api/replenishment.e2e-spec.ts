import { randomUUID } from 'node:crypto';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies */

// Many rows per test, each a real request; generous on a busy machine.
jest.setTimeout(120_000);

describe('Replenishment: reorder suggestions grouped by supplier, and draft purchase orders from them', () => {
  let app: TestApp;
  let admin: string;
  let clerk: string;
  let viewer: string;
  let warehouseId: string;
  let alpha: string;
  let beta: string;
  let customerId: string;
  const product: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    [admin, clerk, viewer] = await Promise.all([
      app.login('admin@depot.local'),
      app.login('clerk@depot.local'),
      app.login('viewer@depot.local'),
    ]);
    warehouseId = (await post('/api/v1/warehouses', { code: 'RPL-1', name: 'Reorder test warehouse' }, admin)).body.id;
    alpha = (await post('/api/v1/suppliers', { code: 'RPL-A', name: 'Alpha Supplies' }, admin)).body.id;
    beta = (await post('/api/v1/suppliers', { code: 'RPL-B', name: 'Beta Trading' }, admin)).body.id;
    customerId = (await post('/api/v1/customers', { code: 'RPL-C', name: 'A customer' }, admin)).body.id;

    // onHand, reorder point and quantity, supplier, purchase price.
    product.withIncoming = await newProduct('A1', 2, 10, 40, alpha, 700);
    product.upToPoint = await newProduct('A2', 4, 10, 0, alpha, null);
    product.beta = await newProduct('B1', 1, 5, 20, beta, 1200);
    product.orphan = await newProduct('N1', 1, 5, 10, null, null);
    product.enough = await newProduct('B2', 50, 5, 20, beta, 1200);

    // 15 already on order (submitted): the suggestion for A1 drops from 40 to 25.
    const po = await post('/api/v1/purchase-orders', {
      supplierId: alpha,
      warehouseId,
      lines: [{ productId: product.withIncoming, quantity: 15 }],
    });
    expect(po.status).toBe(201);
    expect((await post(`/api/v1/purchase-orders/${po.body.id}/submit`, { version: 1 })).status).toBe(200);
  });

  afterAll(() => app?.close());

  function post(path: string, json: unknown, token = clerk, headers: Record<string, string> = {}) {
    return app.request(path, { method: 'POST', token, json, headers });
  }

  async function newProduct(
    code: string,
    onHand: number,
    reorderPoint: number,
    reorderQuantity: number,
    preferredSupplierId: string | null,
    purchasePriceMinor: number | null,
  ): Promise<string> {
    const response = await post(
      '/api/v1/products',
      {
        sku: `RPL-${code}-${randomUUID().slice(0, 4)}`,
        name: `Reorder item ${code}`,
        priceMinor: 2000,
        costMinor: 650,
        currency: 'EUR',
        reorderPoint,
        reorderQuantity,
        preferredSupplierId,
        supplierSku: preferredSupplierId ? `SUP-${code}` : null,
        purchasePriceMinor,
      },
      admin,
    );
    expect(response.status).toBe(201);
    const adjusted = await post(
      '/api/v1/stock/adjustments',
      { productId: response.body.id, warehouseId, quantity: onHand, reasonCode: 'found' },
      admin,
    );
    expect(adjusted.status).toBe(201);
    return response.body.id;
  }

  const suggestions = async (token = viewer) => {
    const response = await app.request(`/api/v1/replenishment?warehouseId=${warehouseId}`, { token });
    expect(response.status).toBe(200);
    return response.body.items as any[];
  };

  it('keeps the supplier fields on the product, audited, and refuses a partner that is not a supplier', async () => {
    const read = await app.request(`/api/v1/products/${product.withIncoming}`, { token: viewer });
    expect(read.body).toMatchObject({ preferredSupplierId: alpha, supplierSku: 'SUP-A1', purchasePriceMinor: 700 });
    const { rows } = await app.db.query(`SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'create'`, [
      product.withIncoming,
    ]);
    expect(rows[0].changes.preferredSupplierId).toEqual({ before: null, after: alpha });
    expectProblem(
      await post(
        '/api/v1/products',
        {
          sku: `RPL-X-${randomUUID().slice(0, 4)}`,
          name: 'X',
          priceMinor: 1,
          currency: 'EUR',
          preferredSupplierId: customerId,
        },
        admin,
      ),
      400,
    );
  });

  it('suggests the reorder quantity (or up to the point) minus incoming, grouped by supplier', async () => {
    const groups = await suggestions();
    expect(groups.map((group) => group.supplier?.name ?? null)).toEqual(['Alpha Supplies', 'Beta Trading', null]);
    const alphaItems = groups[0].items;
    expect(alphaItems.map((item: any) => item.productId)).toEqual([product.withIncoming, product.upToPoint]);
    expect(alphaItems[0]).toMatchObject({
      available: 2,
      reorderPoint: 10,
      reorderQuantity: 40,
      incoming: 15,
      suggestedQuantity: 25,
      supplierSku: 'SUP-A1',
      purchasePriceMinor: 700,
      warehouseId,
    });
    expect(alphaItems[1]).toMatchObject({ available: 4, incoming: 0, suggestedQuantity: 6, purchasePriceMinor: 650 });
    expect(groups[1].items.map((item: any) => item.productId)).toEqual([product.beta]);
    expect(groups[2].items.map((item: any) => item.productId)).toEqual([product.orphan]);
  });

  it('is readable by viewers but only buyers may create purchase orders', async () => {
    expectProblem(await post('/api/v1/replenishment/purchase-orders', { warehouseId }, viewer), 403);
  });

  it('refuses lines for a product without a preferred supplier', async () => {
    expectProblem(
      await post('/api/v1/replenishment/purchase-orders', {
        warehouseId,
        lines: [{ productId: product.orphan, quantity: 3 }],
      }),
      400,
    );
  });

  it('creates one draft per supplier in one step, priced, and the suggestions then count them as incoming', async () => {
    const key = randomUUID();
    const response = await post('/api/v1/replenishment/purchase-orders', { warehouseId }, clerk, {
      'idempotency-key': key,
    });
    expect(response.status).toBe(201);
    const orders = response.body.items as any[];
    expect(orders).toHaveLength(2);
    expect(response.headers.get('location')).toBe(`/api/v1/purchase-orders/${orders[0].id}`);
    const bySupplier = new Map(orders.map((order) => [order.supplierId, order]));
    const alphaOrder = bySupplier.get(alpha);
    expect(alphaOrder.status).toBe('draft');
    expect(alphaOrder.lines.map((line: any) => [line.productId, line.quantity, line.unitCostMinor])).toEqual([
      [product.withIncoming, 25, 700],
      [product.upToPoint, 6, 650],
    ]);
    expect(bySupplier.get(beta).lines.map((line: any) => [line.quantity, line.unitCostMinor])).toEqual([[20, 1200]]);

    const replay = await post('/api/v1/replenishment/purchase-orders', { warehouseId }, clerk, {
      'idempotency-key': key,
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(response.body);
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM purchase_orders WHERE status = 'draft' AND warehouse_id = $1`,
      [warehouseId],
    );
    expect(rows[0].n).toBe(2);

    const after = await suggestions();
    for (const group of after.filter((candidate) => candidate.supplier)) {
      for (const item of group.items) expect(item.suggestedQuantity).toBe(0);
    }
    // Nothing left to order: a 400, not an empty order.
    expectProblem(await post('/api/v1/replenishment/purchase-orders', { warehouseId }), 400);
  });

  it('creates orders from edited lines', async () => {
    const response = await post('/api/v1/replenishment/purchase-orders', {
      lines: [
        { productId: product.beta, warehouseId, quantity: 7 },
        { productId: product.enough, warehouseId, quantity: 3 },
      ],
    });
    expect(response.status).toBe(201);
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0].lines.map((line: any) => line.quantity)).toEqual([7, 3]);
    expectProblem(
      await post('/api/v1/replenishment/purchase-orders', { lines: [{ productId: product.beta, quantity: 1 }] }),
      400,
    );
  });
});
