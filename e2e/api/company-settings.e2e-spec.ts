import { randomUUID } from 'node:crypto';
import { COMPANY_SETTINGS_ID } from '@depot/contracts';
import { pdfPages } from './support/pdf';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies */

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('Company settings: the seller on every document', () => {
  let app: TestApp;
  let admin: string;
  let clerk: string;
  let warehouseId: string;
  let customerId: string;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, clerk] = await Promise.all([app.login('admin@depot.local'), app.login('clerk@depot.local')]);
    warehouseId = (
      await app.request('/api/v1/warehouses', {
        method: 'POST',
        token: admin,
        json: { code: 'SET-1', name: 'Settings' },
      })
    ).body.id;
    customerId = (
      await app.request('/api/v1/customers', {
        method: 'POST',
        token: admin,
        json: {
          code: 'NORD',
          name: 'Nordic Retail AB',
          billingAddress: 'Storgatan 1\n111 22 Stockholm',
          taxId: 'SE556677889901',
          paymentTermsDays: 14,
        },
      })
    ).body.id;
  });
  afterAll(() => app?.close());

  const settings = async () => (await app.request('/api/v1/settings/company', { token: clerk })).body;
  const patch = (json: Record<string, unknown>, token = admin) =>
    app.request('/api/v1/settings/company', { method: 'PATCH', token, json });

  async function fulfilledOrder(): Promise<string> {
    const product = await app.request('/api/v1/products', {
      method: 'POST',
      token: admin,
      json: { sku: `SET-${randomUUID().slice(0, 8)}`, name: 'Oak desk', priceMinor: 25000, currency: 'EUR' },
    });
    await app.request('/api/v1/stock/adjustments', {
      method: 'POST',
      token: admin,
      json: { productId: product.body.id, warehouseId, quantity: 2, reasonCode: 'found' },
    });
    const order = await app.request('/api/v1/sales-orders', {
      method: 'POST',
      token: admin,
      json: { customerId, warehouseId, lines: [{ productId: product.body.id, quantity: 2, taxRateBps: 1900 }] },
    });
    expect(order.status).toBe(201);
    await app.request(`/api/v1/sales-orders/${order.body.id}/confirm`, {
      method: 'POST',
      token: admin,
      json: { version: 1 },
    });
    await app.request(`/api/v1/sales-orders/${order.body.id}/fulfil`, {
      method: 'POST',
      token: admin,
      json: { version: 2 },
    });
    return order.body.id;
  }

  const issue = (orderId: string) =>
    app.request(`/api/v1/sales-orders/${orderId}/invoice`, { method: 'POST', token: admin, json: { version: 3 } });

  it('starts from the demo company, complete, readable by every signed-in user', async () => {
    const current = await settings();
    expect(current).toMatchObject({
      legalName: 'Depot Demo GmbH',
      countryCode: 'DE',
      vatId: 'DE123456789',
      iban: 'DE89370400440532013000',
      numberPrefixes: { invoice: 'INV', credit_note: 'CN', sales_order: 'SO', purchase_order: 'PO' },
      complete: true,
      missing: [],
      logoUrl: null,
    });
    expect((await app.request('/api/v1/settings/company')).status).toBe(401);
  });

  it('refuses malformed identifiers field by field and writes nothing', async () => {
    const before = await settings();
    const cases: [Record<string, unknown>, string][] = [
      [{ iban: 'DE89 3704 0044 0532 0130 01' }, 'iban'],
      [{ iban: 'not an iban' }, 'iban'],
      [{ bic: 'COBA' }, 'bic'],
      [{ vatId: 'DE12345678' }, 'vatId'],
      [{ vatId: '123456789' }, 'vatId'],
      [{ taxNumber: '12/345' }, 'taxNumber'],
      [{ countryCode: 'XX' }, 'countryCode'],
      [{ numberPrefixes: { invoice: 'inv-' } }, 'numberPrefixes.invoice'],
      [{ numberPrefixes: { receipt: 'R' } }, 'numberPrefixes.receipt'],
      [{ paymentTermsDays: 366 }, 'paymentTermsDays'],
      [{ website: 'javascript:alert(1)' }, 'website'],
      [{ defaultLanguage: 'fr' }, 'defaultLanguage'],
      [{ legalName: 'x'.repeat(201) }, 'legalName'],
    ];
    for (const [body, field] of cases) {
      const response = await patch({ version: before.version, ...body });
      expectProblem(response, 400, 'REQUEST.VALIDATION_FAILED');
      expect([field, response.body.errors.map((error: any) => error.field)]).toEqual([
        field,
        expect.arrayContaining([field]),
      ]);
    }
    expect((await settings()).version).toBe(before.version);
  });

  it('changes the settings with optimistic locking, normalises identifiers and records the change', async () => {
    const before = await settings();
    expectProblem(await patch({ version: before.version, legalName: 'Nope' }, clerk), 403);
    const changed = await patch({
      version: before.version,
      iban: 'gb82 west 1234 5698 7654 32',
      bic: 'westgb2l',
      registration: '',
      paymentTermsDays: 21,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      iban: 'GB82WEST12345698765432',
      bic: 'WESTGB2L',
      registration: null,
      paymentTermsDays: 21,
      version: before.version + 1,
    });
    expectProblem(await patch({ version: before.version, legalName: 'Stale' }), 409, 'REQUEST.VERSION_CONFLICT');
    // Nothing changed: no new version.
    const same = await patch({ version: before.version + 1, paymentTermsDays: 21 });
    expect(same.body.version).toBe(before.version + 1);
    const history = await app.request(
      `/api/v1/audit-events?entityType=company_settings&entityId=${COMPANY_SETTINGS_ID}`,
      { token: admin },
    );
    expect(history.body.items[0]).toMatchObject({ action: 'update' });
    expect(history.body.items[0].changes).toMatchObject({
      iban: { before: 'DE89370400440532013000', after: 'GB82WEST12345698765432' },
      paymentTermsDays: { before: 30, after: 21 },
    });
    // New partners without terms of their own get the company's.
    const fresh = await app.request('/api/v1/customers', {
      method: 'POST',
      token: admin,
      json: { code: 'TERMS', name: 'Terms default AB' },
    });
    expect(fresh.body.paymentTermsDays).toBe(21);
    // Back to the demo account for the tests below.
    await patch({ version: before.version + 1, iban: before.iban, bic: before.bic, registration: before.registration });
  });

  it('takes a PNG or JPEG logo within the size limit and serves it publicly under its own hash', async () => {
    const upload = (body: Buffer, type: string, token = admin) =>
      app.request('/api/v1/settings/company/logo', {
        method: 'PUT',
        token,
        body: new Uint8Array(body),
        headers: { 'content-type': type },
      });
    expectProblem(await upload(PNG, 'image/png', clerk), 403);
    expectProblem(await upload(Buffer.from('<svg onload="alert(1)"/>'), 'image/svg+xml'), 415);
    expectProblem(await upload(Buffer.from('GIF89a-not-a-png'), 'image/png'), 400, 'REQUEST.VALIDATION_FAILED');
    expectProblem(await upload(Buffer.concat([PNG, Buffer.alloc(600 * 1024)]), 'image/png'), 413);
    // The image parser is the logo's alone.
    expectProblem(
      await app.request('/api/v1/products', {
        method: 'POST',
        token: admin,
        body: PNG,
        headers: { 'content-type': 'image/png' },
      }),
      415,
    );

    const uploaded = await upload(PNG, 'image/png');
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.logoUrl).toMatch(/^\/api\/v1\/settings\/company\/logo\/[0-9a-f]{16}$/);
    const served = await fetch(`${app.baseUrl}${uploaded.body.logoUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

    const removed = await app.request('/api/v1/settings/company/logo', { method: 'DELETE', token: admin });
    expect(removed.body.logoUrl).toBeNull();
    expectProblem(await app.request(uploaded.body.logoUrl), 404, 'SETTINGS.LOGO_NOT_FOUND');
    expectProblem(await app.request('/api/v1/settings/company/logo/not-a-hash'), 404, 'SETTINGS.LOGO_NOT_FOUND');
    await upload(PNG, 'image/png');
  });

  it('prints the seller, buyer, VAT ids, totals and bank details on the invoice, frozen at issue', async () => {
    const invoice = (await issue(await fulfilledOrder())).body;
    expect(invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
    const pdf = await fetch(`${app.baseUrl}/api/v1/invoices/${invoice.id}/pdf`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const [page] = pdfPages(Buffer.from(await pdf.arrayBuffer()), 'invoice-en');
    for (const text of [
      'Depot Demo GmbH',
      'Lagerstraße 1',
      '10115 Berlin',
      'VAT id DE123456789',
      'Nordic Retail AB (NORD)',
      'VAT id SE556677889901',
      `Invoice ${invoice.number}`,
      'Total',
      '€595.00', // 2 × 250.00 net + 19 % tax
      'IBAN DE89 3704 0044 0532 0130 00',
      'BIC COBADEFFXXX',
    ]) {
      expect([text, page.includes(text)]).toEqual([text, true]);
    }

    // Later changes do not alter an issued invoice; new prefixes apply to the next documents.
    const current = await settings();
    await patch({ version: current.version, legalName: 'Depot Renamed GmbH', numberPrefixes: { invoice: 'RE' } });
    const html = await app.request(`/api/v1/invoices/${invoice.id}/html`, { token: admin });
    expect(html.text).toContain('Depot Demo GmbH');
    expect(html.text).not.toContain('Depot Renamed GmbH');
    const next = (await issue(await fulfilledOrder())).body;
    expect(next.number).toMatch(/^RE-\d{4}-\d{6}$/);
    expect((await app.request(`/api/v1/invoices/${next.id}/html`, { token: admin })).text).toContain(
      'Depot Renamed GmbH',
    );
  });

  it('refuses to issue an invoice while the settings are incomplete, and issues nothing', async () => {
    const orderId = await fulfilledOrder();
    const current = await settings();
    await patch({ version: current.version, iban: null, vatId: null, taxNumber: null });
    const { rows: before } = await app.db.query('SELECT count(*)::int AS n FROM invoices');
    const refused = await issue(orderId);
    expectProblem(refused, 409, 'SETTINGS.COMPANY_INCOMPLETE');
    expect(refused.body.missing).toEqual(['vatIdOrTaxNumber', 'iban']);
    const { rows: after } = await app.db.query('SELECT count(*)::int AS n FROM invoices');
    expect(after[0].n).toBe(before[0].n);
    const order = await app.request(`/api/v1/sales-orders/${orderId}`, { token: admin });
    expect(order.body.status).toBe('fulfilled');

    const restored = await patch({ version: current.version + 1, iban: current.iban, taxNumber: '12/345/67890' });
    expect(restored.body).toMatchObject({ complete: true, missing: [] });
    expect((await issue(orderId)).status).toBe(201);
  });
});
