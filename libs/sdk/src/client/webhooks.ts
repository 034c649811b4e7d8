import type { WebhookEventType } from '@depot/contracts';
import { DepotError } from './errors';

export type { WebhookEventType };

/** The body of every webhook Depot sends (the event envelope). */
export interface WebhookEvent<Data extends Record<string, unknown> = Record<string, unknown>> {
  /** Event id, also the `webhook-id` header: the same on every retry and replay, for de-duplication. */
  id: string;
  type: WebhookEventType;
  /** When the change happened (ISO 8601). */
  timestamp: string;
  data: { aggregateType: string; aggregateId: string } & Data;
}

export type WebhookVerificationFailure =
  | 'missing_header'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'invalid_secret'
  | 'invalid_signature'
  | 'invalid_body';

/** The delivery is not authentic (or not readable): answer it with 400 and do not act on it. */
export class WebhookVerificationError extends DepotError {
  override name = 'WebhookVerificationError';
  constructor(
    readonly reason: WebhookVerificationFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Headers as `fetch` (`Headers`), Node's `IncomingHttpHeaders` or a plain object give them. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, either way. Default 300 s (Standard Webhooks). */
  toleranceSeconds?: number;
  /** The current time in ms (tests). */
  now?: number;
}

const encoder = new TextEncoder();

/**
 * Checks a Depot webhook delivery the Standard Webhooks way and returns its event:
 * `webhook-signature` must hold `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`
 * keyed with the base64 part of the endpoint's `whsec_...` secret, and `webhook-timestamp` must be
 * within 5 minutes of now (replays of old deliveries fail).
 *
 * Pass the raw body exactly as received (string or bytes), not a re-serialised object.
 * Uses Web Crypto, so it works in Node 20+, browsers, Deno and workers; throws `WebhookVerificationError`.
 */
export async function verifyWebhook<Data extends Record<string, unknown> = Record<string, unknown>>(
  body: string | Uint8Array,
  headers: WebhookHeaders,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent<Data>> {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'missing_header',
      'webhook-id, webhook-timestamp and webhook-signature are required',
    );
  }

  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new WebhookVerificationError('invalid_timestamp', 'webhook-timestamp is not a number of seconds');
  }
  const tolerance = options.toleranceSeconds ?? 300;
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  const sentAt = Number(timestamp);
  if (sentAt < nowSeconds - tolerance) {
    throw new WebhookVerificationError('timestamp_too_old', 'webhook-timestamp is too old');
  }
  if (sentAt > nowSeconds + tolerance) {
    throw new WebhookVerificationError('timestamp_too_new', 'webhook-timestamp is in the future');
  }

  const key = decodeSecret(secret);
  const bodyBytes = typeof body === 'string' ? encoder.encode(body) : body;
  const expected = await hmacSha256(key, concat(encoder.encode(`${id}.${timestamp}.`), bodyBytes));

  // Several space-separated signatures may be sent (secret rotation): one valid v1 is enough.
  let valid = false;
  for (const entry of signatures.split(' ')) {
    const [version, signature] = entry.split(',', 2);
    if (version !== 'v1' || !signature) continue;
    const given = base64ToBytes(signature);
    if (given && constantTimeEqual(given, expected)) valid = true;
  }
  if (!valid) throw new WebhookVerificationError('invalid_signature', 'No webhook-signature matches');

  try {
    const text = typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body);
    return JSON.parse(text) as WebhookEvent<Data>;
  } catch {
    throw new WebhookVerificationError('invalid_body', 'The signed body is not JSON');
  }
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(' ') : value;
  }
  return undefined;
}

function decodeSecret(secret: string): Uint8Array {
  const key = base64ToBytes(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret);
  if (!key || key.length === 0) {
    throw new WebhookVerificationError('invalid_secret', 'The secret is not whsec_ followed by base64');
  }
  return key;
}

function base64ToBytes(value: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return undefined;
  try {
    const binary = atob(value);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle)
    throw new DepotError('verifyWebhook needs Web Crypto (crypto.subtle): Node 20+ or a secure browser context');
  const cryptoKey = await subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, data as BufferSource));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Compares every byte whatever the first difference, so timing says nothing about the expected value. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}
