import { randomUUID } from 'node:crypto';
import { pdfPages } from './support/pdf';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies */

describe('Taxes: rates with validity, product classes, customer treatments', () => {
  let app: TestApp;
  let admin: string;
  let clerk: string;
  let viewer: string;
  let warehouseId: string;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, clerk, viewer] = await Promise.all([
      app.login('admin@depot.local'),
      app.login('clerk@depot.local'),
      app.login('viewer@depot.local'),
    ]);
    warehouseId = (await post('/api/v1/warehouses', { code: 'TAX-1', name: 'Tax depot' })).body.id;
  });
  afterAll(() => app?.close());

  const post = (path: string, json: unknown, token = admin) => app.request(path, { method: 'POST', token, json });
  const patch = (path: string, json: unknown, token = admin) => app.request(path, { method: 'PATCH', token, json });

  async function product(taxClass?: string, priceMinor = 10000) {
    const response = await post('/api/v1/products', {
      sku: `TAX-${randomUUID().slice(0, 8)}`,
      name: `Taxed ${taxClass ?? 'default'}`,
      priceMinor,
      currency: 'EUR',
      ...(taxClass ? { taxClass } : {}),
    });
    expect(response.status).toBe(201);
    await post('/api/v1/stock/adjustments', {
      productId: response.body.id,
      warehouseId,
      quantity: 20,
      reasonCode: 'found',
    });
    return response.body;
  }

  async function customer(extra: Record<string, unknown> = {}) {
    const response = await post('/api/v1/customers', {
      code: `T-${randomUUID().slice(0, 6).toUpperCase()}`,
      name: 'Taxed customer',
      email: 'tax@example.com',
      ...extra,
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('lists the rates of each class with their validity, and refuses overlapping periods', async () => {
    const rates = (await app.request('/api/v1/settings/tax-rates', { token: viewer })).body;
    const current = rates.filter((rate: any) => rate.validTo === null);
    expect(current.map((rate: any) => [rate.taxClass, rate.rateBps])).toEqual([
      ['standard', 1900],
      ['reduced', 700],
      ['zero', 0],
    ]);
    expect(rates.find((rate: any) => rate.rateBps === 1600)).toMatchObject({
      validFrom: '2020-07-01',
      validTo: '2021-01-01',
    });

    const standard = current[0];
    expectProblem(
      await post('/api/v1/settings/tax-rates', {
        name: 'Standard 21 %',
        taxClass: 'standard',
        rateBps: 2100,
        validFrom: '2030-01-01',
      }),
      409,
      'TAXES.RATE_OVERLAP',
    );
    expectProblem(
      await post('/api/v1/settings/tax-rates', {
        name: 'x',
        taxClass: 'luxury',
        rateBps: 2500,
        validFrom: '2030-01-01',
      }),
      400,
    );
    expectProblem(
      await post('/api/v1/settings/tax-rates', {
        name: 'Backwards',
        taxClass: 'zero',
        rateBps: 0,
        validFrom: '2030-01-01',
        validTo: '2029-01-01',
      }),
      400,
    );
    expectProblem(
      await post(
        '/api/v1/settings/tax-rates',
        { name: 'x', taxClass: 'standard', rateBps: 2100, validFrom: '2030-01-01' },
        clerk,
      ),
      403,
    );
    // A rate change: end the current rate, then the new one starts that day.
    const ended = await patch(`/api/v1/settings/tax-rates/${standard.id}`, {
      version: standard.version,
      validTo: '2030-01-01',
    });
    expect(ended.body).toMatchObject({ validTo: '2030-01-01', version: standard.version + 1 });
    const next = await post('/api/v1/settings/tax-rates', {
      name: 'Standard 21 %',
      taxClass: 'standard',
      rateBps: 2100,
      validFrom: '2030-01-01',
    });
    expect(next.status).toBe(201);
    expect(next.headers.get('location')).toBe(`/api/v1/settings/tax-rates/${next.body.id}`);
  });

  it('defaults a line to the product class rate for domestic customers and to 0 % for reverse charge and export', async () => {
    const [standard, reduced, zero] = [await product(), await product('reduced'), await product('zero')];
    expect(standard.taxClass).toBe('standard');
    const lines = [standard, reduced, zero].map((item) => ({ productId: item.id, quantity: 1 }));

    const domestic = await customer();
    const order = await post('/api/v1/sales-orders', { customerId: domestic.id, warehouseId, lines }, clerk);
    expect(order.body.lines.map((line: any) => line.taxRateBps)).toEqual([1900, 700, 0]);
    expect(order.body).toMatchObject({ netMinor: 30000, taxMinor: 2600, totalMinor: 32600 });
  });

  it('needs the VAT id for reverse charge, and prints the tax summary and the legal note on the invoice', async () => {
    const refused = await post('/api/v1/customers', {
      code: `RC-${randomUUID().slice(0, 6).toUpperCase()}`,
      name: 'No VAT id GmbH',
      taxTreatment: 'eu_reverse_charge',
    });
    expectProblem(refused, 400, 'REQUEST.VALIDATION_FAILED');
    expect(refused.body.errors[0].field).toBe('taxId');

    const business = await customer({
      name: 'Alpine Outfitters GmbH',
      taxId: 'ATU12345678',
      taxTreatment: 'eu_reverse_charge',
    });
    const item = await product(undefined, 25000);
    const order = await post('/api/v1/sales-orders', {
      customerId: business.id,
      warehouseId,
      lines: [{ productId: item.id, quantity: 2 }],
    });
    expect(order.body).toMatchObject({ netMinor: 50000, taxMinor: 0, totalMinor: 50000 });
    await post(`/api/v1/sales-orders/${order.body.id}/confirm`, { version: 1 });
    await post(`/api/v1/sales-orders/${order.body.id}/fulfil`, { version: 2 });
    const invoice = (await post(`/api/v1/sales-orders/${order.body.id}/invoice`, { version: 3 })).body;
    expect(invoice.customer.taxTreatment).toBe('eu_reverse_charge');
    const pdf = await fetch(`${app.baseUrl}/api/v1/invoices/${invoice.id}/pdf`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const [page] = pdfPages(Buffer.from(await pdf.arrayBuffer()), 'invoice-reverse-charge-en');
    for (const text of [
      'VAT id ATU12345678',
      'VAT 0 % on €500.00',
      'Reverse charge: VAT is to be accounted for by the recipient',
      '€500.00',
    ]) {
      expect([text, page.includes(text)]).toEqual([text, true]);
    }
  });

  it('refuses a rate other than the default without sales.tax.override, and lets clerks set one', async () => {
    const domestic = await customer();
    const item = await product();
    const custom = await post(
      '/api/v1/sales-orders',
      { customerId: domestic.id, warehouseId, lines: [{ productId: item.id, quantity: 1, taxRateBps: 700 }] },
      clerk,
    );
    expect(custom.status).toBe(201);
    expect(custom.body.lines[0].taxRateBps).toBe(700);

    // An integration whose key may take orders but not choose tax rates.
    const key = await post('/api/v1/api-keys', {
      name: 'order intake',
      scopes: ['sales.orders.read', 'sales.orders.write', 'sales.customers.read', 'catalog.products.read'],
    });
    expect(key.status).toBe(201);
    const intake = (json: unknown) =>
      app.request('/api/v1/sales-orders', { method: 'POST', json, headers: { 'x-api-key': key.body.key } });
    const refused = await intake({
      customerId: domestic.id,
      warehouseId,
      lines: [{ productId: item.id, quantity: 1, taxRateBps: 700 }],
    });
    expectProblem(refused, 403, 'AUTH.FORBIDDEN');
    expect(refused.body.detail).toContain('19 %');
    const defaulted = await intake({
      customerId: domestic.id,
      warehouseId,
      lines: [{ productId: item.id, quantity: 1, taxRateBps: 1900 }],
    });
    expect(defaulted.status).toBe(201);
  });
});
