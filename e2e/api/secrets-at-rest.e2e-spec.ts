import { spawnSync } from 'node:child_process';
import { createDecipheriv, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { Webhook } from 'standardwebhooks';
import { databaseUrlOf, startServer, startTestApp, type ServerProcess, type TestApp } from './support/test-app';

const ROOT = join(__dirname, '..', '..');
const ROTATE = join(ROOT, 'dist/backend/cli/database/rotate-encryption-key.js');
const PASSWORD = 'amber kettle 7 orbit';
const OLD_KEY = randomBytes(32).toString('base64');
const NEW_KEY = randomBytes(32).toString('hex');
const ENCRYPTED = /^enc:v1:([0-9a-f]{8}):[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/;

/** Opens a stored value the way the documented format says: AES-256-GCM, the column as AAD. */
function open(value: string, key: Buffer, context: string): string {
  const [, , , iv, tag, ciphertext] = value.split(':');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}

const keyBytes = (key: string) => Buffer.from(key, /^[0-9a-f]{64}$/.test(key) ? 'hex' : 'base64');

/** The code an authenticator app shows, `steps` time steps from now. */
function totp(secret: string, steps = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
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

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** Checks a delivery the way an integrator would, with the Standard Webhooks library. */
function verify(secret: string, request: Received): unknown {
  return new Webhook(secret).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  });
}

describe('Secrets at rest (QUALITY S12)', () => {
  let app: TestApp;
  let databaseUrl: string;
  let admin: string;
  let receiver: Server;
  let receiverUrl: string;
  const received: Received[] = [];
  const email = 'sylvie.secret@depot.local';
  let userId: string;
  let totpSecret: string;
  let webhookId: string;
  let webhookSecret: string;

  /** Runs `npm run db:rotate-encryption-key` on this test's database. */
  const rotate = (key: string, previousKeys: string) =>
    spawnSync(process.execPath, [ROTATE], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        JWT_SECRET: 'r'.repeat(48),
        DEPOT_ENCRYPTION_KEY: key,
        DEPOT_PREVIOUS_ENCRYPTION_KEYS: previousKeys,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });

  const storedTotp = async () =>
    (await app.db.query<{ mfa_secret: string }>('SELECT mfa_secret FROM users WHERE id = $1', [userId])).rows[0]
      .mfa_secret;
  const storedWebhookSecret = async (id = webhookId) =>
    (await app.db.query<{ secret: string }>('SELECT secret FROM webhook_endpoints WHERE id = $1', [id])).rows[0].secret;

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString() });
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    app = await startTestApp({
      DEPOT_ENCRYPTION_KEY: OLD_KEY,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_POLL_INTERVAL_MS: '100',
    });
    const { rows } = await app.db.query<{ name: string }>('SELECT current_database() AS name');
    databaseUrl = databaseUrlOf(rows[0].name);
    admin = await app.login('admin@depot.local');
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('stores the TOTP secret encrypted under the configured key, and sign-in with a code still works', async () => {
    const created = await app.request('/api/v1/users', {
      method: 'POST',
      token: admin,
      json: { email, displayName: 'Sylvie Secret', roles: ['clerk'], initialPassword: PASSWORD },
    });
    expect(created.status).toBe(201);
    userId = created.body.id;
    await app.db.query('UPDATE users SET must_change_password = false WHERE id = $1', [userId]);
    const token = await app.login(email, PASSWORD);
    const setup = await app.request('/api/v1/me/mfa/totp/setup', { method: 'POST', token });
    expect(setup.status).toBe(200);
    totpSecret = setup.body.secret;

    // Pending enrolment: already encrypted.
    const pending = await storedTotp();
    expect(pending).toMatch(ENCRYPTED);
    expect(pending).not.toContain(totpSecret);
    expect(open(pending, keyBytes(OLD_KEY), 'users.mfa_secret')).toBe(totpSecret);

    const enabled = await app.request('/api/v1/me/mfa/totp/enable', {
      method: 'POST',
      token,
      json: { code: totp(totpSecret, -1) },
    });
    expect(enabled.status).toBe(200);
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      json: { email, password: PASSWORD, mfaCode: totp(totpSecret) },
    });
    expect(login.status).toBe(200);
    expect(await storedTotp()).toBe(pending);
  });

  it('stores the webhook signing secret encrypted, and deliveries still verify with it', async () => {
    const created = await app.request('/api/v1/webhooks', {
      method: 'POST',
      token: admin,
      json: { url: `${receiverUrl}/hook`, eventTypes: ['webhook.test'] },
    });
    expect(created.status).toBe(201);
    webhookId = created.body.id;
    webhookSecret = created.body.secret;
    expect(webhookSecret).toMatch(/^whsec_/);

    const stored = await storedWebhookSecret();
    expect(stored).toMatch(ENCRYPTED);
    expect(stored).not.toContain(webhookSecret);
    expect(stored).not.toContain(webhookSecret.slice('whsec_'.length));
    expect(open(stored, keyBytes(OLD_KEY), 'webhook_endpoints.secret')).toBe(webhookSecret);

    await app.request(`/api/v1/webhooks/${webhookId}/test`, { method: 'POST', token: admin });
    const [request] = await eventually(() => received.length > 0 && received);
    expect(verify(webhookSecret, request)).toMatchObject({ type: 'webhook.test' });
    expect(() => verify(`whsec_${randomBytes(24).toString('base64')}`, request)).toThrow();
  });

  it('never puts a secret or its ciphertext into API answers or the audit trail', async () => {
    const answers = JSON.stringify([
      (await app.request(`/api/v1/webhooks/${webhookId}`, { token: admin })).body,
      (await app.request('/api/v1/webhooks', { token: admin })).body,
      (await app.request(`/api/v1/users/${userId}`, { token: admin })).body,
    ]);
    const audit = JSON.stringify((await app.db.query('SELECT * FROM audit_events')).rows);
    for (const dump of [answers, audit]) {
      expect(dump).not.toContain('enc:v1:');
      expect(dump).not.toContain(webhookSecret);
      expect(dump).not.toContain(totpSecret);
    }
  });

  describe('key rotation', () => {
    let legacyWebhookId: string;
    let legacySecret: string;
    let newServer: ServerProcess | undefined;

    afterAll(async () => {
      await newServer?.stop();
    });

    it('re-encrypts every secret, and plaintext left over, under the new key in one command; idempotent', async () => {
      // A row from before encryption at rest (as after restoring an old backup).
      const legacy = await app.request('/api/v1/webhooks', {
        method: 'POST',
        token: admin,
        json: { url: `${receiverUrl}/legacy`, eventTypes: ['webhook.test'] },
      });
      legacyWebhookId = legacy.body.id;
      legacySecret = legacy.body.secret;
      await app.db.query('UPDATE webhook_endpoints SET secret = $2 WHERE id = $1', [legacyWebhookId, legacySecret]);
      const oldKeyId = ENCRYPTED.exec(await storedTotp())![1];

      // Without the old key it refuses and changes nothing.
      const refused = rotate(NEW_KEY, '');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(
        new RegExp(
          `key rotation failed: .*2 under key ${oldKeyId}.*DEPOT_PREVIOUS_ENCRYPTION_KEYS; nothing was changed`,
        ),
      );
      expect(ENCRYPTED.exec(await storedTotp())![1]).toBe(oldKeyId);
      expect(await storedWebhookSecret(legacyWebhookId)).toBe(legacySecret);

      const rotated = rotate(NEW_KEY, OLD_KEY);
      expect(rotated.stderr).toBe('');
      expect(rotated.status).toBe(0);
      const match =
        /^re-encrypted 3 secrets under key ([0-9a-f]{8}) \(users\.mfa_secret: 1, webhook_endpoints\.secret: 2\)\n$/.exec(
          rotated.stdout,
        );
      expect(match).not.toBeNull();
      const newKeyId = match![1];
      expect(newKeyId).not.toBe(oldKeyId);

      const totpRow = await storedTotp();
      expect(ENCRYPTED.exec(totpRow)![1]).toBe(newKeyId);
      expect(open(totpRow, keyBytes(NEW_KEY), 'users.mfa_secret')).toBe(totpSecret);
      for (const [id, secret] of [
        [webhookId, webhookSecret],
        [legacyWebhookId, legacySecret],
      ]) {
        const row = await storedWebhookSecret(id);
        expect(ENCRYPTED.exec(row)![1]).toBe(newKeyId);
        expect(open(row, keyBytes(NEW_KEY), 'webhook_endpoints.secret')).toBe(secret);
      }

      const again = rotate(NEW_KEY, OLD_KEY);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain(
        `re-encrypted 0 secrets under key ${newKeyId} (users.mfa_secret: 0, webhook_endpoints.secret: 0)`,
      );
      expect(await storedTotp()).toBe(totpRow);
    });

    it('leaves a server started with only the new key able to check TOTP codes and sign deliveries, encrypting plaintext at start', async () => {
      // The old server only knows the old key: stop it before the new one takes over.
      await app.server.stop();
      // A secret in clear again, as after restoring a backup from before encryption at rest.
      await app.db.query('UPDATE webhook_endpoints SET secret = $2 WHERE id = $1', [legacyWebhookId, legacySecret]);
      newServer = await startServer({
        DATABASE_URL: databaseUrl,
        DEPOT_ENCRYPTION_KEY: NEW_KEY,
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_POLL_INTERVAL_MS: '100',
      });
      // Start-up encrypted it under the new key.
      const restored = await storedWebhookSecret(legacyWebhookId);
      expect(restored).toMatch(ENCRYPTED);
      expect(open(restored, keyBytes(NEW_KEY), 'webhook_endpoints.secret')).toBe(legacySecret);

      const post = (path: string, json: unknown, token?: string) =>
        fetch(`${newServer!.baseUrl}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(json),
        });

      // The next time step: the current one was spent by the first sign-in.
      const signIn = await post('/api/v1/auth/login', { email, password: PASSWORD, mfaCode: totp(totpSecret, 1) });
      expect(signIn.status).toBe(200);
      const wrong = String((Number(totp(totpSecret, 1)) + 500_000) % 1_000_000).padStart(6, '0');
      expect((await post('/api/v1/auth/login', { email, password: PASSWORD, mfaCode: wrong })).status).toBe(401);

      const adminLogin = await post('/api/v1/auth/login', {
        email: 'admin@depot.local',
        password: 'depot-demo-password',
      });
      const { accessToken } = (await adminLogin.json()) as { accessToken: string };
      received.length = 0;
      expect((await post(`/api/v1/webhooks/${legacyWebhookId}/test`, {}, accessToken)).status).toBe(202);
      const [request] = await eventually(() => received.length > 0 && received);
      expect(verify(legacySecret, request)).toMatchObject({ type: 'webhook.test' });

      const logs = newServer.output.join('');
      for (const secret of [totpSecret, webhookSecret, legacySecret, OLD_KEY, NEW_KEY]) {
        expect(logs).not.toContain(secret);
      }
    });
  });
});
