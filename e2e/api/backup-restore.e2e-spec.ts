import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startServer, startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-require-imports -- shared with the plain-JS global setup */
const { withDatabase, adminQuery } = require('./support/test-database') as {
  withDatabase: (url: string, name: string) => string;
  adminQuery: (url: string, sql: string) => Promise<unknown>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const CLI = join(__dirname, '..', '..', 'dist', 'backend', 'cli', 'database');

function cli(script: string, databaseUrl: string, args: string[]): string {
  const result = spawnSync(process.execPath, [join(CLI, script), ...args], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'test',
      JWT_SECRET: 'e2e-secret-'.padEnd(48, 'x'),
      DEPOT_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`${script} failed (${result.status}): ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/**
 * Every table's rows as one fingerprint, so two databases can be compared exactly (except the
 * operational tables a backup leaves out: process heartbeats and the record of backups).
 */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const tables = (
      await db.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r'
            AND c.relname NOT IN ('schema_migrations', 'instance_heartbeats', 'backup_runs') ORDER BY 1`,
      )
    ).rows.map((row) => row.name);
    const result: Record<string, string> = {};
    for (const table of tables) {
      const { rows } = await db.query<{ n: number; hash: string | null }>(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS hash FROM "${table}" t`,
      );
      result[table] = `${rows[0].n}:${rows[0].hash ?? ''}`;
    }
    return result;
  } finally {
    await db.end();
  }
}

describe('Backup and restore (QUALITY R8)', () => {
  let app: TestApp;
  let dir: string;
  let sourceUrl: string;
  const targetName = `depot_test_restore_${randomBytes(4).toString('hex')}`;
  let targetUrl: string;

  beforeAll(async () => {
    app = await startTestApp();
    const { name } = (await app.db.query<{ name: string }>('SELECT current_database() AS name')).rows[0];
    sourceUrl = withDatabase(process.env.DEPOT_TEST_ADMIN_URL!, name);
    targetUrl = withDatabase(process.env.DEPOT_TEST_ADMIN_URL!, targetName);
    dir = mkdtempSync(join(tmpdir(), 'depot-backup-'));
  });
  afterAll(async () => {
    await app?.close();
    await adminQuery(process.env.DEPOT_TEST_ADMIN_URL!, `DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips the data exactly, ledger and derived stock levels included, and the restored server works', async () => {
    const token = await app.login('admin@depot.local');
    const product = await app.request('/api/v1/products', {
      method: 'POST',
      token,
      json: { sku: 'BACKUP-1', name: 'Made before the backup', priceMinor: 1999, currency: 'EUR' },
    });
    const warehouse = (await app.request('/api/v1/warehouses?limit=1', { token })).body.items[0];
    for (const quantity of [10, -3, 7]) {
      await app.request('/api/v1/stock/adjustments', {
        method: 'POST',
        token,
        json: { productId: product.body.id, warehouseId: warehouse.id, quantity, reasonCode: 'found' },
      });
    }
    const file = join(dir, 'depot.depot.gz');
    expect(cli('backup.js', sourceUrl, [file])).toMatch(/backed up \d+ rows from \d+ tables/);
    expect(statSync(file).size).toBeGreaterThan(1000);
    const before = await fingerprint(sourceUrl);

    await adminQuery(process.env.DEPOT_TEST_ADMIN_URL!, `CREATE DATABASE ${targetName}`);
    expect(cli('restore.js', targetUrl, [file])).toMatch(/restored \d+ rows/);
    expect(await fingerprint(targetUrl)).toEqual(before);
    expect(before.stock_levels).not.toMatch(/^0:/);

    const restored = await startServer({ DATABASE_URL: targetUrl });
    try {
      const login = await fetch(`${restored.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@depot.local', password: 'depot-demo-password' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${accessToken}` };
      const found = await fetch(`${restored.baseUrl}/api/v1/products/${product.body.id}`, { headers });
      expect(((await found.json()) as { sku: string }).sku).toBe('BACKUP-1');
      const consistency = await fetch(`${restored.baseUrl}/api/v1/stock/consistency`, { headers });
      expect(((await consistency.json()) as { consistent: boolean }).consistent).toBe(true);
    } finally {
      await restored.stop();
    }

    // Wipe and restore over the source: what came after the backup is gone, the rest is back.
    await app.request('/api/v1/products', {
      method: 'POST',
      token,
      json: { sku: 'AFTER-BACKUP', name: 'Made after the backup', priceMinor: 1, currency: 'EUR' },
    });
    await app.server.stop();
    expect(() => cli('restore.js', sourceUrl, [file])).toThrow(/not empty/);
    cli('restore.js', sourceUrl, [file, '--replace']);
    expect(await fingerprint(sourceUrl)).toEqual(before);
  }, 180_000);

  it('refuses a file that is not a backup', () => {
    expect(() => cli('restore.js', targetUrl, [__filename])).toThrow(/restore failed/);
  });
});
