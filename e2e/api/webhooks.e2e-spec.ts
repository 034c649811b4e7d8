import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { mailQueueSettled } from './support/mail';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

/** One request as the receiver saw it. */
interface Received {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A local webhook receiver: records every request and answers with the next status from
 * `statuses` (the last one repeats).
 */
class Receiver {
  readonly received: Received[] = [];
  statuses: number[] = [200];
  url = '';
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          at: Date.now(),
          path: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString(),
        });
        const status = this.statuses.length > 1 ? this.statuses.shift()! : this.statuses[0];
        const headers: Record<string, string> = { 'content-type': 'text/plain' };
        // A redirect points back at this receiver: following it would show up in `received`.
        if (status >= 300 && status < 400) headers.location = `${this.url}/redirected`;
        response.writeHead(status, headers).end(status < 300 ? 'ok' : 'try again');
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

async function eventually<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Verifies a request the way an integrator would, with the Standard Webhooks library. */
function verify(secret: string, request: Received): unknown {
  return new Webhook(secret).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  });
}

describe('Webhooks', () => {
  describe('delivery to a local receiver (private targets allowed)', () => {
    let app: TestApp;
    let admin: string;
    const receiver = new Receiver();
    let receiverUrl: string;

    beforeAll(async () => {
      receiverUrl = await receiver.start();
      app = await startTestApp({
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_RETRY_SCHEDULE_SECONDS: '1,2',
        WEBHOOK_POLL_INTERVAL_MS: '100',
        OUTBOX_POLL_INTERVAL_MS: '100',
      });
      admin = await app.login('admin@depot.local');
    });

    afterAll(async () => {
      await app?.close();
      await receiver.stop();
    });

    beforeEach(() => {
      receiver.received.length = 0;
      receiver.statuses = [200];
    });

    const register = (eventTypes: string[], path = '/hook') =>
      app.request('/api/v1/webhooks', {
        method: 'POST',
        token: admin,
        json: { url: `${receiverUrl}${path}`, description: 'Local receiver', eventTypes },
      });

    it('registers an endpoint, shows the secret once and signs deliveries of subscribed events', async () => {
      const created = await register(['product.created']);
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
      expect(created.body).toMatchObject({ enabled: true, eventTypes: ['product.created'], version: 1 });

      const fetched = await app.request(`/api/v1/webhooks/${created.body.id}`, { token: admin });
      expect(fetched.status).toBe(200);
      expect(fetched.body.secret).toBeUndefined();
      const listed = await app.request('/api/v1/webhooks', { token: admin });
      expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);

      const product = await app.request('/api/v1/products', {
        method: 'POST',
        token: admin,
        json: { sku: 'HOOK-1', name: 'Hooked widget', priceMinor: 100, currency: 'EUR' },
      });
      expect(product.status).toBe(201);
      // An event type the endpoint did not subscribe to is not sent.
      await app.request(`/api/v1/products/${product.body.id}`, {
        method: 'PATCH',
        token: admin,
        json: { version: 1, name: 'Renamed widget' },
      });

      const [request] = await eventually(() => receiver.received.length > 0 && receiver.received);
      expect(request.headers['content-type']).toBe('application/json');
      const payload = verify(created.body.secret, request) as { id: string; type: string };
      expect(payload).toMatchObject({
        type: 'product.created',
        data: { aggregateType: 'product', aggregateId: product.body.id, product: { sku: 'HOOK-1' } },
      });
      expect(request.headers['webhook-id']).toBe(payload.id);
      // A wrong secret does not verify.
      expect(() => verify('whsec_' + Buffer.alloc(24).toString('base64'), request)).toThrow();

      const log = await eventually(async () => {
        const page = await app.request(`/api/v1/webhooks/${created.body.id}/deliveries`, { token: admin });
        return page.body.items[0]?.status === 'succeeded' && page.body;
      });
      expect(log.items).toHaveLength(1);
      expect(log.items[0]).toMatchObject({
        messageId: payload.id,
        eventType: 'product.created',
        attempts: 1,
        responseStatus: 200,
        responseBody: 'ok',
        lastError: null,
      });
      expect(log.items[0].responseTimeMs).toEqual(expect.any(Number));
      expect(JSON.parse(log.items[0].requestBody)).toEqual(payload);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(receiver.received).toHaveLength(1);
    });

    it('retries a failing delivery on the configured schedule with jitter, then succeeds', async () => {
      const created = await register(['webhook.test'], '/flaky');
      receiver.statuses = [500, 503, 200];
      const queued = await app.request(`/api/v1/webhooks/${created.body.id}/test`, { method: 'POST', token: admin });
      expect(queued.status).toBe(202);
      expect(queued.body).toMatchObject({ eventType: 'webhook.test', status: 'pending', attempts: 0 });

      await eventually(() => receiver.received.length >= 3, 20_000);
      const [first, second, third] = receiver.received;
      // Schedule "1,2" seconds with ±20 % jitter (plus polling slack).
      expect(second.at - first.at).toBeGreaterThanOrEqual(750);
      expect(second.at - first.at).toBeLessThan(1_700);
      expect(third.at - second.at).toBeGreaterThanOrEqual(1_550);
      expect(third.at - second.at).toBeLessThan(2_900);
      expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([queued.body.messageId]));
      for (const request of receiver.received) expect(() => verify(created.body.secret, request)).not.toThrow();

      const delivery = await eventually(async () => {
        const page = await app.request(`/api/v1/webhooks/${created.body.id}/deliveries`, { token: admin });
        return page.body.items[0]?.status === 'succeeded' && page.body.items[0];
      });
      expect(delivery).toMatchObject({ attempts: 3, responseStatus: 200, nextAttemptAt: null });
      const endpoint = await app.request(`/api/v1/webhooks/${created.body.id}`, { token: admin });
      expect(endpoint.body).toMatchObject({ enabled: true, failingSince: null });
    });

    it('gives up after the last scheduled retry and marks the delivery failed', async () => {
      const created = await register(['webhook.test'], '/down');
      receiver.statuses = [500];
      await app.request(`/api/v1/webhooks/${created.body.id}/test`, { method: 'POST', token: admin });
      const delivery = await eventually(async () => {
        const page = await app.request(`/api/v1/webhooks/${created.body.id}/deliveries`, { token: admin });
        return page.body.items[0]?.status === 'failed' && page.body.items[0];
      }, 20_000);
      expect(delivery).toMatchObject({ attempts: 3, responseStatus: 500, lastError: 'receiver answered 500' });
      expect(receiver.received).toHaveLength(3);
      const endpoint = await app.request(`/api/v1/webhooks/${created.body.id}`, { token: admin });
      expect(endpoint.body.failingSince).toEqual(expect.any(String));
    });

    it('records a redirect as a failed delivery and never follows it', async () => {
      const created = await register(['webhook.test'], '/moved');
      receiver.statuses = [302];
      await app.request(`/api/v1/webhooks/${created.body.id}/test`, { method: 'POST', token: admin });
      // Waiting for the final verdict also keeps its retries out of the next test.
      const delivery = await eventually(async () => {
        const page = await app.request(`/api/v1/webhooks/${created.body.id}/deliveries`, { token: admin });
        return page.body.items[0]?.status === 'failed' && page.body.items[0];
      }, 20_000);
      expect(delivery).toMatchObject({ attempts: 3, responseStatus: 302, lastError: 'receiver answered 302' });
      // Only the registered path was ever asked for, never the Location it answered with.
      expect(receiver.received.map((request) => request.path)).toEqual(['/moved', '/moved', '/moved']);
    });

    it('replays a delivery with the same webhook-id and a fresh signature', async () => {
      const created = await register(['webhook.test'], '/replay');
      const queued = await app.request(`/api/v1/webhooks/${created.body.id}/test`, { method: 'POST', token: admin });
      await eventually(() => receiver.received.length === 1);

      const replay = await app.request(`/api/v1/webhooks/${created.body.id}/deliveries/${queued.body.id}/replay`, {
        method: 'POST',
        token: admin,
      });
      expect(replay.status).toBe(202);
      expect(replay.body.id).not.toBe(queued.body.id);
      expect(replay.body.messageId).toBe(queued.body.messageId);
      await eventually(() => receiver.received.length === 2);
      const [original, again] = receiver.received;
      expect(again.headers['webhook-id']).toBe(original.headers['webhook-id']);
      expect(again.body).toBe(original.body);
      expect(() => verify(created.body.secret, again)).not.toThrow();

      const audit = await app.db.query(
        `SELECT actor_type FROM audit_events WHERE action = 'notifications.webhook.replayed' AND entity_id = $1`,
        [queued.body.id],
      );
      expect(audit.rows).toEqual([{ actor_type: 'user' }]);
    });

    it('updates with optimistic locking and deletes an endpoint with its log', async () => {
      const created = await register(['product.updated']);
      const id = created.body.id as string;
      const updated = await app.request(`/api/v1/webhooks/${id}`, {
        method: 'PATCH',
        token: admin,
        json: { version: 1, eventTypes: ['product.updated', 'product.archived'], enabled: false },
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ version: 2, enabled: false });
      expect(updated.body.eventTypes).toEqual(['product.archived', 'product.updated']);
      expectProblem(
        await app.request(`/api/v1/webhooks/${id}`, { method: 'PATCH', token: admin, json: { version: 1 } }),
        409,
      );

      const audit = await app.db.query<{ changes: Record<string, { before: unknown; after: unknown }> }>(
        `SELECT changes FROM audit_events WHERE action = 'notifications.webhook.updated' AND entity_id = $1`,
        [id],
      );
      expect(audit.rows[0].changes.enabled).toEqual({ before: true, after: false });
      const secrets = await app.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE changes::text LIKE '%whsec_%'`,
      );
      expect(secrets.rows[0].n).toBe(0);

      expect((await app.request(`/api/v1/webhooks/${id}`, { method: 'DELETE', token: admin })).status).toBe(204);
      expectProblem(await app.request(`/api/v1/webhooks/${id}`, { token: admin }), 404);
    });

    it('answers bad requests with problem+json and refuses users without the permission', async () => {
      expectProblem(
        await app.request('/api/v1/webhooks', {
          method: 'POST',
          token: admin,
          json: { url: `${receiverUrl}/x`, eventTypes: ['no.such.event'] },
        }),
        400,
      );
      expectProblem(
        await app.request('/api/v1/webhooks', {
          method: 'POST',
          token: admin,
          json: { url: `${receiverUrl}/x`, eventTypes: [] },
        }),
        400,
      );
      expectProblem(
        await app.request('/api/v1/webhooks', {
          method: 'POST',
          token: admin,
          json: { url: 'ftp://example.com/hook', eventTypes: ['webhook.test'] },
        }),
        400,
      );
      expectProblem(await app.request('/api/v1/webhooks/not-an-id', { token: admin }), 400);
      expectProblem(await app.request('/api/v1/webhooks/0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10', { token: admin }), 404);
      const manager = await app.login('manager@depot.local');
      expectProblem(await app.request('/api/v1/webhooks', { token: manager }), 403);
      expectProblem(await app.request('/api/v1/webhooks'), 401);
    });
  });

  describe('SSRF guard (default configuration)', () => {
    let app: TestApp;
    let admin: string;
    const receiver = new Receiver();
    let receiverUrl: string;

    beforeAll(async () => {
      receiverUrl = await receiver.start();
      app = await startTestApp({ WEBHOOK_POLL_INTERVAL_MS: '100', WEBHOOK_RETRY_SCHEDULE_SECONDS: '60' });
      admin = await app.login('admin@depot.local');
    });

    afterAll(async () => {
      await app?.close();
      await receiver.stop();
    });

    it.each([
      'http://127.0.0.1:9/hook',
      'http://localhost:9/hook',
      'http://[::1]:9/hook',
      'http://10.0.0.8/hook',
      'http://192.168.1.20/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:127.0.0.1]/hook',
      'http://0x7f000001/hook',
    ])('refuses to register %s', async (url) => {
      const response = await app.request('/api/v1/webhooks', {
        method: 'POST',
        token: admin,
        json: { url, eventTypes: ['webhook.test'] },
      });
      expectProblem(response, 400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
    });

    // The spellings an external probe got accepted before hosts were judged in canonical form.
    const PROBE_SPELLINGS = ['http://localhost./', 'http://sub.localhost./', 'http://[::127.0.0.1]/'];

    it.each(PROBE_SPELLINGS)('refuses to register %s, naming the url field', async (url) => {
      const response = await app.request('/api/v1/webhooks', {
        method: 'POST',
        token: admin,
        json: { url, eventTypes: ['webhook.test'] },
      });
      expectProblem(response, 400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
    });

    it.each(PROBE_SPELLINGS)('refuses to change an endpoint to %s, naming the url field', async (url) => {
      const created = await app.request('/api/v1/webhooks', {
        method: 'POST',
        token: admin,
        json: { url: 'https://hooks.example.com/depot', eventTypes: ['webhook.test'] },
      });
      expect(created.status).toBe(201);
      const response = await app.request(`/api/v1/webhooks/${created.body.id}`, {
        method: 'PATCH',
        token: admin,
        json: { version: created.body.version, url },
      });
      expectProblem(response, 400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
      const unchanged = await app.request(`/api/v1/webhooks/${created.body.id}`, { token: admin });
      expect(unchanged.body).toMatchObject({ url: 'https://hooks.example.com/depot', version: created.body.version });
    });

    it('refuses at send time an endpoint that points to a private address', async () => {
      // As if it had been registered while private targets were allowed.
      const created = await app.request('/api/v1/webhooks', {
        method: 'POST',
        token: admin,
        json: { url: 'https://hooks.example.com/depot', eventTypes: ['webhook.test'] },
      });
      expect(created.status).toBe(201);
      await app.db.query('UPDATE webhook_endpoints SET url = $2 WHERE id = $1', [created.body.id, `${receiverUrl}/x`]);
      await app.request(`/api/v1/webhooks/${created.body.id}/test`, { method: 'POST', token: admin });
      const delivery = await eventually(async () => {
        const page = await app.request(`/api/v1/webhooks/${created.body.id}/deliveries`, { token: admin });
        return page.body.items[0]?.attempts === 1 && page.body.items[0];
      });
      expect(delivery.lastError).toMatch(/non-public address 127\.0\.0\.1/);
      expect(delivery.responseStatus).toBeNull();
      expect(receiver.received).toHaveLength(0);
    });
  });

  describe('an endpoint that keeps failing', () => {
    let app: TestApp;
    let admin: string;
    const receiver = new Receiver();
    let receiverUrl: string;

    beforeAll(async () => {
      receiverUrl = await receiver.start();
      receiver.statuses = [503];
      app = await startTestApp({
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_RETRY_SCHEDULE_SECONDS: '1,1,1,1,1',
        WEBHOOK_DISABLE_AFTER_SECONDS: '2',
        WEBHOOK_POLL_INTERVAL_MS: '100',
      });
      admin = await app.login('admin@depot.local');
    });

    afterAll(async () => {
      await app?.close();
      await receiver.stop();
    });

    it('is switched off, audited, and its owner is told by e-mail', async () => {
      const created = await app.request('/api/v1/webhooks', {
        method: 'POST',
        token: admin,
        json: { url: `${receiverUrl}/always-down`, eventTypes: ['webhook.test'] },
      });
      await app.request(`/api/v1/webhooks/${created.body.id}/test`, { method: 'POST', token: admin });

      const endpoint = await eventually(async () => {
        const response = await app.request(`/api/v1/webhooks/${created.body.id}`, { token: admin });
        return response.body.enabled === false && response.body;
      }, 20_000);
      expect(endpoint.disabledReason).toMatch(/failing for more than 2 s/);
      const attemptsWhenDisabled = receiver.received.length;
      expect(attemptsWhenDisabled).toBeGreaterThanOrEqual(2);

      const audit = await app.db.query(
        `SELECT actor_type, changes FROM audit_events WHERE action = 'notifications.webhook.disabled' AND entity_id = $1`,
        [created.body.id],
      );
      expect(audit.rows).toHaveLength(1);
      expect(audit.rows[0]).toMatchObject({
        actor_type: 'system',
        changes: { enabled: { before: true, after: false } },
      });

      // The notice is queued after the endpoint is switched off (through the outbox): wait for it
      // to arrive rather than for an empty queue, which may come first.
      const mail = await eventually(async () => {
        const found = await app.db.query<{ subject: string; text: string }>(
          `SELECT subject, text FROM dev_mailbox WHERE "to" = 'admin@depot.local' AND template = 'webhook-disabled'`,
        );
        return found.rows.length > 0 && found;
      }, 20_000);
      await mailQueueSettled(app.db);
      expect(mail.rows).toHaveLength(1);
      expect(mail.rows[0].text).toContain(`${receiverUrl}/always-down`);
      expect(mail.rows[0].text).toContain('receiver answered 503');

      // Nothing more is sent to a disabled endpoint.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(receiver.received).toHaveLength(attemptsWhenDisabled);

      // Switching it back on gives it a fresh start.
      const enabled = await app.request(`/api/v1/webhooks/${created.body.id}`, {
        method: 'PATCH',
        token: admin,
        json: { version: endpoint.version, enabled: true },
      });
      expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    });
  });
});
