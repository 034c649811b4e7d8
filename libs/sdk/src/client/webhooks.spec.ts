import { createHmac, randomBytes } from 'node:crypto';
import { verifyWebhook, WebhookVerificationError } from './webhooks';

// Exactly what Depot does (backend/src/modules/notifications/webhooks/webhook-signing.ts).
function signWebhook(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64')}`;
}

const secret = `whsec_${randomBytes(24).toString('base64')}`;
const now = Date.parse('2026-03-01T12:00:00Z');
const nowSeconds = now / 1000;
const body = JSON.stringify({
  id: 'evt-1',
  type: 'stock.changed',
  timestamp: '2026-03-01T11:59:59.000Z',
  data: { aggregateType: 'product', aggregateId: 'p1', productId: 'p1', levels: [] },
});

function headers(options: { id?: string; timestamp?: number; signature?: string; payload?: string } = {}) {
  const id = options.id ?? 'evt-1';
  const timestamp = options.timestamp ?? nowSeconds;
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': options.signature ?? signWebhook(secret, id, timestamp, options.payload ?? body),
  };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return (error as WebhookVerificationError).reason;
}

describe('verifyWebhook', () => {
  it('accepts a delivery signed the way Depot signs and returns its event', async () => {
    const event = await verifyWebhook(body, headers(), secret, { now });
    expect(event).toEqual(JSON.parse(body));
    expect(event.type).toBe('stock.changed');
    expect(event.data.aggregateId).toBe('p1');
  });

  it('accepts the raw body as bytes and headers as a Headers object', async () => {
    const event = await verifyWebhook(new TextEncoder().encode(body), new Headers(headers()), secret, { now });
    expect(event.id).toBe('evt-1');
  });

  it('accepts any valid v1 signature among several (secret rotation)', async () => {
    const other = `whsec_${randomBytes(24).toString('base64')}`;
    const signature = `${signWebhook(other, 'evt-1', nowSeconds, body)} ${signWebhook(secret, 'evt-1', nowSeconds, body)}`;
    await expect(verifyWebhook(body, headers({ signature }), secret, { now })).resolves.toMatchObject({ id: 'evt-1' });
  });

  it('rejects a tampered body', async () => {
    const tampered = body.replace('"p1"', '"p2"');
    expect(await failure(verifyWebhook(tampered, headers(), secret, { now }))).toBe('invalid_signature');
  });

  it('rejects a tampered id or timestamp', async () => {
    const signed = headers();
    expect(await failure(verifyWebhook(body, { ...signed, 'webhook-id': 'evt-2' }, secret, { now }))).toBe(
      'invalid_signature',
    );
    const later = { ...signed, 'webhook-timestamp': String(nowSeconds + 1) };
    expect(await failure(verifyWebhook(body, later, secret, { now }))).toBe('invalid_signature');
  });

  it('rejects the wrong secret', async () => {
    const wrong = `whsec_${randomBytes(24).toString('base64')}`;
    expect(await failure(verifyWebhook(body, headers(), wrong, { now }))).toBe('invalid_signature');
    expect(await failure(verifyWebhook(body, headers(), 'whsec_not base64!', { now }))).toBe('invalid_secret');
  });

  it('rejects a timestamp more than 5 minutes old or ahead, and accepts one just inside', async () => {
    const old = headers({ timestamp: nowSeconds - 301 });
    expect(await failure(verifyWebhook(body, old, secret, { now }))).toBe('timestamp_too_old');
    const ahead = headers({ timestamp: nowSeconds + 301 });
    expect(await failure(verifyWebhook(body, ahead, secret, { now }))).toBe('timestamp_too_new');
    await expect(verifyWebhook(body, headers({ timestamp: nowSeconds - 299 }), secret, { now })).resolves.toBeDefined();
    await expect(
      verifyWebhook(body, headers({ timestamp: nowSeconds - 3600 }), secret, { now, toleranceSeconds: 7200 }),
    ).resolves.toBeDefined();
  });

  it('rejects missing headers, a malformed timestamp and unknown signature versions', async () => {
    const { 'webhook-signature': _, ...unsigned } = headers();
    expect(await failure(verifyWebhook(body, unsigned, secret, { now }))).toBe('missing_header');
    expect(await failure(verifyWebhook(body, { ...headers(), 'webhook-timestamp': '1e9' }, secret, { now }))).toBe(
      'invalid_timestamp',
    );
    const v2 = signWebhook(secret, 'evt-1', nowSeconds, body).replace('v1,', 'v2,');
    expect(await failure(verifyWebhook(body, headers({ signature: v2 }), secret, { now }))).toBe('invalid_signature');
  });

  it('rejects a signed body that is not JSON', async () => {
    const payload = 'not json';
    expect(await failure(verifyWebhook(payload, headers({ payload }), secret, { now }))).toBe('invalid_body');
  });

  it('checks against the current time by default', async () => {
    const fresh = Math.floor(Date.now() / 1000);
    await expect(verifyWebhook(body, headers({ timestamp: fresh }), secret)).resolves.toBeDefined();
  });
});
