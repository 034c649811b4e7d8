import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  DEMO_PASSWORD,
  databaseUrlOf,
  expectProblem,
  startServer,
  startTestApp,
  type TestApp,
} from './support/test-app';

const ROOT = join(__dirname, '..', '..');

describe('Operations and security (QUALITY S6, S8, S9)', () => {
  describe('logs (S8)', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ LOG_LEVEL: 'info' });
    });
    afterAll(() => app?.close());

    it('never contain passwords, tokens or API keys, and request input cannot forge a log line', async () => {
      const login = await app.request('/api/v1/auth/login', {
        method: 'POST',
        json: { email: 'admin@depot.local', password: DEMO_PASSWORD },
      });
      const { accessToken, refreshToken } = login.body as { accessToken: string; refreshToken: string };
      await app.request('/api/v1/auth/login', {
        method: 'POST',
        json: { email: 'admin@depot.local', password: 'a-wrong-secret-password' },
      });
      const key = await app.request('/api/v1/api-keys', {
        method: 'POST',
        token: accessToken,
        json: { name: 'log test', scopes: ['catalog.products.read'] },
      });
      await app.request('/api/v1/products', { headers: { 'x-api-key': key.body.key } });
      await app.request('/api/v1/auth/refresh', { method: 'POST', json: { refreshToken } });
      // A forged line through a header and the URL.
      await app.request('/api/v1/products?q=%0A%7B%22level%22%3A60%2C%22forged%22%3Atrue%7D', {
        token: accessToken,
        headers: { 'user-agent': 'evil","forged":true,"x":"' },
      });
      await new Promise((resolve) => setTimeout(resolve, 300));

      const output = app.server.output.join('');
      expect(output.length).toBeGreaterThan(0);
      for (const secret of [DEMO_PASSWORD, 'a-wrong-secret-password', accessToken, refreshToken, key.body.key]) {
        expect(output).not.toContain(secret);
      }
      const lines = output.split('\n').filter((line) => line.trim().length > 0);
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        expect(entry.forged).toBeUndefined();
      }
      // Request logs carry the request id.
      expect(lines.some((line) => /"reqId"|"requestId"/.test(line))).toBe(true);
    });
  });

  describe('production (S9)', () => {
    it('hides Swagger UI, the OpenAPI and AsyncAPI documents and the development mailbox', async () => {
      const app = await startTestApp({ NODE_ENV: 'production' });
      try {
        expectProblem(await app.request('/api/docs'), 404);
        expectProblem(await app.request('/api/openapi.json'), 404);
        expectProblem(await app.request('/api/asyncapi.json'), 404);
        const token = await app.login('admin@depot.local');
        expectProblem(await app.request('/api/v1/dev/mailbox', { token }), 404);
        // ...and is not offered: the admin UI would otherwise ask for it on every page load.
        const me = await app.request('/api/v1/auth/me', { token });
        expect(me.body.permissions).not.toContain('dev.mailbox.read');
        expect(me.body.permissions).toContain('catalog.products.read');
        // Diagnostics stay off even when asked for.
        expect((await app.request('/api/v1/products', { token })).headers.get('x-sql-statements')).toBeNull();
      } finally {
        await app.close();
      }
    });
  });

  describe('the first administrator (S6)', () => {
    const createAdmin = (databaseUrl: string, password: string, ...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'dist/backend/cli/database/create-admin.js'), ...args], {
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: databaseUrl,
          ADMIN_PASSWORD: password,
          JWT_SECRET: 'c'.repeat(48),
          // The servers' key (server-process.js), so nothing is generated into the data dir.
          DEPOT_ENCRYPTION_KEY: Buffer.alloc(32, 0x65).toString('base64'),
          LOG_LEVEL: 'error',
          SEED_DEMO_DATA: 'false',
        },
        encoding: 'utf8',
        timeout: 60_000,
      });

    it('no default admin exists in a new production database; a command creates the first one', async () => {
      // Several process starts on a fresh database: generous on a busy machine.
      const name = `depot_test_admin_${randomBytes(4).toString('hex')}`;
      const admin = new Client({ connectionString: process.env.DEPOT_TEST_ADMIN_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = databaseUrlOf(name);
      try {
        const server = await startServer({ DATABASE_URL: url, SEED_DEMO_DATA: 'false' });
        try {
          const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'admin@depot.local', password: DEMO_PASSWORD }),
          });
          expect(response.status).toBe(401);
        } finally {
          await server.stop();
        }

        const weak = createAdmin(url, 'password1234', 'owner@example.com', 'Olga Owner');
        expect(weak.status).toBe(1);
        expect(weak.stderr).toMatch(/creating the administrator failed: .*password/i);
        expect(createAdmin(url, 'x', 'owner@example.com').stderr).toMatch(/usage/);

        const created = createAdmin(url, 'copper lantern 9 meadow', 'owner@example.com', 'Olga Owner');
        expect(created.stderr).toBe('');
        expect(created.stdout).toContain('created administrator owner@example.com');
        const again = createAdmin(url, 'copper lantern 9 meadow', 'second@example.com', 'Second');
        expect(again.status).toBe(1);
        expect(again.stderr).toMatch(/already exists/);

        const restarted = await startServer({ DATABASE_URL: url, SEED_DEMO_DATA: 'false' });
        try {
          const response = await fetch(`${restarted.baseUrl}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'owner@example.com', password: 'copper lantern 9 meadow' }),
          });
          expect(response.status).toBe(200);
          const { accessToken } = (await response.json()) as { accessToken: string };
          const users = await fetch(`${restarted.baseUrl}/api/v1/users`, {
            headers: { authorization: `Bearer ${accessToken}` },
          });
          expect(users.status).toBe(200);
        } finally {
          await restarted.stop();
        }
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }, 180_000);
  });
});
