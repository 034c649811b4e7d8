import { randomUUID } from 'node:crypto';
import { computeLineTotals } from '@depot/contracts';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies */

describe('Purchasing and sales: partners, orders, reservations, invoices', () => {
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
    const warehouse = await app.request('/api/v1/warehouses', {
      method: 'POST',
      token: admin,
      json: { code: 'ORD-1', name: 'Orders test warehouse' },
    });
    warehouseId = warehouse.body.id;
    supplierId = (await newPartner('suppliers', 'SUP-T')).id;
    customerId = (await newPartner('customers', 'CUS-T', { paymentTermsDays: 14 })).id;
  });

  afterAll(() => app?.close());

  async function newPartner(kind: 'suppliers' | 'customers', code: string, extra: Record<string, unknown> = {}) {
    const response = await app.request(`/api/v1/${kind}`, {
      method: 'POST',
      token: admin,
      json: { code, name: `Partner ${code}`, email: `${code.toLowerCase()}@example.com`, ...extra },
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  }

  async function newProduct(onHand = 0, priceMinor = 1999) {
    seq += 1;
    const response = await app.request('/api/v1/products', {
      method: 'POST',
      token: admin,
      json: {
        sku: `ORD-${seq}-${randomUUID().slice(0, 6)}`,
        name: `Order item ${seq}`,
        priceMinor,
        currency: 'EUR',
        costMinor: 850,
      },
    });
    expect(response.status).toBe(201);
    if (onHand > 0) {
      const adjusted = await app.request('/api/v1/stock/adjustments', {
        method: 'POST',
        token: admin,
        json: { productId: response.body.id, warehouseId, quantity: onHand, reasonCode: 'found' },
      });
      expect(adjusted.status).toBe(201);
    }
    return response.body as { id: string; sku: string };
  }

  const post = (path: string, json: unknown, token = clerk, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', token, json, headers });

  async function level(productId: string) {
    const { rows } = await app.db.query<{ on_hand: string; reserved: string; ledger: string }>(
      `SELECT l.on_hand, l.reserved,
              (SELECT sum(on_hand_change) FROM stock_movements m WHERE m.product_id = $1 AND m.warehouse_id = $2) AS ledger
         FROM stock_levels l WHERE l.product_id = $1 AND l.warehouse_id = $2`,
      [productId, warehouseId],
    );
    return {
      onHand: Number(rows[0]?.on_hand ?? 0),
      reserved: Number(rows[0]?.reserved ?? 0),
      ledger: Number(rows[0]?.ledger ?? 0),
    };
  }

  async function draftSalesOrder(lines: Record<string, unknown>[], token = clerk) {
    const response = await post('/api/v1/sales-orders', { customerId, warehouseId, lines }, token);
    expect(response.status).toBe(201);
    return response.body;
  }

  describe('suppliers and customers', () => {
    it('creates, searches, updates with optimistic locking, and refuses bad input', async () => {
      const supplier = await newPartner('suppliers', 'ZETA', { name: 'Zeta Tools', paymentTermsDays: 45 });
      const found = await app.request('/api/v1/suppliers?q=zeta', { token: viewer });
      expect(found.status).toBe(200);
      expect(found.body.items.map((item: any) => item.code)).toEqual(['ZETA']);
      // Same code is fine for the other kind, refused for the same kind (case-insensitively).
      await newPartner('customers', 'ZETA');
      expectProblem(await post('/api/v1/suppliers', { code: 'ZETA', name: 'Dup' }, admin), 409, 'PARTNERS.CODE_TAKEN');
      expectProblem(
        await post('/api/v1/suppliers', { code: 'bad code', name: '', email: 'nope', paymentTermsDays: 400 }, admin),
        400,
        'REQUEST.VALIDATION_FAILED',
      );
      const updated = await app.request(`/api/v1/suppliers/${supplier.id}`, {
        method: 'PATCH',
        token: admin,
        json: { version: 1, contactName: 'Zed', active: false },
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ contactName: 'Zed', active: false, version: 2 });
      expectProblem(
        await app.request(`/api/v1/suppliers/${supplier.id}`, {
          method: 'PATCH',
          token: admin,
          json: { version: 1, name: 'x' },
        }),
        409,
        'REQUEST.VERSION_CONFLICT',
      );
      // A supplier id is not a customer.
      expectProblem(
        await app.request(`/api/v1/customers/${supplier.id}`, { token: admin }),
        404,
        'SALES.CUSTOMER_NOT_FOUND',
      );
      // Inactive suppliers are refused on new orders.
      const product = await newProduct();
      expectProblem(
        await post('/api/v1/purchase-orders', {
          supplierId: supplier.id,
          warehouseId,
          lines: [{ productId: product.id, quantity: 1 }],
        }),
        409,
        'PARTNERS.INACTIVE',
      );
      // Viewers read but do not write.
      expectProblem(await post('/api/v1/customers', { code: 'NOPE', name: 'Nope' }, viewer), 403);
    });
  });

  describe('purchase orders', () => {
    it('goes draft -> submitted -> partially received -> received, writing receipts to the ledger', async () => {
      const a = await newProduct();
      const b = await newProduct();
      const created = await post('/api/v1/purchase-orders', {
        supplierId,
        warehouseId,
        expectedDate: '2026-12-24',
        lines: [
          { productId: a.id, quantity: 10 },
          { productId: b.id, quantity: 5, unitCostMinor: 1234 },
        ],
      });
      expect(created.status).toBe(201);
      const order = created.body;
      expect(order).toMatchObject({
        status: 'draft',
        version: 1,
        totalMinor: 10 * 850 + 5 * 1234,
        expectedDate: '2026-12-24',
      });
      expect(order.number).toMatch(/^PO-\d{4}-\d{6}$/);
      expect(order.history).toEqual([expect.objectContaining({ from: null, to: 'draft' })]);

      // Receiving a draft is an invalid transition.
      expectProblem(
        await post(`/api/v1/purchase-orders/${order.id}/receipts`, {
          lines: [{ lineId: order.lines[0].id, quantity: 1 }],
        }),
        409,
        'ORDERS.INVALID_TRANSITION',
      );
      // Edit the draft (lines replaced), then a stale version is refused.
      const edited = await app.request(`/api/v1/purchase-orders/${order.id}`, {
        method: 'PATCH',
        token: clerk,
        json: {
          version: 1,
          notes: 'Urgent',
          lines: [
            { productId: a.id, quantity: 12 },
            { productId: b.id, quantity: 5, unitCostMinor: 1234 },
          ],
        },
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ version: 2, notes: 'Urgent', totalMinor: 12 * 850 + 5 * 1234 });
      expectProblem(
        await post(`/api/v1/purchase-orders/${order.id}/submit`, { version: 1 }),
        409,
        'REQUEST.VERSION_CONFLICT',
      );
      const submitted = await post(`/api/v1/purchase-orders/${order.id}/submit`, { version: 2 });
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('submitted');
      // Editing after submission is refused.
      expectProblem(
        await app.request(`/api/v1/purchase-orders/${order.id}`, {
          method: 'PATCH',
          token: clerk,
          json: { version: 3, notes: 'x' },
        }),
        409,
        'ORDERS.INVALID_TRANSITION',
      );
      const incoming = await app.request(`/api/v1/products/${a.id}/incoming`, { token: viewer });
      expect(incoming.body.items).toEqual([
        expect.objectContaining({ warehouseId, quantity: 12, nextExpectedDate: '2026-12-24' }),
      ]);

      const [lineA, lineB] = submitted.body.lines;
      const partial = await post(`/api/v1/purchase-orders/${order.id}/receipts`, {
        lines: [{ lineId: lineA.id, quantity: 4 }],
      });
      expect(partial.status).toBe(200);
      expect(partial.body.status).toBe('partially_received');
      expect(partial.body.lines[0]).toMatchObject({ receivedQuantity: 4, openQuantity: 8 });
      expect(await level(a.id)).toMatchObject({ onHand: 4, ledger: 4 });
      // More than is open: refused, nothing written.
      expectProblem(
        await post(`/api/v1/purchase-orders/${order.id}/receipts`, { lines: [{ lineId: lineA.id, quantity: 9 }] }),
        409,
        'ORDERS.LINE_QUANTITY_EXCEEDED',
      );
      expectProblem(
        await post(`/api/v1/purchase-orders/${order.id}/receipts`, { lines: [{ lineId: randomUUID(), quantity: 1 }] }),
        409,
        'ORDERS.LINE_QUANTITY_EXCEEDED',
      );
      expect(await level(a.id)).toMatchObject({ onHand: 4 });
      // Cancelling after a receipt is refused.
      expectProblem(
        await post(`/api/v1/purchase-orders/${order.id}/cancel`, { version: partial.body.version }),
        409,
        'ORDERS.INVALID_TRANSITION',
      );

      const rest = await post(`/api/v1/purchase-orders/${order.id}/receipts`, {
        lines: [
          { lineId: lineA.id, quantity: 8 },
          { lineId: lineB.id, quantity: 5 },
        ],
      });
      expect(rest.body.status).toBe('received');
      expect(await level(a.id)).toMatchObject({ onHand: 12, ledger: 12 });
      expect(await level(b.id)).toMatchObject({ onHand: 5, ledger: 5 });
      expect(rest.body.history.map((step: any) => step.to)).toEqual([
        'draft',
        'submitted',
        'partially_received',
        'received',
      ]);
      expect(rest.body.history[1].actor.label).toBe('clerk@depot.local');
      expect((await app.request(`/api/v1/products/${a.id}/incoming`, { token: viewer })).body).toEqual({
        items: [],
        nextCursor: null,
        total: 0,
      });

      const { rows } = await app.db.query(
        `SELECT count(*)::int AS n FROM stock_movements WHERE source_type = 'purchase_order' AND source_id = $1 AND type = 'receipt'`,
        [order.id],
      );
      expect(rows[0].n).toBe(3);
      const listed = await app.request(`/api/v1/purchase-orders?status=received&productId=${a.id}`, { token: viewer });
      expect(listed.body.items.map((item: any) => item.id)).toEqual([order.id]);
    });

    it('cancels drafts and refuses unknown products, empty lines and bad dates', async () => {
      const product = await newProduct();
      const draft = await post('/api/v1/purchase-orders', {
        supplierId,
        warehouseId,
        lines: [{ productId: product.id, quantity: 1 }],
      });
      const cancelled = await post(`/api/v1/purchase-orders/${draft.body.id}/cancel`, {
        version: 1,
        note: 'Not needed',
      });
      expect(cancelled.body).toMatchObject({ status: 'cancelled' });
      expect(cancelled.body.history[1]).toMatchObject({ to: 'cancelled', note: 'Not needed' });
      expectProblem(
        await post(`/api/v1/purchase-orders/${draft.body.id}/submit`, { version: 2 }),
        409,
        'ORDERS.INVALID_TRANSITION',
      );
      expectProblem(
        await post('/api/v1/purchase-orders', {
          supplierId,
          warehouseId,
          lines: [{ productId: randomUUID(), quantity: 1 }],
        }),
        404,
        'CATALOG.PRODUCT_NOT_FOUND',
      );
      expectProblem(await post('/api/v1/purchase-orders', { supplierId, warehouseId, lines: [] }), 400);
      expectProblem(
        await post('/api/v1/purchase-orders', {
          supplierId,
          warehouseId,
          expectedDate: '2026-13-40',
          lines: [{ productId: product.id, quantity: 0 }],
        }),
        400,
      );
      expectProblem(
        await app.request(`/api/v1/purchase-orders/${randomUUID()}`, { token: viewer }),
        404,
        'PURCHASING.ORDER_NOT_FOUND',
      );
    });
  });

  describe('sales orders', () => {
    it('computes totals in minor units with half-up rounding per line', async () => {
      const product = await newProduct(0, 333);
      const order = await draftSalesOrder([
        { productId: product.id, quantity: 3, discountBps: 1250, taxRateBps: 1900 },
        { productId: product.id, quantity: 1, unitPriceMinor: 5, discountBps: 1000, taxRateBps: 700 },
      ]);
      // 3 x 333 = 999; discount 12.5 % = 124.875 -> 125; net 874; tax 19 % = 166.06 -> 166; total 1040.
      expect(order.lines[0]).toMatchObject({
        grossMinor: 999,
        discountMinor: 125,
        netMinor: 874,
        taxMinor: 166,
        totalMinor: 1040,
      });
      // 5; discount 0.5 -> 1 (half up); net 4; tax 0.28 -> 0; total 4.
      expect(order.lines[1]).toMatchObject({
        grossMinor: 5,
        discountMinor: 1,
        netMinor: 4,
        taxMinor: 0,
        totalMinor: 4,
      });
      expect(order).toMatchObject({
        grossMinor: 1004,
        discountMinor: 126,
        netMinor: 878,
        taxMinor: 166,
        totalMinor: 1044,
      });
      expect(
        computeLineTotals({ quantity: 3, unitPriceMinor: 333, discountBps: 1250, taxRateBps: 1900 }).totalMinor,
      ).toBe(1040);
      // A client cannot send totals.
      expectProblem(
        await post('/api/v1/sales-orders', {
          customerId,
          warehouseId,
          totalMinor: 1,
          lines: [{ productId: product.id, quantity: 1 }],
        }),
        400,
      );
      expectProblem(
        await post('/api/v1/sales-orders', {
          customerId,
          warehouseId,
          lines: [{ productId: product.id, quantity: 1, discountBps: 10001 }],
        }),
        400,
      );
      // A product priced in another currency needs an explicit price.
      expectProblem(
        await post('/api/v1/sales-orders', {
          customerId,
          warehouseId,
          currency: 'USD',
          lines: [{ productId: product.id, quantity: 1 }],
        }),
        400,
        'ORDERS.CURRENCY_MISMATCH',
      );
    });

    it('confirms all lines or none, naming the short ones', async () => {
      const plenty = await newProduct(10);
      const scarce = await newProduct(2);
      const order = await draftSalesOrder([
        { productId: plenty.id, quantity: 5 },
        { productId: scarce.id, quantity: 3 },
      ]);
      const refused = await post(`/api/v1/sales-orders/${order.id}/confirm`, { version: 1 });
      expectProblem(refused, 409, 'SALES.LINES_SHORT');
      expect(refused.body.shortLines).toEqual([
        { lineId: order.lines[1].id, productId: scarce.id, sku: scarce.sku, requested: 3, available: 2 },
      ]);
      // Nothing was reserved, not even the line that had enough.
      expect(await level(plenty.id)).toMatchObject({ onHand: 10, reserved: 0 });
      const availability = await app.request(
        `/api/v1/stock-availability?warehouseId=${warehouseId}&productIds=${plenty.id},${scarce.id}`,
        { token: viewer },
      );
      expect(availability.body.items).toEqual([
        { productId: plenty.id, warehouseId, onHand: 10, reserved: 0, available: 10 },
        { productId: scarce.id, warehouseId, onHand: 2, reserved: 0, available: 2 },
      ]);
      expectProblem(
        await app.request(`/api/v1/stock-availability?warehouseId=${warehouseId}&productIds=nope`, { token: viewer }),
        400,
      );
    });

    it('confirms, fulfils partially, cancels and releases, invoices, and records who did what', async () => {
      const product = await newProduct(10, 1000);
      const order = await draftSalesOrder([{ productId: product.id, quantity: 6, taxRateBps: 1900 }]);
      const confirmed = await post(`/api/v1/sales-orders/${order.id}/confirm`, { version: 1 });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ status: 'confirmed', version: 2 });
      expect(confirmed.body.lines[0]).toMatchObject({ reservedQuantity: 6, fulfilledQuantity: 0 });
      expect(await level(product.id)).toMatchObject({ onHand: 10, reserved: 6 });
      expectProblem(
        await post(`/api/v1/sales-orders/${order.id}/confirm`, { version: 2 }),
        409,
        'ORDERS.INVALID_TRANSITION',
      );
      expectProblem(
        await post(`/api/v1/sales-orders/${order.id}/invoice`, { version: 2 }, admin),
        409,
        'ORDERS.INVALID_TRANSITION',
      );

      const lineId = confirmed.body.lines[0].id;
      expectProblem(
        await post(`/api/v1/sales-orders/${order.id}/fulfil`, { version: 2, lines: [{ lineId, quantity: 7 }] }),
        409,
        'ORDERS.LINE_QUANTITY_EXCEEDED',
      );
      const partial = await post(`/api/v1/sales-orders/${order.id}/fulfil`, {
        version: 2,
        lines: [{ lineId, quantity: 4 }],
      });
      expect(partial.body).toMatchObject({ status: 'partially_fulfilled', version: 3 });
      expect(partial.body.lines[0]).toMatchObject({ reservedQuantity: 2, fulfilledQuantity: 4 });
      expect(await level(product.id)).toMatchObject({ onHand: 6, reserved: 2, ledger: 6 });

      // A second order: confirm then cancel releases its whole reservation.
      const other = await draftSalesOrder([{ productId: product.id, quantity: 3 }]);
      const otherConfirmed = await post(`/api/v1/sales-orders/${other.id}/confirm`, { version: 1 });
      expect(await level(product.id)).toMatchObject({ onHand: 6, reserved: 5 });
      const cancelled = await post(`/api/v1/sales-orders/${other.id}/cancel`, {
        version: otherConfirmed.body.version,
        note: 'Customer cancelled',
      });
      expect(cancelled.body.status).toBe('cancelled');
      expect(await level(product.id)).toMatchObject({ onHand: 6, reserved: 2 });
      const { rows: releases } = await app.db.query(
        `SELECT reserved_change FROM stock_movements WHERE source_id = $1 AND type = 'release'`,
        [other.id],
      );
      expect(releases.map((row: any) => Number(row.reserved_change))).toEqual([-3]);

      const fulfilled = await post(`/api/v1/sales-orders/${order.id}/fulfil`, { version: 3 });
      expect(fulfilled.body).toMatchObject({ status: 'fulfilled' });
      expect(await level(product.id)).toMatchObject({ onHand: 4, reserved: 0, ledger: 4 });
      expectProblem(
        await post(`/api/v1/sales-orders/${order.id}/cancel`, { version: 4 }),
        409,
        'ORDERS.INVALID_TRANSITION',
      );

      // Clerks cannot invoice; admins can.
      expectProblem(await post(`/api/v1/sales-orders/${order.id}/invoice`, { version: 4 }, clerk), 403);
      const invoice = await post(`/api/v1/sales-orders/${order.id}/invoice`, { version: 4 }, admin);
      expect(invoice.status).toBe(201);
      expect(invoice.body).toMatchObject({
        kind: 'invoice',
        salesOrderId: order.id,
        totalMinor: 7140,
        balanceMinor: 7140,
        paymentStatus: 'unpaid',
        customer: expect.objectContaining({ id: customerId, name: 'Partner CUS-T' }),
      });
      expect(invoice.body.number).toMatch(/^INV-\d{4}-\d{6}$/);
      const after = await app.request(`/api/v1/sales-orders/${order.id}`, { token: viewer });
      expect(after.body).toMatchObject({ status: 'invoiced', invoiceId: invoice.body.id });
      expect(after.body.history.map((step: any) => step.to)).toEqual([
        'draft',
        'confirmed',
        'partially_fulfilled',
        'fulfilled',
        'invoiced',
      ]);
      const audit = await app.request(`/api/v1/audit-events?entityType=sales_order&entityId=${order.id}`, {
        token: admin,
      });
      expect(audit.body.items.map((event: any) => event.action)).toEqual(
        expect.arrayContaining(['create', 'confirmed', 'partially_fulfilled', 'fulfilled', 'invoiced']),
      );
    });
  });

  describe('invoices', () => {
    async function fulfilledOrder(quantity = 2, priceMinor = 1000) {
      const product = await newProduct(quantity, priceMinor);
      const order = await draftSalesOrder([{ productId: product.id, quantity, taxRateBps: 1000 }]);
      await post(`/api/v1/sales-orders/${order.id}/confirm`, { version: 1 });
      await post(`/api/v1/sales-orders/${order.id}/fulfil`, { version: 2 });
      return order.id as string;
    }

    it('records payments up to the balance, credits, renders PDF and HTML, and stays immutable', async () => {
      const orderId = await fulfilledOrder(2, 1000); // 2000 net + 10 % = 2200
      const invoice = (await post(`/api/v1/sales-orders/${orderId}/invoice`, { version: 3 }, admin)).body;
      const partlyPaid = await post(
        `/api/v1/invoices/${invoice.id}/payments`,
        { amountMinor: 1000, method: 'bank_transfer', reference: 'ref-1' },
        admin,
      );
      expect(partlyPaid.status).toBe(201);
      expect(partlyPaid.body).toMatchObject({ paidMinor: 1000, balanceMinor: 1200, paymentStatus: 'partially_paid' });
      expectProblem(
        await post(`/api/v1/invoices/${invoice.id}/payments`, { amountMinor: 1201, method: 'cash' }, admin),
        409,
        'SALES.INVOICE_OVERPAID',
      );
      expectProblem(
        await post(`/api/v1/invoices/${invoice.id}/payments`, { amountMinor: 0, method: 'gold' }, admin),
        400,
      );
      const credit = await post(
        `/api/v1/invoices/${invoice.id}/credit-notes`,
        { reason: 'Damaged in transit', amountMinor: 200 },
        admin,
      );
      expect(credit.status).toBe(201);
      expect(credit.body).toMatchObject({
        kind: 'credit_note',
        creditedInvoiceId: invoice.id,
        totalMinor: 200,
        paymentStatus: null,
      });
      expect(credit.body.number).toMatch(/^CN-\d{4}-\d{6}$/);
      const paid = await post(`/api/v1/invoices/${invoice.id}/payments`, { amountMinor: 1000, method: 'card' }, admin);
      expect(paid.body).toMatchObject({ paidMinor: 2000, creditedMinor: 200, balanceMinor: 0, paymentStatus: 'paid' });
      expect(paid.body.creditNoteIds).toEqual([credit.body.id]);
      expectProblem(
        await post(`/api/v1/invoices/${credit.body.id}/payments`, { amountMinor: 1, method: 'card' }, admin),
        409,
        'SALES.INVOICE_NOT_PAYABLE',
      );
      expectProblem(
        await post(`/api/v1/invoices/${invoice.id}/credit-notes`, { reason: 'Too much', amountMinor: 2001 }, admin),
        409,
        'SALES.INVOICE_OVERPAID',
      );

      const pdf = await fetch(`${app.baseUrl}/api/v1/invoices/${invoice.id}/pdf`, {
        headers: { authorization: `Bearer ${viewer}` },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toContain(`${invoice.number}.pdf`);
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(1000);
      const html = await app.request(`/api/v1/invoices/${invoice.id}/html`, { token: viewer });
      expect(html.headers.get('content-type')).toContain('text/html');
      expect(html.text).toContain(invoice.number);
      expect(html.text).toContain('Partner CUS-T');

      await expect(app.db.query('UPDATE invoices SET total_minor = 1 WHERE id = $1', [invoice.id])).rejects.toThrow(
        /immutable/,
      );
      await expect(app.db.query('DELETE FROM invoice_payments WHERE invoice_id = $1', [invoice.id])).rejects.toThrow(
        /immutable/,
      );
      const listed = await app.request('/api/v1/invoices?paymentStatus=paid', { token: viewer });
      expect(listed.body.items.map((item: any) => item.id)).toContain(invoice.id);
      expectProblem(
        await app.request(`/api/v1/invoices/${randomUUID()}/pdf`, { token: viewer }),
        404,
        'SALES.INVOICE_NOT_FOUND',
      );
    });

    it('numbers concurrently issued invoices without gaps or duplicates', async () => {
      const orders = [];
      for (let index = 0; index < 8; index += 1) orders.push(await fulfilledOrder(1, 500));
      const { rows: before } = await app.db.query(
        `SELECT coalesce(max(sequence), 0) AS max FROM invoices WHERE kind = 'invoice'`,
      );
      const responses = await Promise.all(
        orders.map((id) => post(`/api/v1/sales-orders/${id}/invoice`, { version: 3 }, admin)),
      );
      expect(responses.map((response) => response.status)).toEqual(orders.map(() => 201));
      const sequences = responses.map((response) => Number(response.body.number.slice(-6))).sort((a, b) => a - b);
      const start = Number(before[0].max) + 1;
      expect(sequences).toEqual(Array.from({ length: 8 }, (_, index) => start + index));
    });
  });

  describe('correctness under load (QUALITY R3, R4, R5)', () => {
    it('R3: 50 concurrent confirmations with one Idempotency-Key reserve once', async () => {
      const product = await newProduct(100);
      const order = await draftSalesOrder([{ productId: product.id, quantity: 7 }]);
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          post(`/api/v1/sales-orders/${order.id}/confirm`, { version: 1 }, clerk, { 'idempotency-key': key }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
      for (const response of responses.filter((candidate) => candidate.status === 409)) {
        expect(response.body.code).toBe('REQUEST.IDEMPOTENCY_KEY_IN_PROGRESS');
      }
      expect(await level(product.id)).toMatchObject({ onHand: 100, reserved: 7 });
      const replay = await post(`/api/v1/sales-orders/${order.id}/confirm`, { version: 1 }, clerk, {
        'idempotency-key': key,
      });
      expect(replay.status).toBe(200);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body.version).toBe(2);
      expectProblem(
        await post(`/api/v1/sales-orders/${order.id}/confirm`, { version: 2 }, clerk, { 'idempotency-key': key }),
        422,
        'REQUEST.IDEMPOTENCY_KEY_REUSED',
      );
      // Creating with a key: one order however often it is sent.
      const createKey = randomUUID();
      const creates = await Promise.all(
        Array.from({ length: 10 }, () =>
          post(
            '/api/v1/sales-orders',
            { customerId, warehouseId, notes: createKey, lines: [{ productId: product.id, quantity: 1 }] },
            clerk,
            {
              'idempotency-key': createKey,
            },
          ),
        ),
      );
      expect(creates.some((response) => response.status === 201)).toBe(true);
      const { rows } = await app.db.query('SELECT count(*)::int AS n FROM sales_orders WHERE notes = $1', [createKey]);
      expect(rows[0].n).toBe(1);
    });

    it('R4: 10 concurrent edits with the same version give one success and nine 409', async () => {
      const product = await newProduct();
      const order = await draftSalesOrder([{ productId: product.id, quantity: 1 }]);
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          app.request(`/api/v1/sales-orders/${order.id}`, {
            method: 'PATCH',
            token: clerk,
            json: { version: 1, notes: `edit ${index}` },
          }),
        ),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, ...Array(9).fill(409)]);
      for (const response of responses.filter((candidate) => candidate.status === 409)) {
        expect(response.body.code).toBe('REQUEST.VERSION_CONFLICT');
      }
      const after = await app.request(`/api/v1/sales-orders/${order.id}`, { token: viewer });
      expect(after.body.version).toBe(2);
    });

    it('R5: 200 concurrent confirmations competing for the last 10 units sell exactly 10', async () => {
      const product = await newProduct(10);
      const orders = [];
      for (let index = 0; index < 200; index += 20) {
        orders.push(
          ...(await Promise.all(
            Array.from({ length: 20 }, () => draftSalesOrder([{ productId: product.id, quantity: 1 }])),
          )),
        );
      }
      const responses = await Promise.all(
        orders.map((order) => post(`/api/v1/sales-orders/${order.id}/confirm`, { version: 1 })),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(10);
      expect(statuses.filter((status) => status === 409)).toHaveLength(190);
      for (const response of responses.filter((candidate) => candidate.status === 409)) {
        expect(response.body.code).toBe('SALES.LINES_SHORT');
      }
      expect(await level(product.id)).toMatchObject({ onHand: 10, reserved: 10, ledger: 10 });
      const { rows } = await app.db.query(
        `SELECT count(*)::int AS n FROM sales_orders so JOIN sales_order_lines l ON l.sales_order_id = so.id
          WHERE l.product_id = $1 AND so.status = 'confirmed'`,
        [product.id],
      );
      expect(rows[0].n).toBe(10);
      const consistency = await app.request('/api/v1/stock/consistency', { token: viewer });
      expect(consistency.body.mismatches).toEqual([]);
    }, 90_000);
  });

  describe('dashboard', () => {
    it('sums stock value, low stock, open orders and sales per day', async () => {
      const dashboard = await app.request('/api/v1/dashboard?days=7', { token: viewer });
      expect(dashboard.status).toBe(200);
      expect(dashboard.body).toMatchObject({ currency: 'EUR', stockValueMinor: expect.any(Number) });
      expect(dashboard.body.salesByDay).toHaveLength(7);
      expect(dashboard.body.openSalesOrders).toBeGreaterThanOrEqual(10);
      expect(dashboard.body.openPurchaseOrders).toBeGreaterThanOrEqual(0);
      const today = dashboard.body.salesByDay[6];
      expect(today.date).toBe(new Date().toISOString().slice(0, 10));
      expect(today.orders).toBeGreaterThan(0);
      expect(dashboard.body.topProducts.length).toBeGreaterThan(0);
      const { rows } = await app.db.query(
        `SELECT coalesce(sum(l.on_hand * coalesce(p.cost_minor, p.price_minor)), 0) AS value
           FROM stock_levels l JOIN products p ON p.id = l.product_id WHERE p.currency = 'EUR'`,
      );
      expect(dashboard.body.stockValueMinor).toBe(Number(rows[0].value));
      expectProblem(await app.request('/api/v1/dashboard?days=0', { token: viewer }), 400);
    });
  });
});
