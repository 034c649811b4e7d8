import { randomUUID } from 'node:crypto';

import { startTestApp, type TestApp } from './support/test-app';

interface FieldChange {
  field: string;
  label: string;
  kind: string;
  before: unknown;
  after: unknown;
  beforeDisplay?: string | null;
  afterDisplay?: string | null;
  currency?: string | null;
  beforeRef?: { type: string; id: string; name: string; url: string } | null;
  afterRef?: { type: string; id: string; name: string; url: string } | null;
  ref?: { type: string; id: string; name: string; url: string } | null;
}

interface HistoryEvent {
  action: string;
  fieldChanges: FieldChange[];
  entityRef: { type: string; id: string; name: string; url: string } | null;
  actorRef: { type: string; id: string; name: string; url: string } | null;
}

describe('Readable history', () => {
  let app: TestApp;
  let admin: string;
  let hand: { id: string };
  let power: { id: string };
  let warehouse: { id: string; version: number };
  let supplier: { id: string; version: number };
  let customer: { id: string; version: number };
  let product: { id: string; sku: string; version: number };

  const call = async (method: string, path: string, json?: unknown) => {
    const response = await app.request(`/api/v1${path}`, { method, token: admin, ...(json ? { json } : {}) });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
    return response.body;
  };

  async function history(entityType: string, entityId: string): Promise<HistoryEvent[]> {
    const page = await app.request(`/api/v1/audit-events?entityType=${entityType}&entityId=${entityId}`, {
      token: admin,
    });
    expect(page.status).toBe(200);
    return page.body.items as HistoryEvent[];
  }

  async function auditRows(entityId: string): Promise<number> {
    const { rows } = await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1',
      [entityId],
    );
    return rows[0].n;
  }

  beforeAll(async () => {
    app = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    admin = await app.login('admin@depot.local');
    hand = await call('POST', '/categories', { name: 'Hand tools' });
    power = await call('POST', '/categories', { name: 'Power tools' });
    warehouse = await call('POST', '/warehouses', { code: 'HIST-1', name: 'History hall' });
    supplier = await call('POST', '/suppliers', { code: 'SUP-H', name: 'Hammer Supplies' });
    customer = await call('POST', '/customers', { code: 'CUS-H', name: 'Happy Customer' });
    product = await call('POST', '/products', {
      sku: `HIST-${randomUUID().slice(0, 6)}`,
      name: 'Claw hammer',
      priceMinor: 1250,
      costMinor: 700,
      currency: 'EUR',
      categoryId: hand.id,
    });
  });

  afterAll(() => app?.close());

  it('labels changed fields from the contracts and marks money with its currency for the client', async () => {
    product = await call('PATCH', `/products/${product.id}`, { version: product.version, priceMinor: 1499 });
    const [update] = await history('product', product.id);
    expect(update.action).toBe('update');
    expect(update.fieldChanges).toEqual([
      { field: 'priceMinor', label: 'Price', kind: 'money', before: 1250, after: 1499, currency: 'EUR' },
    ]);
    expect(update.entityRef).toEqual({
      type: 'product',
      id: product.id,
      name: `${product.sku} · Claw hammer`,
      url: `/products/${product.id}`,
    });
    expect(update.actorRef).toMatchObject({
      type: 'user',
      name: 'Ada Admin',
      url: expect.stringMatching(/^\/admin\/users\//),
    });
  });

  it('resolves a referenced category to its name and link instead of its id', async () => {
    product = await call('PATCH', `/products/${product.id}`, { version: product.version, categoryId: power.id });
    const [update] = await history('product', product.id);
    const category = update.fieldChanges.find((change) => change.field === 'categoryId');
    expect(category).toMatchObject({
      label: 'Category',
      kind: 'reference',
      beforeDisplay: 'Hand tools',
      afterDisplay: 'Power tools',
      beforeRef: { type: 'category', id: hand.id, name: 'Hand tools', url: '/categories' },
      afterRef: { type: 'category', id: power.id, name: 'Power tools', url: '/categories' },
    });
    const created = (await history('product', product.id)).at(-1)!;
    expect(created.action).toBe('create');
    expect(created.fieldChanges.map((change) => change.label)).toEqual(
      expect.arrayContaining(['SKU', 'Name', 'Price', 'Cost', 'Currency', 'Category', 'Status']),
    );
  });

  it('names the warehouse behind a stock change such as onHand.HIST-1', async () => {
    await call('POST', '/stock/adjustments', {
      productId: product.id,
      warehouseId: warehouse.id,
      quantity: 1500,
      reasonCode: 'found',
    });
    const [adjusted] = await history('product', product.id);
    expect(adjusted.fieldChanges).toEqual([
      expect.objectContaining({
        field: 'onHand.HIST-1',
        label: 'On hand · HIST-1 · History hall',
        kind: 'quantity',
        before: 0,
        after: 1500,
        ref: { type: 'warehouse', id: warehouse.id, name: 'HIST-1 · History hall', url: '/warehouses' },
      }),
    ]);
  });

  it('marks dates, resolves suppliers and warehouses on orders, and shows statuses in words', async () => {
    const order = await call('POST', '/purchase-orders', {
      supplierId: supplier.id,
      warehouseId: warehouse.id,
      expectedDate: '2026-12-24',
      lines: [{ productId: product.id, quantity: 3, unitCostMinor: 500 }],
    });
    const updated = await call('PATCH', `/purchase-orders/${order.id}`, { version: 1, expectedDate: '2027-01-08' });
    await call('POST', `/purchase-orders/${order.id}/submit`, { version: updated.version });
    const [submitted, update, created] = await history('purchase_order', order.id);
    expect(submitted.fieldChanges).toEqual([
      expect.objectContaining({
        field: 'status',
        label: 'Status',
        kind: 'status',
        beforeDisplay: 'Draft',
        afterDisplay: 'Submitted',
      }),
    ]);
    expect(update.fieldChanges).toEqual([
      { field: 'expectedDate', label: 'Expected date', kind: 'date', before: '2026-12-24', after: '2027-01-08' },
    ]);
    expect(created.fieldChanges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'supplierId',
          label: 'Supplier',
          afterDisplay: 'SUP-H · Hammer Supplies',
          afterRef: { type: 'supplier', id: supplier.id, name: 'SUP-H · Hammer Supplies', url: '/suppliers' },
        }),
        expect.objectContaining({ field: 'warehouseId', label: 'Warehouse', afterDisplay: 'HIST-1 · History hall' }),
        expect.objectContaining({ field: 'totalMinor', label: 'Total', kind: 'money', after: 1500, currency: 'EUR' }),
      ]),
    );
    expect(created.entityRef).toMatchObject({
      type: 'purchase_order',
      name: order.number,
      url: `/purchase-orders/${order.id}`,
    });
  });

  it('records no audit row for an update that changes nothing, for every kind of record', async () => {
    const user = await call('POST', '/users', {
      email: `noop-${randomUUID().slice(0, 6)}@depot.local`,
      displayName: 'Nora Noop',
      roles: ['clerk'],
      initialPassword: 'amber kettle 7 orbit',
    });
    const role = await call('POST', '/roles', {
      name: `noop-${randomUUID().slice(0, 6)}`,
      description: 'Same',
      permissions: ['audit.read'],
    });
    const webhook = await call('POST', '/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      description: 'Same hook',
      eventTypes: ['product.updated'],
    });
    const category = await call('GET', `/categories/${hand.id}`);
    const salesOrder = await call('POST', '/sales-orders', {
      customerId: customer.id,
      warehouseId: warehouse.id,
      notes: 'Same notes',
      lines: [{ productId: product.id, quantity: 1 }],
    });
    const purchaseOrder = await call('POST', '/purchase-orders', {
      supplierId: supplier.id,
      warehouseId: warehouse.id,
      notes: 'Same notes',
      lines: [{ productId: product.id, quantity: 2, unitCostMinor: 500 }],
    });
    const current = await call('GET', `/products/${product.id}`);

    const noOps: { name: string; id: string; method: string; path: string; json: Record<string, unknown> }[] = [
      {
        name: 'product',
        id: product.id,
        method: 'PATCH',
        path: `/products/${product.id}`,
        json: {
          version: current.version,
          name: current.name,
          priceMinor: current.priceMinor,
          categoryId: current.categoryId,
        },
      },
      {
        name: 'category',
        id: hand.id,
        method: 'PATCH',
        path: `/categories/${hand.id}`,
        json: { version: category.version, name: 'Hand tools' },
      },
      {
        name: 'warehouse',
        id: warehouse.id,
        method: 'PATCH',
        path: `/warehouses/${warehouse.id}`,
        json: { version: warehouse.version, name: 'History hall', active: true },
      },
      {
        name: 'supplier',
        id: supplier.id,
        method: 'PATCH',
        path: `/suppliers/${supplier.id}`,
        json: { version: supplier.version, name: 'Hammer Supplies' },
      },
      {
        name: 'customer',
        id: customer.id,
        method: 'PATCH',
        path: `/customers/${customer.id}`,
        json: { version: customer.version, name: 'Happy Customer' },
      },
      {
        name: 'user',
        id: user.id,
        method: 'PATCH',
        path: `/users/${user.id}`,
        json: { version: user.version, displayName: 'Nora Noop' },
      },
      {
        name: 'user roles',
        id: user.id,
        method: 'PUT',
        path: `/users/${user.id}/roles`,
        json: { version: user.version, roles: ['clerk'] },
      },
      {
        name: 'role',
        id: role.id,
        method: 'PATCH',
        path: `/roles/${role.id}`,
        json: { version: role.version, description: 'Same', permissions: ['audit.read'] },
      },
      {
        name: 'webhook',
        id: webhook.id,
        method: 'PATCH',
        path: `/webhooks/${webhook.id}`,
        json: { version: webhook.version, description: 'Same hook' },
      },
      {
        name: 'sales order',
        id: salesOrder.id,
        method: 'PATCH',
        path: `/sales-orders/${salesOrder.id}`,
        json: { version: salesOrder.version, notes: 'Same notes', lines: [{ productId: product.id, quantity: 1 }] },
      },
      {
        name: 'purchase order',
        id: purchaseOrder.id,
        method: 'PATCH',
        path: `/purchase-orders/${purchaseOrder.id}`,
        json: {
          version: purchaseOrder.version,
          notes: 'Same notes',
          lines: [{ productId: product.id, quantity: 2, unitCostMinor: 500 }],
        },
      },
    ];
    for (const noOp of noOps) {
      const before = await auditRows(noOp.id);
      const response = await app.request(`/api/v1${noOp.path}`, { method: noOp.method, token: admin, json: noOp.json });
      expect({ name: noOp.name, status: response.status }).toEqual({ name: noOp.name, status: 200 });
      expect({ name: noOp.name, rows: await auditRows(noOp.id) }).toEqual({ name: noOp.name, rows: before });
    }
    // A real change is still recorded.
    const before = await auditRows(warehouse.id);
    await call('PATCH', `/warehouses/${warehouse.id}`, { version: warehouse.version, name: 'History hall 2' });
    expect(await auditRows(warehouse.id)).toBe(before + 1);
  });
});
