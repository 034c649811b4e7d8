import { spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, freePort, startServer, startTestApp } from './support/test-app';

const MAIN = join(__dirname, '..', '..', 'dist', 'backend', 'main.js');

async function loginAt(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@depot.local', password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

describe('Server lifecycle', () => {
  it('refuses to start on bad configuration with one line naming the variable', () => {
    const result = spawnSync(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, PORT: 'not-a-port', DATABASE_URL: 'postgres://x@127.0.0.1:1/test' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/PORT: .*got "not-a-port"/);
  });

  describe('on the embedded database', () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'depot-lifecycle-'));
      chmodSync(dataDir, 0o755);
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('creates and seeds the database on first start and keeps the data on the next start', async () => {
      const env = { DEPOT_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), NODE_ENV: 'development' };
      const first = await startServer(env, { timeoutMs: 90_000 });
      let token = await loginAt(first.baseUrl);
      const created = await fetch(`${first.baseUrl}/api/v1/products`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ sku: 'KEEP-ME', name: 'Survives restarts', priceMinor: 1, currency: 'EUR' }),
      });
      expect(created.status).toBe(201);
      expect((await first.stop()).code).toBe(0);

      const second = await startServer(env, { timeoutMs: 60_000 });
      try {
        token = await loginAt(second.baseUrl);
        const found = await fetch(`${second.baseUrl}/api/v1/products?q=KEEP-ME&includeTotal=true`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(((await found.json()) as { total: number }).total).toBe(1);
        // Seeding happened once: the demo catalogue is not duplicated.
        const all = await fetch(`${second.baseUrl}/api/v1/products?limit=1&includeTotal=true`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(((await all.json()) as { total: number }).total).toBe(43);
      } finally {
        expect((await second.stop()).code).toBe(0);
      }
    });
  });

  it('finishes an in-flight request on SIGTERM, refuses new connections, and exits 0', async () => {
    const app = await startTestApp();
    try {
      const token = await app.login('admin@depot.local');
      const body = JSON.stringify({ sku: 'IN-FLIGHT', name: 'Sent across shutdown', priceMinor: 1, currency: 'EUR' });
      const half = Math.floor(body.length / 2);
      const { port } = new URL(app.baseUrl);
      // A request whose body is still arriving when SIGTERM lands.
      const response = new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/v1/products',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              authorization: `Bearer ${token}`,
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.write(body.slice(0, half));
        setTimeout(() => {
          const exit = app.server.stop('SIGTERM');
          setTimeout(() => {
            request.end(body.slice(half));
            void exit;
          }, 300);
        }, 200);
      });
      expect(await response).toBe(201);
      await expect(fetch(`${app.baseUrl}/api/health/live`)).rejects.toThrow();
      const { code } = await app.server.stop();
      if (code !== 0) throw new Error(`exit ${code}:\n${app.server.output.join('')}`);
      const saved = await app.db.query(`SELECT count(*)::int AS n FROM products WHERE sku = 'IN-FLIGHT'`);
      expect(saved.rows[0].n).toBe(1);
    } finally {
      await app.close();
    }
  });
});
