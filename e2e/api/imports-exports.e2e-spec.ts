import { parse } from 'csv-parse/sync';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

describe('CSV import and export', () => {
  let app: TestApp;
  let admin: string;
  let viewer: string;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, viewer] = await Promise.all([app.login('admin@depot.local'), app.login('viewer@depot.local')]);
  });

  afterAll(() => app?.close());

  const importCsv = (kind: 'products' | 'opening-stock', csv: string, dryRun: boolean, token = admin) =>
    app.request(`/api/v1/imports/${kind}?dryRun=${dryRun}`, {
      method: 'POST',
      token,
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });

  async function tableCounts() {
    const { rows } = await app.db.query<{ products: number; movements: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM products) AS products, (SELECT count(*)::int FROM stock_movements) AS movements,
              (SELECT count(*)::int FROM audit_events) AS audit`,
    );
    return rows[0];
  }

  const GOOD = [
    'sku,name,price,currency,cost,barcode,category,reorder_point,reorder_quantity,attributes',
    'IMP-1,Imported one,19.99,EUR,7.40,9780306406157,Office/IT accessories,4,12,color=red;size=m',
    'IMP-2,"Imported, two",5,USD,,,,0,0,',
    'CHAIR-OAK-01,Oak dining chair (renamed),131.50,EUR,,,Furniture,10,40,origin=DE',
  ].join('\n');

  it('dry-runs, then imports products all at once (creating and updating by SKU)', async () => {
    const before = await tableCounts();
    const dry = await importCsv('products', GOOD, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, rows: 3, created: 2, updated: 1, errors: [] });
    expect(await tableCounts()).toEqual(before);

    const done = await importCsv('products', GOOD, false);
    expect(done.body).toEqual({ dryRun: false, rows: 3, created: 2, updated: 1, errors: [] });
    const list = await app.request('/api/v1/products?q=IMP-', { token: viewer });
    const one = list.body.items.find((p: { sku: string }) => p.sku === 'IMP-1');
    expect(one).toMatchObject({
      priceMinor: 1999,
      costMinor: 740,
      barcode: '9780306406157',
      attributes: { color: 'red', size: 'm' },
      reorderPoint: 4,
      reorderQuantity: 12,
    });
    const chair = await app.request('/api/v1/products?q=CHAIR-OAK-01', { token: viewer });
    expect(chair.body.items[0]).toMatchObject({ name: 'Oak dining chair (renamed)', priceMinor: 13150, version: 2 });
    // Each product went through the catalogue: audit rows were written.
    expect((await tableCounts()).audit).toBeGreaterThanOrEqual(before.audit + 3);
  });

  it('reports every bad row and column, and a bad file changes nothing', async () => {
    const bad = [
      'sku,name,price,currency,barcode,category,attributes,status',
      'OK-1,Fine,1.00,EUR,,,,',
      'bad sku!,Bad sku,1.00,EUR,,,,',
      'OK-2,,1.00,EUR,,,,',
      'OK-3,Bad price,1.999,EUR,,,,',
      'OK-4,Bad currency,1.00,XXX,,,,',
      'OK-5,Bad barcode,1.00,EUR,4006381333932,,,',
      'OK-6,Bad category,1.00,EUR,,Nowhere/Else,,',
      'OK-7,Bad attributes,1.00,EUR,,,novalue,',
      'ok-1,Duplicate sku,1.00,EUR,,,,',
      'OK-8,Bad status,1.00,EUR,,,,deleted',
    ].join('\n');
    const before = await tableCounts();
    const dry = await importCsv('products', bad, true);
    expect(dry.status).toBe(200);
    expect(dry.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'sku'],
      [3, 'name'],
      [4, 'price'],
      [5, 'currency'],
      [6, 'barcode'],
      [7, 'category'],
      [8, 'attributes'],
      [9, 'sku'],
      [10, 'status'],
    ]);
    const refused = await importCsv('products', bad, false);
    expectProblem(refused, 422, 'IMPORT.ROWS_INVALID');
    expect(refused.body.report.errors).toHaveLength(9);
    expect(await tableCounts()).toEqual(before);
  });

  it.each([
    ['an empty body', ''],
    ['an unknown column', 'sku,name,price,currency,colour\nA,B,1,EUR,red'],
    ['a missing required column', 'sku,name\nA,B'],
    ['a ragged row', 'sku,name,price,currency\nA,B,1'],
    ['an unclosed quote', 'sku,name,price,currency\nA,"B,1,EUR'],
    ['a header only', 'sku,name,price,currency\n'],
  ])('refuses %s with 400 and imports nothing', async (_, csv) => {
    const before = await tableCounts();
    expectProblem(await importCsv('products', csv, false), 400);
    expect(await tableCounts()).toEqual(before);
  });

  it('accepts CSV only on the import endpoints, and only from users allowed to write', async () => {
    expectProblem(
      await app.request('/api/v1/products', {
        method: 'POST',
        token: admin,
        headers: { 'content-type': 'text/csv' },
        body: 'sku,name\nA,B',
      }),
      415,
    );
    expectProblem(await importCsv('products', GOOD, true, viewer), 403);
    expectProblem(
      await app.request('/api/v1/imports/products?dryRun=false', { method: 'POST', token: admin, json: { sku: 'A' } }),
      400,
    );
  });

  it('imports opening stock through the ledger, once per stock level', async () => {
    const csv = 'sku,warehouse_code,quantity\nIMP-1,ber-1,24\nIMP-2,HAM-1,5';
    expect((await importCsv('opening-stock', csv, true)).body).toEqual({
      dryRun: true,
      rows: 2,
      created: 2,
      updated: 0,
      errors: [],
    });
    expect((await importCsv('opening-stock', csv, false)).status).toBe(200);
    const levels = await app.request('/api/v1/stock-levels?q=IMP-&sort=sku', { token: viewer });
    expect(
      levels.body.items.map((l: { sku: string; warehouseCode: string; onHand: number }) => [
        l.sku,
        l.warehouseCode,
        l.onHand,
      ]),
    ).toEqual([
      ['IMP-1', 'BER-1', 24],
      ['IMP-2', 'HAM-1', 5],
    ]);
    const movement = await app.request('/api/v1/stock-movements?q=IMP-1', { token: viewer });
    expect(movement.body.items[0]).toMatchObject({
      type: 'adjustment',
      reasonCode: 'opening_balance',
      onHandChange: 24,
    });

    // Again: those levels already have movements; plus unknown names and bad quantities.
    const again = await importCsv('opening-stock', `${csv}\nNOPE,BER-1,1\nIMP-1,XXX,1\nIMP-1,MUC-1,-3`, false);
    expectProblem(again, 422);
    expect(again.body.report.errors.map((e: { row: number; column: string | null }) => [e.row, e.column])).toEqual([
      [1, null],
      [2, null],
      [3, 'sku'],
      [4, 'warehouse_code'],
      [5, 'quantity'],
    ]);
  });

  it('exports products with the list filters, in a format that imports back unchanged', async () => {
    const response = await fetch(`${app.baseUrl}/api/v1/products/export.csv?q=IMP-&sort=sku`, {
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = await response.text();
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(rows.map((row) => row.sku)).toEqual(['IMP-1', 'IMP-2']);
    expect(rows[0]).toMatchObject({
      price: '19.99',
      cost: '7.40',
      currency: 'EUR',
      category: 'Office/IT accessories',
      attributes: 'color=red;size=m',
      status: 'active',
    });
    expect(rows[1].name).toBe('Imported, two');

    const reimport = await importCsv('products', text, true, admin);
    expect(reimport.body).toEqual({ dryRun: true, rows: 2, created: 0, updated: 2, errors: [] });

    expectProblem(await app.request('/api/v1/products/export.csv?sort=nope', { token: viewer }), 400);
    expectProblem(await app.request('/api/v1/products/export.csv'), 401);
  });

  it('exports the ledger with its filters', async () => {
    const response = await fetch(`${app.baseUrl}/api/v1/stock-movements/export.csv?q=IMP-1`, {
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(response.status).toBe(200);
    const rows = parse<Record<string, string>>(await response.text(), { columns: true });
    expect(rows).toEqual([
      expect.objectContaining({
        type: 'adjustment',
        sku: 'IMP-1',
        warehouse: 'BER-1',
        on_hand_change: '24',
        reason: 'opening_balance',
      }),
    ]);
  });
});
