import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DOMAIN_EVENT_AGGREGATE_TYPES,
  DomainEventName,
  EVENT_READ_PERMISSION,
  REALTIME_EVENT,
  WEBHOOK_EVENT_TYPES,
} from '@depot/contracts';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { io, type Socket } from 'socket.io-client';
import { Webhook } from 'standardwebhooks';
import { startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- the document and the events are arbitrary JSON */

type Schema = Record<string, any>;
interface Envelope {
  id: string;
  type: string;
  [field: string]: unknown;
}

async function eventually<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The published schemas keep objects open (receivers must ignore new fields); this test closes
 * every object that lists its properties, so a field the contract does not declare fails it.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Schema = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string'
        ? value.replace('#/components/schemas/', 'events#/definitions/')
        : key === 'properties'
          ? Object.fromEntries(Object.entries(value as Schema).map(([name, inner]) => [name, closed(inner)]))
          : closed(value),
    ]),
  );
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

/** Validators from the served AsyncAPI document: by event type, for each way events are delivered. */
class EventSchemas {
  private readonly ajv = addFormats(new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }));
  readonly envelopes = new Map<string, ValidateFunction>();
  readonly socketMessages = new Map<string, ValidateFunction>();
  readonly webhookBodies = new Map<string, ValidateFunction>();
  readonly webhookHeaders: ValidateFunction;

  constructor(readonly document: Schema) {
    const schemas: Record<string, Schema> = document.components.schemas;
    this.ajv.addSchema({ $id: 'events', definitions: closed(schemas) });
    const validator = (name: string) => this.ajv.getSchema(`events#/definitions/${name}`)!;
    const nameOf = (reference: { $ref: string }) => reference.$ref.replace('#/components/schemas/', '');
    for (const [name, schema] of Object.entries(schemas)) {
      if (schema.properties?.payload && schema.properties.type?.const) {
        this.envelopes.set(schema.properties.type.const, validator(name));
      }
    }
    const messagesOf = (channel: string): Schema[] =>
      Object.values(document.channels[channel].messages as Record<string, { $ref: string }>).map(
        (reference) => document.components.messages[reference.$ref.replace('#/components/messages/', '')],
      );
    for (const message of messagesOf('realtime')) {
      if (message.name === REALTIME_EVENT) this.socketMessages.set(message.title, validator(nameOf(message.payload)));
    }
    for (const message of messagesOf('webhook')) {
      this.webhookBodies.set(message.name, validator(nameOf(message.payload)));
    }
    this.webhookHeaders = this.ajv.compile(document.components.messageTraits.StandardWebhook.headers);
  }
}

/** Problems of one event against one validator, empty when it conforms. */
function problems(validate: ValidateFunction | undefined, what: string, value: unknown): string[] {
  if (!validate) return [`${what}: no schema in the AsyncAPI document`];
  return validate(value) ? [] : [`${what}: ${JSON.stringify(validate.errors)}`];
}

