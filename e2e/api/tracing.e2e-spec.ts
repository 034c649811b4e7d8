import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';
import { eventually } from './support/mail';

/** A span as an OTLP/HTTP JSON export carries it (ids in hex). */
interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  links?: { traceId: string; spanId: string }[];
}

/** A tiny OTLP/HTTP collector on loopback: keeps every span it is sent (JSON encoding). */
class Collector {
  readonly spans: ExportedSpan[] = [];
  requests = 0;
  url = '';
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests++;
        if (request.url === '/v1/traces' && (request.headers['content-type'] ?? '').includes('json')) {
          const body = JSON.parse(Buffer.concat(chunks).toString()) as {
            resourceSpans?: { scopeSpans?: { spans?: ExportedSpan[] }[] }[];
          };
          for (const resource of body.resourceSpans ?? []) {
            for (const scope of resource.scopeSpans ?? []) this.spans.push(...(scope.spans ?? []));
          }
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A webhook receiver that keeps the headers of every request. */
class Receiver {
  readonly received: IncomingHttpHeaders[] = [];
  url = '';
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        this.received.push(request.headers);
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
    return this.url;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const FAST = {
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOK_POLL_INTERVAL_MS: '100',
  OUTBOX_POLL_INTERVAL_MS: '100',
  // Export batches every 100 ms instead of every 5 s.
  OTEL_BSP_SCHEDULE_DELAY: '100',
  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
};

/** Registers a webhook for product.created and creates a product, sending `traceparent` when given. */
async function createProductWithWebhook(app: TestApp, receiverUrl: string, traceparent?: string) {
  const admin = await app.login('admin@depot.local');
  const hook = await app.request('/api/v1/webhooks', {
    method: 'POST',
    token: admin,
    json: { url: receiverUrl, description: 'Trace receiver', eventTypes: ['product.created'] },
  });
  expect(hook.status).toBe(201);
  const sku = `TRACE-${randomBytes(4).toString('hex')}`;
  const product = await app.request('/api/v1/products', {
    method: 'POST',
    token: admin,
    headers: traceparent ? { traceparent } : {},
    json: { sku, name: 'Traced widget', priceMinor: 100, currency: 'EUR' },
  });
  expect(product.status).toBe(201);
  return product.body as { id: string };
}

describe('Tracing (OpenTelemetry over OTLP/HTTP)', () => {
  describe('with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
    const collector = new Collector();
    const receiver = new Receiver();
    let app: TestApp;

    beforeAll(async () => {
      await collector.start();
      await receiver.start();
      app = await startTestApp({ ...FAST, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, LOG_LEVEL: 'info' });
    });
    afterAll(async () => {
      await app?.close();
      await Promise.all([collector.stop(), receiver.stop()]);
    });

    it('puts the trace id of a failed request in its problem body, in its log lines and in the exported spans', async () => {
      const token = await app.login('admin@depot.local');
      const response = await app.request('/api/v1/products/not-a-product-id', { token });
      expectProblem(response, 400);
      expect(response.body.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(response.body.requestId).toBeTruthy();

      const traceId = response.body.traceId as string;
      // The HTTP server span (kind SERVER = 2) and Fastify's route span are both in the trace.
      const inTrace = () => collector.spans.filter((span) => span.traceId === traceId);
      await eventually(() => inTrace().some((span) => span.kind === 2));
      await eventually(() => inTrace().some((span) => span.name.includes('/api/v1/products/:id')));
      // The request's log line carries the same trace id.
      await eventually(() => app.server.output.join('').includes(`"traceId":"${traceId}"`));
    });

    it('continues the trace of a request into the webhook delivery it caused, and sends traceparent to the receiver', async () => {
      const traceId = randomBytes(16).toString('hex');
      const callerSpan = randomBytes(8).toString('hex');
      const product = await createProductWithWebhook(app, receiver.url, `00-${traceId}-${callerSpan}-01`);

      // The outbox row keeps the request's trace context.
      const { rows } = await app.db.query<{ traceparent: string | null }>(
        `SELECT traceparent FROM outbox_events WHERE aggregate_id = $1 AND type = 'product.created'`,
        [product.id],
      );
      expect(rows[0].traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

      // The receiver sees the same trace.
      const headers = await eventually(() => receiver.received.find((request) => request['traceparent']));
      expect(headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

      // The delivery span is in the request's trace, a descendant of the request's server span.
      const delivery = await eventually(() =>
        collector.spans.find((span) => span.name === 'webhook delivery' && span.traceId === traceId),
      );
      const byId = new Map(collector.spans.map((span) => [span.spanId, span]));
      const ancestors: ExportedSpan[] = [];
      for (let span = byId.get(delivery.parentSpanId ?? ''); span; span = byId.get(span.parentSpanId ?? '')) {
        ancestors.push(span);
      }
      expect(ancestors.some((span) => span.kind === 2 && span.parentSpanId === callerSpan)).toBe(true);
      // The receiver's traceparent names the delivery's own HTTP client span (kind CLIENT = 3).
      const sentSpanId = String(headers['traceparent']).split('-')[2];
      await eventually(() => byId.get(sentSpanId) ?? collector.spans.find((span) => span.spanId === sentSpanId));
      const sent = collector.spans.find((span) => span.spanId === sentSpanId)!;
      expect(sent.kind).toBe(3);
      expect(sent.parentSpanId).toBe(delivery.spanId);
    });
  });

  describe('with tracing off', () => {
    const collector = new Collector();
    const receiver = new Receiver();
    let app: TestApp;

    beforeAll(async () => {
      await collector.start();
      await receiver.start();
      // An endpoint is configured but the SDK is disabled: nothing may be sent to it.
      app = await startTestApp({ ...FAST, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SDK_DISABLED: 'true' });
    });
    afterAll(async () => {
      await app?.close();
      await Promise.all([collector.stop(), receiver.stop()]);
    });

    it('sends no trace id, stores no trace context, sends no traceparent and exports nothing', async () => {
      const token = await app.login('admin@depot.local');
      const failed = await app.request('/api/v1/products/not-a-product-id', { token });
      expectProblem(failed, 400);
      expect(failed.body.traceId).toBeUndefined();

      const traceId = randomBytes(16).toString('hex');
      const product = await createProductWithWebhook(
        app,
        receiver.url,
        `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      );
      const headers = await eventually(() => receiver.received[0]);
      expect(headers['traceparent']).toBeUndefined();
      const { rows } = await app.db.query<{ traceparent: string | null }>(
        `SELECT traceparent FROM outbox_events WHERE aggregate_id = $1`,
        [product.id],
      );
      expect(rows.map((row) => row.traceparent)).toEqual([null]);

      // Stopping flushes whatever an SDK would have batched: still nothing arrived.
      await app.server.stop();
      expect(collector.requests).toBe(0);
    });
  });
});
