import { randomUUID } from 'node:crypto';
import { pdfPages } from './support/pdf';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

describe('Business documents: order confirmation, delivery note, purchase order', () => {
  let app: TestApp;
  let admin: string;
  let viewer: string;
  let warehouseId: string;
  let customerId: string;
  let supplierId: string;
  let productId: string;

  beforeAll(async () => {
    app = await startTestApp();
    [admin, viewer] = await Promise.all([app.login('admin@depot.local'), app.login('viewer@depot.local')]);
    const post = async (path: string, json: unknown) => {
      const response = await app.request(path, { method: 'POST', token: admin, json });
      expect([path, response.status]).toEqual([path, 201]);
      return response.body;
    };
    warehouseId = (
      await post('/api/v1/warehouses', { code: 'DOC-1', name: 'Docs depot', address: 'Hafenweg 3\n20457 Hamburg' })
    ).id;
    customerId = (
      await post('/api/v1/customers', {
        code: 'ALPS',
        name: 'Alpine Outfitters GmbH',
        billingAddress: 'Bergstraße 9\n6020 Innsbruck\nAustria',
        shippingAddress: 'Lager Süd, Industriezone 4\n6020 Innsbruck\nAustria',
        taxId: 'ATU12345678',
      })
    ).id;
    supplierId = (
      await post('/api/v1/suppliers', {
        code: 'TIMBER',
        name: 'Timber & Sons Ltd',
        contactName: 'Jana Novak',
        billingAddress: '1 Mill Lane\nLeeds LS1 4AB\nUnited Kingdom',
      })
    ).id;
    productId = (
      await post('/api/v1/products', {
        sku: `DOC-${randomUUID().slice(0, 6)}`,
        name: 'Walnut side table',
        priceMinor: 12900,
        currency: 'EUR',
      })
    ).id;
    await post('/api/v1/stock/adjustments', { productId, warehouseId, quantity: 10, reasonCode: 'found' });
  });
  afterAll(() => app?.close());

  const action = (path: string, json: unknown) => app.request(path, { method: 'POST', token: admin, json });
  async function pdf(path: string, screenshot: string): Promise<string> {
    const response = await fetch(`${app.baseUrl}${path}`, { headers: { authorization: `Bearer ${viewer}` } });
    expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, 'application/pdf']);
    return pdfPages(Buffer.from(await response.arrayBuffer()), screenshot).join('\n');
  }

  it('prints the order confirmation once the order is confirmed, and the delivery note once something shipped', async () => {
    const order = (
      await action('/api/v1/sales-orders', {
        customerId,
        warehouseId,
        lines: [{ productId, quantity: 4, taxRateBps: 2000 }],
      })
    ).body;
    const confirmation = `/api/v1/sales-orders/${order.id}/confirmation`;
    const deliveryNote = `/api/v1/sales-orders/${order.id}/delivery-note`;
    expectProblem(await app.request(`${confirmation}/pdf`, { token: viewer }), 409, 'DOCUMENTS.NOT_AVAILABLE');

    const confirmed = (await action(`/api/v1/sales-orders/${order.id}/confirm`, { version: 1 })).body;
    const text = await pdf(`${confirmation}/pdf`, 'order-confirmation-en');
    for (const expected of [
      `Order confirmation ${order.number}`,
      'Depot Demo GmbH',
      'VAT id DE123456789',
      'Alpine Outfitters GmbH',
      'VAT id ATU12345678',
      'Lager Süd, Industriezone 4',
      'Walnut side table',
      '€516.00', // 4 × 129.00
      '€619.20', // + 20 % tax
    ]) {
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    }
    const html = await app.request(`${confirmation}/html`, { token: viewer });
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('€619.20');

    expectProblem(await app.request(`${deliveryNote}/pdf`, { token: viewer }), 409, 'DOCUMENTS.NOT_AVAILABLE');
    const lineId = confirmed.lines[0].id;
    expect(
      (await action(`/api/v1/sales-orders/${order.id}/fulfil`, { version: 2, lines: [{ lineId, quantity: 3 }] }))
        .status,
    ).toBe(200);
    const note = await pdf(`${deliveryNote}/pdf`, 'delivery-note-en');
    for (const expected of [
      `Delivery note ${order.number}`,
      'Ship to',
      'Lager Süd',
      'Docs depot',
      'Hafenweg 3',
      'To follow',
      '3 items shipped',
    ]) {
      expect([expected, note.includes(expected)]).toEqual([expected, true]);
    }
    // A packing slip carries no prices.
    expect(note).not.toMatch(/€/);
  });

  it('prints a submitted purchase order for the supplier, with where and by when to deliver', async () => {
    const order = (
      await action('/api/v1/purchase-orders', {
        supplierId,
        warehouseId,
        expectedDate: '2027-01-15',
        lines: [{ productId, quantity: 12, unitCostMinor: 4550 }],
      })
    ).body;
    const path = `/api/v1/purchase-orders/${order.id}/document`;
    expectProblem(await app.request(`${path}/pdf`, { token: viewer }), 409, 'DOCUMENTS.NOT_AVAILABLE');
    expect((await action(`/api/v1/purchase-orders/${order.id}/submit`, { version: 1 })).status).toBe(200);
    const text = await pdf(`${path}/pdf`, 'purchase-order-en');
    for (const expected of [
      `Purchase order ${order.number}`,
      'Timber & Sons Ltd',
      'Attn. Jana Novak',
      'Deliver to',
      'Hafenweg 3',
      'Deliver by: Jan 15, 2027',
      '€546.00', // 12 × 45.50
      `Please quote ${order.number}`,
    ]) {
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    }
    const download = await fetch(`${app.baseUrl}${path}/pdf`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="purchase-order-${order.number}.pdf"`,
    );
  });

  it('answers a wrong format, an unknown order and a missing permission with problem+json', async () => {
    expectProblem(await app.request(`/api/v1/purchase-orders/${randomUUID()}/document/docx`, { token: viewer }), 400);
    expectProblem(
      await app.request(`/api/v1/sales-orders/${randomUUID()}/confirmation/pdf`, { token: viewer }),
      404,
      'SALES.ORDER_NOT_FOUND',
    );
    expectProblem(await app.request(`/api/v1/sales-orders/${randomUUID()}/delivery-note/pdf`), 401);
  });
});
