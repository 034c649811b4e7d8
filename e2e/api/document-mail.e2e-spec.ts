import { randomUUID } from 'node:crypto';
import { closedPort, eventually, SmtpSink } from './support/mail';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies */

/** A customer, a supplier, stock, and the ways to an invoice and a purchase order. */
async function businessOf(app: TestApp, token: string) {
  const post = async (path: string, json: unknown, expected = 201) => {
    const response = await app.request(path, { method: 'POST', token, json });
    expect([path, response.status]).toEqual([path, expected]);
    return response.body;
  };
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const warehouseId = (await post('/api/v1/warehouses', { code: `ML-${tag}`, name: 'Mail depot' })).id;
  const customer = await post('/api/v1/customers', {
    code: `C-${tag}`,
    name: 'Nordic Retail AB',
    email: `orders-${tag.toLowerCase()}@nordic.example`,
  });
  const silent = await post('/api/v1/customers', { code: `S-${tag}`, name: 'No Mail Oy' });
  const supplier = await post('/api/v1/suppliers', {
    code: `P-${tag}`,
    name: 'Timber & Sons',
    email: `sales-${tag.toLowerCase()}@timber.example`,
  });
  const product = await post('/api/v1/products', {
    sku: `ML-${tag}`,
    name: 'Oak desk',
    priceMinor: 25000,
    currency: 'EUR',
  });
  await post('/api/v1/stock/adjustments', { productId: product.id, warehouseId, quantity: 50, reasonCode: 'found' });
  return {
    customer,
    silent,
    supplier,
    async invoice(customerId: string = customer.id) {
      const order = await post('/api/v1/sales-orders', {
        customerId,
        warehouseId,
        lines: [{ productId: product.id, quantity: 1, taxRateBps: 1900 }],
      });
      await post(`/api/v1/sales-orders/${order.id}/confirm`, { version: 1 }, 200);
      await post(`/api/v1/sales-orders/${order.id}/fulfil`, { version: 2 }, 200);
      const invoice = await post(`/api/v1/sales-orders/${order.id}/invoice`, { version: 3 });
      return { order, invoice };
    },
    async draftOrder() {
      return post('/api/v1/sales-orders', {
        customerId: customer.id,
        warehouseId,
        lines: [{ productId: product.id, quantity: 1 }],
      });
    },
    async purchaseOrder() {
      const order = await post('/api/v1/purchase-orders', {
        supplierId: supplier.id,
        warehouseId,
        lines: [{ productId: product.id, quantity: 5, unitCostMinor: 9000 }],
      });
      await post(`/api/v1/purchase-orders/${order.id}/submit`, { version: 1 }, 200);
      return order;
    },
  };
}