describe('Every emitted event conforms to its schema in the served AsyncAPI document', () => {
  let app: TestApp;
  let admin: string;
  let schemas: EventSchemas;
  let receiver: Server;
  let secret: string;
  let socket: Socket;
  const deliveries: { headers: IncomingHttpHeaders; body: string }[] = [];
  const pushed: Envelope[] = [];
  const pushedTypes = Object.values(DomainEventName).filter(
    (type) => EVENT_READ_PERMISSION[DOMAIN_EVENT_AGGREGATE_TYPES[type]],
  );

  const call = async (method: string, path: string, json?: unknown, token = admin) => {
    const response = await app.request(`/api/v1${path}`, { method, token, json });
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${response.text}`);
    return response.body;
  };

  /** Drives the API through every change that emits an event. */
  async function emitEveryEvent(): Promise<void> {
    // Catalog.
    const category = await call('POST', '/categories', { name: 'Event tools' });
    await call('PATCH', `/categories/${category.id}`, { version: 1, name: 'Event tools (renamed)' });
    const spare = await call('POST', '/categories', { name: 'Event spare' });
    await call('DELETE', `/categories/${spare.id}`);
    const product = await call('POST', '/products', {
      sku: 'EVT-1',
      name: 'Event widget',
      priceMinor: 1000,
      costMinor: 400,
      currency: 'EUR',
      categoryId: category.id,
      attributes: { color: 'red' },
    });
    await call('PATCH', `/products/${product.id}`, { version: 1, description: 'Now described' });
    const archived = await call('POST', '/products', {
      sku: 'EVT-2',
      name: 'Short-lived',
      priceMinor: 1,
      currency: 'EUR',
    });
    await call('DELETE', `/products/${archived.id}`);

    // Inventory: adjustment and transfer.
    const main = await call('POST', '/warehouses', { code: 'EVT-A', name: 'Event main', address: 'Dock 1' });
    const other = await call('POST', '/warehouses', { code: 'EVT-B', name: 'Event other' });
    await call('PATCH', `/warehouses/${other.id}`, { version: 1, name: 'Event overflow' });
    await call('POST', '/stock/adjustments', {
      productId: product.id,
      warehouseId: main.id,
      quantity: 20,
      reasonCode: 'found',
    });
    await call('POST', '/stock/transfers', {
      productId: product.id,
      fromWarehouseId: main.id,
      toWarehouseId: other.id,
      quantity: 5,
    });

    // Purchasing: a received order and a cancelled one.
    const supplier = await call('POST', '/suppliers', { code: 'EVT-SUP', name: 'Event supplier' });
    await call('PATCH', `/suppliers/${supplier.id}`, { version: 1, contactName: 'Sam' });
    const purchase = await call('POST', '/purchase-orders', {
      supplierId: supplier.id,
      warehouseId: main.id,
      lines: [{ productId: product.id, quantity: 10 }],
    });
    const edited = await call('PATCH', `/purchase-orders/${purchase.id}`, { version: 1, notes: 'Urgent' });
    const submitted = await call('POST', `/purchase-orders/${purchase.id}/submit`, { version: edited.version });
    await call('POST', `/purchase-orders/${purchase.id}/receipts`, {
      lines: [{ lineId: submitted.lines[0].id, quantity: 4 }],
    });
    await call('POST', `/purchase-orders/${purchase.id}/receipts`, {
      lines: [{ lineId: submitted.lines[0].id, quantity: 6 }],
    });
    const dropped = await call('POST', '/purchase-orders', {
      supplierId: supplier.id,
      warehouseId: main.id,
      lines: [{ productId: product.id, quantity: 1 }],
    });
    await call('POST', `/purchase-orders/${dropped.id}/cancel`, { version: 1 });

    // Sales: confirmed, fulfilled, invoiced, paid in part, credited.
    const customer = await call('POST', '/customers', {
      code: 'EVT-CUS',
      name: 'Event customer',
      paymentTermsDays: 14,
    });
    await call('PATCH', `/customers/${customer.id}`, { version: 1, email: 'buyer@example.com' });
    const sale = await call('POST', '/sales-orders', {
      customerId: customer.id,
      warehouseId: main.id,
      lines: [{ productId: product.id, quantity: 3, taxRateBps: 1900 }],
    });
    const saleEdited = await call('PATCH', `/sales-orders/${sale.id}`, { version: 1, notes: 'Gift wrap' });
    const confirmed = await call('POST', `/sales-orders/${sale.id}/confirm`, { version: saleEdited.version });
    const fulfilled = await call('POST', `/sales-orders/${sale.id}/fulfil`, { version: confirmed.version });
    const invoice = await call('POST', `/sales-orders/${sale.id}/invoice`, { version: fulfilled.version });
    await call('POST', `/invoices/${invoice.id}/payments`, {
      amountMinor: 1000,
      method: 'bank_transfer',
      reference: 'r-1',
    });
    await call('POST', `/invoices/${invoice.id}/credit-notes`, { reason: 'Scratched', amountMinor: 100 });

    // A session ends.
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'clerk@depot.local', password: 'depot-demo-password' },
    });
    const logout = await app.request('/api/v1/auth/logout', {
      method: 'POST',
      json: { refreshToken: login.body.refreshToken },
    });
    expect(logout.status).toBe(204);
  }

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        deliveries.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    app = await startTestApp({
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_POLL_INTERVAL_MS: '100',
      OUTBOX_POLL_INTERVAL_MS: '100',
    });
    admin = await app.login('admin@depot.local');
    const served = await app.request('/api/asyncapi.json');
    expect(served.status).toBe(200);
    schemas = new EventSchemas(served.body);

    const endpoint = await call('POST', '/webhooks', { url: receiverUrl, eventTypes: [...WEBHOOK_EVENT_TYPES] });
    secret = endpoint.secret;
    socket = io(app.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: admin },
      reconnection: false,
    });
    socket.on(REALTIME_EVENT, (event: Envelope) => pushed.push(event));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });

    await emitEveryEvent();
    await call('POST', `/webhooks/${endpoint.id}/test`);

    const delivered = () => new Set(deliveries.map((delivery) => (JSON.parse(delivery.body) as Envelope).type));
    await eventually(() => WEBHOOK_EVENT_TYPES.every((type) => delivered().has(type)));
    await eventually(() => pushedTypes.every((type) => pushed.some((event) => event.type === type)));
  }, 90_000);

  afterAll(async () => {
    socket?.close();
    await app?.close();
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  });

  it('records every domain event type, each matching the envelope schema of its type', async () => {
    const { rows } = await app.db.query(
      'SELECT id, type, aggregate_type, aggregate_id, occurred_at, payload FROM outbox_events ORDER BY position',
    );
    const envelopes = rows.map((row) => ({
      id: row.id,
      type: row.type,
      aggregateType: row.aggregate_type,
      aggregateId: row.aggregate_id,
      occurredAt: (row.occurred_at as Date).toISOString(),
      payload: row.payload,
    }));
    expect(envelopes.flatMap((event) => problems(schemas.envelopes.get(event.type), event.type, event))).toEqual([]);
    expect(Object.values(DomainEventName).filter((type) => !envelopes.some((event) => event.type === type))).toEqual(
      [],
    );
    console.info(
      `${schemas.envelopes.size} event schemas; ${envelopes.length} outbox events, ` +
        `${deliveries.length} webhook deliveries, ${pushed.length} socket messages validated`,
    );
  });

  it('pushes every readable event type over socket.io, each matching its domain-event message', () => {
    expect(pushed.flatMap((event) => problems(schemas.socketMessages.get(event.type), event.type, event))).toEqual([]);
    expect(pushedTypes.filter((type) => !pushed.some((event) => event.type === type))).toEqual([]);
    // The internal session event closes sockets; it is never pushed as a domain-event.
    expect(pushed.some((event) => event.type === DomainEventName.SessionRevoked)).toBe(false);
  });

  it('delivers every subscribable type by webhook, signed, each matching its message body and headers', () => {
    const found = deliveries.flatMap(({ headers, body }) => {
      const message = JSON.parse(body) as Envelope;
      new Webhook(secret).verify(body, {
        'webhook-id': String(headers['webhook-id']),
        'webhook-timestamp': String(headers['webhook-timestamp']),
        'webhook-signature': String(headers['webhook-signature']),
      });
      return [
        ...problems(schemas.webhookBodies.get(message.type), message.type, message),
        ...problems(schemas.webhookHeaders, `${message.type} headers`, headers),
      ];
    });
    expect(found).toEqual([]);
    const types = deliveries.map((delivery) => (JSON.parse(delivery.body) as Envelope).type);
    expect(WEBHOOK_EVENT_TYPES.filter((type) => !types.includes(type))).toEqual([]);
  });
});
