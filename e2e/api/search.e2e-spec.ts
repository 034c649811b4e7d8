import { expectProblem, startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies */

describe('Global search', () => {
  let app: TestApp;
  let admin: string;
  let clerk: string;
  let viewer: string;
  const productIds: Record<string, string> = {};
  let salesOrder: { id: string; number: string };
  let purchaseOrder: { id: string; number: string };

  beforeAll(async () => {
    app = await startTestApp();
    [admin, clerk, viewer] = await Promise.all([
      app.login('admin@depot.local'),
      app.login('clerk@depot.local'),
      app.login('viewer@depot.local'),
    ]);
    // Three SKUs sharing a stem: the exact one must come first whatever the others score.
    for (const [sku, name] of [
      ['ZQX-100', 'Zinc anchor bolt'],
      ['ZQX-1000', 'Zinc anchor bolt, long'],
      ['ZQX-10', 'Galvanised hammer'],
    ]) {
      const created = await app.request('/api/v1/products', {
        method: 'POST',
        token: admin,
        json: { sku, name, priceMinor: 500, costMinor: 250, currency: 'EUR' },
      });
      expect(created.status).toBe(201);
      productIds[sku] = created.body.id;
    }
    const warehouse = await app.request('/api/v1/warehouses', {
      method: 'POST',
      token: admin,
      json: { code: 'SRCH-1', name: 'Search test warehouse' },
    });
    const customer = await app.request('/api/v1/customers', {
      method: 'POST',
      token: admin,
      json: { code: 'QUOKKA', name: 'Quokka Outfitters', email: 'buying@quokka.example' },
    });
    const supplier = await app.request('/api/v1/suppliers', {
      method: 'POST',
      token: admin,
      json: { code: 'WOMBAT', name: 'Wombat Metalworks' },
    });
    const lines = [{ productId: productIds['ZQX-100'], quantity: 1 }];
    const so = await app.request('/api/v1/sales-orders', {
      method: 'POST',
      token: admin,
      json: { customerId: customer.body.id, warehouseId: warehouse.body.id, lines },
    });
    expect(so.status).toBe(201);
    salesOrder = so.body;
    const po = await app.request('/api/v1/purchase-orders', {
      method: 'POST',
      token: admin,
      json: { supplierId: supplier.body.id, warehouseId: warehouse.body.id, lines },
    });
    expect(po.status).toBe(201);
    purchaseOrder = po.body;
  });

  afterAll(() => app?.close());

  const search = async (q: string, token = admin, limit?: number) => {
    const response = await app.request(
      `/api/v1/search?q=${encodeURIComponent(q)}${limit === undefined ? '' : `&limit=${limit}`}`,
      { token },
    );
    expect(response.status).toBe(200);
    return response.body as { groups: { type: string; label: string; items: any[] }[]; tookMs: number };
  };
  const group = (body: { groups: { type: string; items: any[] }[] }, type: string) =>
    body.groups.find((candidate) => candidate.type === type);

  it('ranks the exact SKU first, then the SKUs it prefixes', async () => {
    const body = await search('zqx-100');
    const products = group(body, 'product');
    expect(products?.items.map((item) => item.title).slice(0, 2)).toEqual(['ZQX-100', 'ZQX-1000']);
    expect(products?.items[0]).toEqual({
      id: productIds['ZQX-100'],
      type: 'product',
      title: 'ZQX-100',
      subtitle: 'Zinc anchor bolt',
      url: `/products/${productIds['ZQX-100']}`,
    });
    expect(typeof body.tookMs).toBe('number');
  });

  it('finds products by name words and forgives a typo', async () => {
    expect(group(await search('anchor bolt'), 'product')?.items.map((item) => item.title)).toEqual(
      expect.arrayContaining(['ZQX-100', 'ZQX-1000']),
    );
    expect(group(await search('galvanized hamer'), 'product')?.items[0]?.title).toBe('ZQX-10');
    // A dropped letter ("ancor" scores 0.5 against "anchor"): found on the second, looser try.
    expect(group(await search('zinc ancor'), 'product')?.items.map((item) => item.title)).toEqual(
      expect.arrayContaining(['ZQX-100', 'ZQX-1000']),
    );
  });

  it('searches a phrase in names only: an order number with a space finds no order', async () => {
    const body = await search(`${salesOrder.number} x`);
    expect(group(body, 'sales_order')).toBeUndefined();
  });

  it('finds sales and purchase orders by number, and partners by name, code or e-mail', async () => {
    const so = group(await search(salesOrder.number), 'sales_order');
    expect(so?.items[0]).toMatchObject({ id: salesOrder.id, url: `/sales-orders/${salesOrder.id}` });
    expect(so?.items[0].subtitle).toContain('Quokka Outfitters');
    const po = group(await search(purchaseOrder.number.toLowerCase()), 'purchase_order');
    expect(po?.items[0]).toMatchObject({ id: purchaseOrder.id, url: `/purchase-orders/${purchaseOrder.id}` });
    expect(group(await search('quokka'), 'customer')?.items[0]).toMatchObject({
      title: 'Quokka Outfitters',
      url: '/customers?q=QUOKKA',
    });
    expect(group(await search('buying@quokka.example'), 'customer')?.items[0]?.title).toBe('Quokka Outfitters');
    expect(group(await search('WOMBAT'), 'supplier')?.items[0]).toMatchObject({
      title: 'Wombat Metalworks',
      url: '/suppliers?q=WOMBAT',
    });
  });

  it('shows users to administrators only', async () => {
    const forAdmin = group(await search('chris'), 'user');
    expect(forAdmin?.items[0]).toMatchObject({ title: 'Chris Clerk', subtitle: 'clerk@depot.local' });
    expect(group(await search('chris', clerk), 'user')).toBeUndefined();
    expect(group(await search('clerk@depot.local', viewer), 'user')).toBeUndefined();
    // The clerk still finds what a clerk may read.
    expect(group(await search('ZQX-100', clerk), 'product')?.items[0]?.title).toBe('ZQX-100');
  });

  it('leaves out every type the caller may not read', async () => {
    const role = await app.request('/api/v1/roles', {
      method: 'POST',
      token: admin,
      json: { name: 'catalog-reader', description: 'Reads products only', permissions: ['catalog.products.read'] },
    });
    expect(role.status).toBe(201);
    const user = await app.request('/api/v1/users', {
      method: 'POST',
      token: admin,
      json: {
        email: 'catalog.reader@depot.local',
        displayName: 'Cat Reader',
        roles: ['catalog-reader'],
        initialPassword: 'amber kettle 7 orbit',
      },
    });
    expect(user.status).toBe(201);
    const temporary = await app.login('catalog.reader@depot.local', 'amber kettle 7 orbit');
    const changed = await app.request('/api/v1/me/password', {
      method: 'POST',
      token: temporary,
      json: { currentPassword: 'amber kettle 7 orbit', newPassword: 'copper lantern 9 meadow' },
    });
    expect(changed.status).toBe(200);
    const reader = changed.body.accessToken as string;
    expect((await search('ZQX', reader)).groups.map((candidate) => candidate.type)).toEqual(['product']);
    expect((await search(salesOrder.number, reader)).groups).toEqual([]);
    expect((await search('quokka', reader)).groups).toEqual([]);
  });

  it('caps each group at the limit', async () => {
    expect(group(await search('ZQX', admin, 1), 'product')?.items).toHaveLength(1);
    expect(group(await search('ZQX', admin), 'product')?.items).toHaveLength(3);
  });

  it('treats LIKE wildcards as text and refuses empty, long or unauthenticated queries', async () => {
    expect((await search('%')).groups).toEqual([]);
    expect((await search('_')).groups).toEqual([]);
    expectProblem(await app.request('/api/v1/search?q=', { token: admin }), 400, 'REQUEST.VALIDATION_FAILED');
    expectProblem(await app.request('/api/v1/search', { token: admin }), 400);
    expectProblem(await app.request(`/api/v1/search?q=${'a'.repeat(101)}`, { token: admin }), 400);
    expectProblem(await app.request('/api/v1/search?q=ab&limit=0', { token: admin }), 400);
    expectProblem(await app.request('/api/v1/search?q=ab&limit=21', { token: admin }), 400);
    expectProblem(await app.request('/api/v1/search?q=ab'), 401);
  });
});