describe('E-mailing documents to customers and suppliers', () => {
  describe('through the development mailbox', () => {
    let app: TestApp;
    let admin: string;
    let clerk: string;
    let business: Awaited<ReturnType<typeof businessOf>>;

    beforeAll(async () => {
      app = await startTestApp();
      [admin, clerk] = await Promise.all([app.login('admin@depot.local'), app.login('clerk@depot.local')]);
      business = await businessOf(app, admin);
    });
    afterAll(() => app?.close());

    const send = (path: string, json: unknown = {}, token = admin) =>
      app.request(path, { method: 'POST', token, json });

    it('queues the invoice with its PDF to the customer, delivers it, and shows it on the invoice', async () => {
      const { invoice } = await business.invoice();
      const queued = await send(`/api/v1/invoices/${invoice.id}/email`);
      expect(queued.status).toBe(202);
      expect(queued.body).toMatchObject({
        document: 'invoice',
        number: invoice.number,
        to: business.customer.email,
        subject: `Invoice ${invoice.number} from Depot Demo GmbH`,
        attachments: [`${invoice.number}.pdf`],
        sentBy: 'admin@depot.local',
      });
      expect(['queued', 'sending', 'sent']).toContain(queued.body.status);

      const sent = await eventually(
        async () => {
          const list = await app.request(`/api/v1/invoices/${invoice.id}/emails`, { token: admin });
          return list.body[0]?.status === 'sent' ? list.body[0] : undefined;
        },
        15_000,
        'the invoice e-mail sent',
      );
      expect(sent.sentAt).toEqual(expect.any(String));
      const mailbox = await app.request(`/api/v1/dev/mailbox?to=${encodeURIComponent(business.customer.email)}`, {
        token: admin,
      });
      const [mail] = mailbox.body.items;
      expect(mail).toMatchObject({ template: 'document', subject: `Invoice ${invoice.number} from Depot Demo GmbH` });
      expect(mail.attachments).toEqual([
        { fileName: `${invoice.number}.pdf`, contentType: 'application/pdf', sizeBytes: expect.any(Number) },
      ]);
      expect(mail.attachments[0].sizeBytes).toBeGreaterThan(1000);
      expect(mail.text).toContain(`please find attached our invoice ${invoice.number}.`);
      expect(mail.text).toContain('Sent by Depot Demo GmbH.');
      // Delivered: the attachment's content is not kept.
      const { rows } = await app.db.query('SELECT content FROM mail_attachments WHERE mail_id = $1', [sent.id]);
      expect(rows).toEqual([{ content: null }]);
      const history = await app.request(`/api/v1/audit-events?entityType=invoice&entityId=${invoice.id}`, {
        token: admin,
      });
      expect(history.body.items.map((event: any) => event.action)).toContain('email');
    });

    it('takes the recipient, subject and message given, and e-mails purchase orders and delivery notes', async () => {
      const order = await business.purchaseOrder();
      const queued = await send(`/api/v1/purchase-orders/${order.id}/document/email`, {
        to: 'buyer@timber.example',
        subject: 'Our order',
        message: 'Hello,\nplease confirm the delivery date.',
      });
      expect(queued.status).toBe(202);
      expect(queued.body).toMatchObject({
        document: 'purchase_order',
        to: 'buyer@timber.example',
        subject: 'Our order',
        attachments: [`purchase-order-${order.number}.pdf`],
      });
      const listed = await app.request(`/api/v1/purchase-orders/${order.id}/emails`, { token: clerk });
      expect(listed.body.map((mail: any) => mail.id)).toEqual([queued.body.id]);

      const { order: sold } = await business.invoice();
      const note = await send(`/api/v1/sales-orders/${sold.id}/delivery-note/email`, {}, clerk);
      expect(note.status).toBe(202);
      expect(note.body).toMatchObject({ document: 'delivery_note', sentBy: 'clerk@depot.local' });
      const confirmation = await send(`/api/v1/sales-orders/${sold.id}/confirmation/email`, {}, clerk);
      expect(confirmation.body.attachments).toEqual([`order-confirmation-${sold.number}.pdf`]);
      const emails = await app.request(`/api/v1/sales-orders/${sold.id}/emails`, { token: clerk });
      expect(emails.body.map((mail: any) => mail.document)).toEqual(['order_confirmation', 'delivery_note']);
    });

    it('sends once however often a request with the same Idempotency-Key is retried', async () => {
      const { invoice } = await business.invoice();
      const key = randomUUID();
      const first = await app.request(`/api/v1/invoices/${invoice.id}/email`, {
        method: 'POST',
        token: admin,
        json: {},
        headers: { 'idempotency-key': key },
      });
      const again = await app.request(`/api/v1/invoices/${invoice.id}/email`, {
        method: 'POST',
        token: admin,
        json: {},
        headers: { 'idempotency-key': key },
      });
      expect([first.status, again.status]).toEqual([202, 202]);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      const emails = await app.request(`/api/v1/invoices/${invoice.id}/emails`, { token: admin });
      expect(emails.body).toHaveLength(1);
    });

    it('refuses what it cannot send with problem+json, and queues nothing then', async () => {
      const before = (await app.db.query('SELECT count(*)::int AS n FROM mail_messages')).rows[0].n;
      const { invoice } = await business.invoice(business.silent.id);
      const noAddress = await send(`/api/v1/invoices/${invoice.id}/email`);
      expectProblem(noAddress, 400, 'REQUEST.VALIDATION_FAILED');
      expect(noAddress.body.errors[0]).toMatchObject({ field: 'to', message: expect.stringContaining('No Mail Oy') });
      expectProblem(await send(`/api/v1/invoices/${invoice.id}/email`, { to: 'not-an-address' }), 400);
      expectProblem(await send(`/api/v1/invoices/${invoice.id}/email`, { subject: 'x'.repeat(201) }), 400);
      expectProblem(await send(`/api/v1/invoices/${invoice.id}/email`, { to: 'a@b.example' }, clerk), 403);
      const draft = await business.draftOrder();
      expectProblem(await send(`/api/v1/sales-orders/${draft.id}/delivery-note/email`), 409, 'DOCUMENTS.NOT_AVAILABLE');
      expectProblem(await send(`/api/v1/invoices/${randomUUID()}/email`), 404, 'SALES.INVOICE_NOT_FOUND');
      const after = (await app.db.query('SELECT count(*)::int AS n FROM mail_messages')).rows[0].n;
      expect(after).toBe(before);
    });
  });

  describe('while the SMTP server is down', () => {
    const sink = new SmtpSink();
    let app: TestApp;
    let admin: string;
    let port: number;

    beforeAll(async () => {
      port = await closedPort();
      app = await startTestApp({
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_RETRY_SCHEDULE_SECONDS: '1,1,1,1,1,1,1,1,1,1',
      });
      admin = await app.login('admin@depot.local');
    });
    afterAll(async () => {
      await app?.close();
      await sink.stop();
    });

    it('answers at once, retries, and delivers the invoice with its PDF once the server is back', async () => {
      const business = await businessOf(app, admin);
      const { invoice } = await business.invoice();
      const started = Date.now();
      const queued = await app.request(`/api/v1/invoices/${invoice.id}/email`, {
        method: 'POST',
        token: admin,
        json: {},
      });
      expect(queued.status).toBe(202);
      expect(Date.now() - started).toBeLessThan(5_000);
      const retrying = await eventually(
        async () => {
          const list = await app.request(`/api/v1/invoices/${invoice.id}/emails`, { token: admin });
          return list.body[0]?.status === 'retrying' ? list.body[0] : undefined;
        },
        15_000,
        'a failed first attempt',
      );
      expect(retrying.lastError).toMatch(/ECONNREFUSED/);

      await sink.start(port);
      await eventually(
        async () => {
          const list = await app.request(`/api/v1/invoices/${invoice.id}/emails`, { token: admin });
          return list.body[0]?.status === 'sent';
        },
        20_000,
        'the invoice e-mail delivered after the outage',
      );
      const [message] = sink.messages.filter((received) => received.to.includes(business.customer.email));
      expect(message.data).toContain(`Subject: Invoice ${invoice.number} from Depot Demo GmbH`);
      expect(message.data).toMatch(new RegExp(`Content-Type: application/pdf; name=${invoice.number}\\.pdf`));
      expect(message.data).toContain(Buffer.from('%PDF-').toString('base64').slice(0, 6));
    });
  });
});
