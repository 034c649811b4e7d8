import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_PASSWORD, freePort, startServer, type ServerProcess } from './support/test-app';

/**
 * Fault injection on a real server process with its embedded PostgreSQL (QUALITY R1, R2, R9):
 * the database's postmaster is killed under load, then the server gets SIGTERM under load.
 * Figures are printed for the closing notes of the hardening work.
 */

interface Outcome {
  kind: 'read' | 'write';
  status: number;
  code?: string;
  ms: number;
  at: number;
  movementId?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(
  baseUrl: string,
  path: string,
  init: { method?: string; token?: string; json?: unknown; headers?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text,
  };
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

describe('Faults under load (embedded PostgreSQL)', () => {
  let dataDir: string;
  let server: ServerProcess;
  let token: string;
  let productId: string;
  let warehouseId: string;
  let databaseUrl: string;
  const logs: string[] = [];

  const postmasterPid = () => Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

  async function ledger(): Promise<{ ids: Set<string>; onHand: number; sum: number }> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const movements = await client.query<{ id: string }>(
        'SELECT id FROM stock_movements WHERE product_id = $1 AND warehouse_id = $2',
        [productId, warehouseId],
      );
      const level = await client.query<{ on_hand: number; sum: string }>(
        `SELECT l.on_hand, (SELECT coalesce(sum(on_hand_change), 0) FROM stock_movements m
                             WHERE m.product_id = l.product_id AND m.warehouse_id = l.warehouse_id) AS sum
           FROM stock_levels l WHERE l.product_id = $1 AND l.warehouse_id = $2`,
        [productId, warehouseId],
      );
      return {
        ids: new Set(movements.rows.map((row) => row.id)),
        onHand: Number(level.rows[0].on_hand),
        sum: Number(level.rows[0].sum),
      };
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'depot-faults-'));
    chmodSync(dataDir, 0o755);
    const pgPort = await freePort();
    databaseUrl = `postgres://postgres:depot-embedded@127.0.0.1:${pgPort}/depot`;
    server = await startServer(
      { DEPOT_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), SHUTDOWN_GRACE_MS: '10000', LOG_LEVEL: 'info' },
      { timeoutMs: 90_000 },
    );
    const login = await call(server.baseUrl, '/api/v1/auth/login', {
      method: 'POST',
      json: { email: 'admin@depot.local', password: DEMO_PASSWORD },
    });
    token = login.body.accessToken;
    productId = (await call(server.baseUrl, '/api/v1/products?limit=1', { token })).body.items[0].id;
    warehouseId = (await call(server.baseUrl, '/api/v1/warehouses?limit=1', { token })).body.items[0].id;
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    // The server's log, for diagnosing a failure (e2e/.artifacts is kept by CI).
    const artifacts = join(__dirname, '..', '.artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'faults-server.log'), logs.concat(server?.output ?? []).join(''));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('rides out a killed postmaster: 503 + Retry-After while down (never 401 or 500), recovers by itself, loses no acknowledged write', async () => {
    const outcomes: Outcome[] = [];
    const readinessDown: number[] = [];
    let running = true;

    const reader = async (index: number) => {
      const paths = ['/api/v1/products?limit=25', '/api/v1/auth/me', '/api/v1/stock-levels?limit=25'];
      while (running) {
        const t0 = Date.now();
        try {
          const response = await call(server.baseUrl, paths[index % paths.length], { token });
          outcomes.push({
            kind: 'read',
            status: response.status,
            code: response.body?.code,
            ms: Date.now() - t0,
            at: t0,
          });
        } catch {
          outcomes.push({ kind: 'read', status: 0, ms: Date.now() - t0, at: t0 });
        }
      }
    };
    const writer = async () => {
      while (running) {
        const t0 = Date.now();
        try {
          const response = await call(server.baseUrl, '/api/v1/stock/adjustments', {
            method: 'POST',
            token,
            headers: { 'idempotency-key': randomUUID() },
            json: { productId, warehouseId, quantity: 1, reasonCode: 'found' },
          });
          outcomes.push({
            kind: 'write',
            status: response.status,
            code: response.body?.code,
            ms: Date.now() - t0,
            at: t0,
            movementId: response.status === 201 ? response.body.movement.id : undefined,
          });
          if (response.status === 503) {
            // A well-behaved client honours Retry-After; keep some pressure on, without spinning.
            await sleep(50);
          }
        } catch {
          outcomes.push({ kind: 'write', status: 0, ms: Date.now() - t0, at: t0 });
        }
      }
    };
    const load = [...Array.from({ length: 20 }, (_, i) => reader(i)), ...Array.from({ length: 5 }, () => writer())];

    await sleep(1_500);
    const killedAt = Date.now();
    process.kill(postmasterPid(), 'SIGKILL');

    // Readiness says 503 while down, then comes back by itself.
    let recoveredAt = 0;
    while (Date.now() - killedAt < 20_000) {
      const ready = await fetch(`${server.baseUrl}/api/health/ready`).then((r) => r.status);
      const live = await fetch(`${server.baseUrl}/api/health/live`).then((r) => r.status);
      expect(live).toBe(200);
      if (ready === 503) readinessDown.push(Date.now());
      if (ready === 200 && readinessDown.length > 0) {
        const probe = await call(server.baseUrl, '/api/v1/stock/adjustments', {
          method: 'POST',
          token,
          headers: { 'idempotency-key': randomUUID() },
          json: { productId, warehouseId, quantity: 1, reasonCode: 'found' },
        });
        if (probe.status === 201) {
          recoveredAt = Date.now();
          outcomes.push({ kind: 'write', status: 201, ms: 0, at: recoveredAt, movementId: probe.body.movement.id });
          break;
        }
      }
      await sleep(25);
    }
    await sleep(1_500);
    running = false;
    await Promise.all(load);

    const during = outcomes.filter((o) => o.at >= killedAt && o.at <= recoveredAt);
    const figures = {
      requests: outcomes.length,
      duringOutage: countBy(during, (o) => `${o.status}`),
      all: countBy(outcomes, (o) => `${o.kind} ${o.status}${o.code ? ` ${o.code}` : ''}`),
      recoveryMs: recoveredAt - killedAt,
      // From the later of the request's start and the kill: a request already queued behind a
      // slow one before the outage is judged on how fast the outage was answered.
      slowest503Ms: Math.max(
        0,
        ...outcomes.filter((o) => o.status === 503).map((o) => o.at + o.ms - Math.max(o.at, killedAt)),
      ),
      slowest503s: outcomes
        .filter((o) => o.status === 503)
        .map((o) => ({ ms: o.at + o.ms - Math.max(o.at, killedAt), at: o.at - killedAt, kind: o.kind }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((o) => `${o.kind} ${o.ms}ms at ${o.at}`),
      slowestMs: Math.max(...outcomes.map((o) => o.ms)),
      slowest: [...outcomes]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((o) => `${o.kind} ${o.status} ${o.ms}ms at ${o.at - killedAt}`),
      readinessDown: readinessDown.length
        ? `${readinessDown[0] - killedAt}..${readinessDown[readinessDown.length - 1] - killedAt} ms (${readinessDown.length} samples)`
        : 'never sampled',
    };
    console.log(`postmaster kill under load: ${JSON.stringify(figures)}`);

    expect(recoveredAt).toBeGreaterThan(0);
    expect(figures.recoveryMs).toBeLessThan(10_000);
    const statuses = new Set(outcomes.map((o) => o.status));
    expect([...statuses].filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    expect(outcomes.filter((o) => o.status === 503).every((o) => o.code === 'SERVER.UNAVAILABLE')).toBe(true);
    // While the database is down, the answer comes at once (no request waits for a dead server).
    expect(figures.slowest503Ms).toBeLessThan(1_000);
    expect(during.length).toBeGreaterThan(0);

    // Every acknowledged adjustment is in the ledger, and on hand equals the ledger sum.
    const acknowledged = outcomes.filter((o) => o.movementId).map((o) => o.movementId!);
    const { ids, onHand, sum } = await ledger();
    const lost = acknowledged.filter((id) => !ids.has(id));
    console.log(`acknowledged writes: ${acknowledged.length}, lost: ${lost.length}`);
    expect(lost).toEqual([]);
    expect(onHand).toBe(sum);
    const consistency = await call(server.baseUrl, '/api/v1/stock/consistency', { token });
    expect(consistency.body.consistent).toBe(true);
  }, 60_000);

  it('keeps a browser signed in through an outage: refresh answers 503 and the cookie survives', async () => {
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@depot.local', password: DEMO_PASSWORD }),
    });
    let cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const refresh = () =>
      fetch(`${server.baseUrl}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { cookie, origin: server.baseUrl, 'content-type': 'application/json' },
        body: '{}',
      });

    process.kill(postmasterPid(), 'SIGKILL');
    let outage: Response | undefined;
    for (let i = 0; i < 400 && !outage; i++) {
      const response = await refresh();
      await response.arrayBuffer();
      if (response.status === 503) outage = response;
      else {
        expect(response.status).toBe(200); // refreshed before the kill took effect: rotate
        cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
      }
    }
    expect(outage?.status).toBe(503);
    expect(outage?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(outage?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // An outage must not end the browser's session: the cookie is not cleared.
    expect(outage?.headers.get('set-cookie')).toBeNull();

    for (let i = 0; i < 400; i++) {
      if ((await fetch(`${server.baseUrl}/api/health/ready`)).status === 200) break;
      await sleep(25);
    }
    const after = await refresh();
    expect(after.status).toBe(200);
    expect((await call(server.baseUrl, '/api/v1/auth/me', { token })).status).toBe(200);
  }, 30_000);

  it('finishes every request accepted before SIGTERM, then exits 0 within the grace period', async () => {
    // Keep-alive readers stream in the background; 15 writes are mid-body when the signal lands.
    let running = true;
    const readerStatuses: number[] = [];
    const readers = Array.from({ length: 5 }, async () => {
      while (running) {
        try {
          const response = await call(server.baseUrl, '/api/v1/products?limit=25', { token });
          readerStatuses.push(response.status);
        } catch {
          break; // refused after the server closed: fine
        }
      }
    });
    await sleep(300);

    const { port } = new URL(server.baseUrl);
    const inFlight = Array.from({ length: 15 }, () => {
      const body = JSON.stringify({ productId, warehouseId, quantity: 1, reasonCode: 'found' });
      const half = Math.floor(body.length / 2);
      let finish: () => void = () => undefined;
      const answered = new Promise<{ status: number; movementId?: string }>((resolve, reject) => {
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/v1/stock/adjustments',
            agent: false,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              authorization: `Bearer ${token}`,
              'idempotency-key': randomUUID(),
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              const parsed = JSON.parse(Buffer.concat(chunks).toString() || '{}');
              resolve({ status: response.statusCode ?? 0, movementId: parsed.movement?.id });
            });
          },
        );
        request.on('error', reject);
        request.write(body.slice(0, half));
        finish = () => request.end(body.slice(half));
      });
      return { answered, finish: () => finish() };
    });
    await sleep(300); // every request's headers have reached the server

    const signalledAt = Date.now();
    const exited = server.stop('SIGTERM');
    await sleep(200);
    inFlight.forEach((request) => request.finish());
    const answers = await Promise.all(inFlight.map((request) => request.answered));
    running = false;
    await Promise.all(readers);
    const { code } = await exited;
    const exitMs = Date.now() - signalledAt;
    console.log(
      `SIGTERM under load: in-flight ${JSON.stringify(countBy(answers, (a) => String(a.status)))}, readers ${JSON.stringify(countBy(readerStatuses, String))}, exit ${code} after ${exitMs} ms`,
    );
    const output = server.output.join('');
    if (code !== 0) throw new Error(`exit ${code}:\n${output}`);
    expect(answers.map((answer) => answer.status)).toEqual(Array(15).fill(201));
    expect(readerStatuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(exitMs).toBeLessThan(10_000);
    // Each step of the sequence is logged, in order.
    const steps = [
      'readiness off',
      'in-flight requests finished',
      'outbox dispatcher stopped',
      'database pool closed',
      'embedded database stopped',
    ].map((step) => output.indexOf(`shutdown: ${step} done`));
    expect(steps.every((index) => index >= 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);

    // The acknowledged writes survived the restart of the whole thing.
    logs.push(...server.output);
    server = await startServer(
      { DEPOT_DATA_DIR: dataDir, EMBEDDED_PG_PORT: new URL(databaseUrl).port, LOG_LEVEL: 'info' },
      { timeoutMs: 60_000 },
    );
    const { ids, onHand, sum } = await ledger();
    expect(answers.every((answer) => answer.movementId && ids.has(answer.movementId))).toBe(true);
    expect(onHand).toBe(sum);
  }, 60_000);

  it('exits 0 within the grace period when the database is already gone at SIGTERM', async () => {
    process.kill(postmasterPid(), 'SIGKILL');
    const signalledAt = Date.now();
    const { code } = await server.stop('SIGTERM');
    const exitMs = Date.now() - signalledAt;
    console.log(`SIGTERM with the database gone: exit ${code} after ${exitMs} ms`);
    expect(code).toBe(0);
    expect(exitMs).toBeLessThan(10_000);
    expect(server.output.join('')).toContain('shutdown: embedded database stopped done');
  }, 30_000);
});
