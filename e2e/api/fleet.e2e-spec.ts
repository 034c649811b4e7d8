import { REALTIME_EVENT, type DomainEventEnvelope } from '@depot/contracts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { DEMO_PASSWORD, freePort, startServer, type ServerProcess } from './support/test-app';
import { eventually } from './support/mail';

/* eslint-disable @typescript-eslint/no-require-imports -- shared with the plain-JS global setup */
const { TEMPLATE, withDatabase, adminQuery } = require('./support/test-database') as {
  TEMPLATE: string;
  withDatabase: (url: string, name: string) => string;
  adminQuery: (url: string, sql: string) => Promise<unknown>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Issue 14 — Depot as a fleet: nginx in front of three replicas on one PostgreSQL and Redis. Under
 * mixed load through nginx the replicas are redeployed one by one the way a rolling deploy does it
 * (out of the proxy's rotation, drained by SIGTERM, started again, back in rotation), and the
 * clients must not notice: no failed request, every acknowledged write present once, every event
 * delivered once to the webhook and to every connected socket; login limits are shared and a
 * revoked key is refused by every replica at once.
 */
const REPLICAS = 3;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path)) ?? 'nginx';
const REPORT = join(__dirname, '..', '.artifacts', 'fleet-report.json');

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: hostname, port: Number(port || 6379) });
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** nginx on loopback with its own prefix, config and pid file; rotation changes are reloads. */
class Nginx {
  private process?: ChildProcess;
  readonly port: Promise<number> = freePort();
  private readonly dir = mkdtempSync(join(tmpdir(), 'depot-fleet-nginx-'));
  private readonly conf = join(this.dir, 'nginx.conf');

  async start(upstreams: number[]): Promise<void> {
    for (const sub of ['tmp', 'logs']) mkdirSync(join(this.dir, sub), { recursive: true });
    await this.write(upstreams);
    const args = ['-p', this.dir, '-e', join(this.dir, 'logs', 'error.log'), '-c', this.conf];
    const check = spawnSync(NGINX, [...args, '-t'], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t failed: ${check.stderr}`);
    this.process = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: 'inherit' });
    const url = `http://127.0.0.1:${await this.port}/api/health/ready`;
    await eventually(async () => (await fetch(url).catch(() => undefined))?.status === 200, 30_000);
  }

  /** Puts exactly these replicas in rotation; old workers finish their requests (graceful reload). */
  async rotate(upstreams: number[], all: number[]): Promise<void> {
    await this.write(upstreams, all);
    const reload = spawnSync(
      NGINX,
      ['-p', this.dir, '-e', join(this.dir, 'logs', 'error.log'), '-c', this.conf, '-s', 'reload'],
      {
        encoding: 'utf8',
      },
    );
    if (reload.status !== 0) throw new Error(`nginx reload failed: ${reload.stderr}`);
  }

  async stop(): Promise<void> {
    if (this.process && this.process.exitCode === null) {
      const exited = new Promise((resolve) => this.process!.once('exit', resolve));
      this.process.kill('SIGQUIT');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async write(upstreams: number[], all: number[] = upstreams): Promise<void> {
    const tmp = join(this.dir, 'tmp');
    // The same proxy settings as deploy/nginx/depot.conf, on plain HTTP and loopback.
    writeFileSync(
      this.conf,
      `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${join(this.dir, 'nginx.pid')};
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  upstream depot {
${all.map((port) => `    server 127.0.0.1:${port}${upstreams.includes(port) ? '' : ' down'};`).join('\n')}
    keepalive 32;
  }
  map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      '';
  }
  server {
    listen 127.0.0.1:${await this.port};
    client_max_body_size 1m;
    proxy_http_version 1.1;
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Request-Id $request_id;
    proxy_set_header Connection "";
    proxy_next_upstream error timeout http_502 http_503;
    location /socket.io/ {
      proxy_pass http://depot;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 1h;
    }
    location / {
      proxy_pass http://depot;
    }
  }
}
`,
    );
  }
}

/** A webhook endpoint on loopback that counts deliveries by `webhook-id` (the event id). */
class Receiver {
  readonly deliveries = new Map<string, number>();
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const id = request.headers['webhook-id'];
      request.resume();
      request.on('end', () => {
        if (typeof id === 'string') this.deliveries.set(id, (this.deliveries.get(id) ?? 0) + 1);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    return `http://127.0.0.1:${address.port}/hook`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A browser-like socket that reconnects; remembers when it was connected and what it received. */
class LiveClient {
  readonly received = new Map<string, number>();
  readonly connectedSpans: { from: number; to: number | null }[] = [];
  private readonly socket: Socket;

  constructor(
    readonly name: string,
    baseUrl: string,
    token: string,
  ) {
    this.socket = io(baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token },
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.socket.on('connect', () => this.connectedSpans.push({ from: Date.now(), to: null }));
    this.socket.on('disconnect', () => {
      const open = this.connectedSpans.at(-1);
      if (open && open.to === null) open.to = Date.now();
    });
    this.socket.on(REALTIME_EVENT, (event: DomainEventEnvelope) =>
      this.received.set(event.id, (this.received.get(event.id) ?? 0) + 1),
    );
  }

  /** Connected without a break from `from` to `to`. */
  connectedThroughout(from: number, to: number): boolean {
    return this.connectedSpans.some((span) => span.from <= from && (span.to === null || span.to >= to));
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  close(): void {
    this.socket.close();
  }
}

interface Tally {
  requests: number;
  byStatus: Record<string, number>;
  failures: string[];
}

describe('Fleet: three replicas behind nginx, rolling restart under load', () => {
  const adminUrl = process.env.DEPOT_TEST_ADMIN_URL!;
  const name = `depot_test_fleet_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(adminUrl, name);
  const ports: number[] = [];
  const replicas: ServerProcess[] = [];
  const nginx = new Nginx();
  const receiver = new Receiver();
  const clients: LiveClient[] = [];
  let redis: ChildProcess | undefined;
  let redisUrl = REDIS_URL;
  let db: Pool;
  let proxy: string;
  let env: Record<string, string>;
  /** Requests sent again after the proxy closed their kept-alive connection (see `call`). */
  const resent: string[] = [];

  const call = async (
    base: string,
    path: string,
    init: { token?: string; apiKey?: string; method?: string; json?: unknown; key?: string } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.apiKey) headers['x-api-key'] = init.apiKey;
    if (init.key) headers['idempotency-key'] = init.key;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const method = init.method ?? (init.json === undefined ? 'GET' : 'POST');
    const send = () =>
      fetch(`${base}${path}`, {
        method,
        headers,
        body: init.json === undefined ? undefined : JSON.stringify(init.json),
      });
    let response: Response | undefined;
    for (let attempt = 1; !response; attempt++) {
      try {
        response = await send();
      } catch (error) {
        // A kept-alive connection the proxy closed (a reload ends its old workers' idle
        // connections) just as a request went out on it: HTTP clients such as browsers send the
        // request again when it is safe (RFC 9112 9.3.1): GETs, and here POSTs with an
        // Idempotency-Key. The client's pool may hand out another connection closed the same way,
        // so up to three times. Counted in the report; anything else is a failure.
        const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
        const retriable = ['UND_ERR_SOCKET', 'ECONNRESET'].includes(code) && (method === 'GET' || init.key);
        if (!retriable || attempt === 3) throw error;
        resent.push(`${method} ${path.split('?')[0]}: ${code}`);
      }
    }
    const text = await response.text();
    const body = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : undefined;

    return { status: response.status, body, text };
  };

  beforeAll(async () => {
    if (!(await reachable(redisUrl))) {
      // No Redis on this machine: start one for the test (Debian's redis-server).
      const port = await freePort();
      redis = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      redisUrl = `redis://127.0.0.1:${port}`;
      await eventually(() => reachable(redisUrl), 10_000);
    }
    await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
    db = new Pool({ connectionString: databaseUrl, max: 2 });
    env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      // One fleet shares its counters (the default harness gives every server its own prefix).
      RATE_LIMIT_KEY_PREFIX: `depot-fleet:${randomBytes(6).toString('hex')}`,
      LOGIN_MAX_FAILURES: '5',
      TRUST_PROXY: 'true',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      OUTBOX_POLL_INTERVAL_MS: '100',
      WEBHOOK_POLL_INTERVAL_MS: '100',
    };
    for (let index = 0; index < REPLICAS; index++) ports.push(await freePort());
    for (const port of ports) replicas.push(await startServer(env, { port, timeoutMs: 180_000 }));
    await nginx.start(ports);
    proxy = `http://127.0.0.1:${await nginx.port}`;
  }, 600_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all(replicas.map((replica) => replica.stop()));
    await nginx.stop();
    await receiver.stop();
    await db?.end();
    redis?.kill();
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  const login = async (base: string, email: string) => {
    const response = await call(base, '/api/v1/auth/login', { json: { email, password: DEMO_PASSWORD } });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${response.text}`);
    return response.body.accessToken as string;
  };

  it('restarts every replica under mixed load without a failed request, a lost or doubled write, or a lost or doubled event', async () => {
    const admin = await login(proxy, 'admin@depot.local');
    const [product] = (await call(proxy, '/api/v1/products?limit=1&sort=sku', { token: admin })).body.items;
    const [warehouse] = (await call(proxy, '/api/v1/warehouses', { token: admin })).body.items;
    const [customer] = (await call(proxy, '/api/v1/customers?limit=1', { token: admin })).body.items;
    const hook = await call(proxy, '/api/v1/webhooks', {
      token: admin,
      json: {
        url: await receiver.start(),
        description: 'fleet receiver',
        eventTypes: ['product.created', 'stock.changed', 'sales_order.created', 'sales_order.status_changed'],
      },
    });
    expect(hook.status).toBe(201);
    // Enough stock that every order of the run can be confirmed.
    const opening = await call(proxy, '/api/v1/stock/adjustments', {
      token: admin,
      json: { productId: product.id, warehouseId: warehouse.id, quantity: 100_000, reasonCode: 'found' },
    });
    expect(opening.status).toBe(201);
    const since = new Date();

    // Sockets: one pinned to each replica (reconnecting to it after its restart) and three through nginx.
    for (const [index, port] of ports.entries())
      clients.push(new LiveClient(`replica-${index + 1}`, `http://127.0.0.1:${port}`, admin));
    for (let index = 0; index < 3; index++) clients.push(new LiveClient(`proxy-${index + 1}`, proxy, admin));
    await eventually(() => clients.every((client) => client.connected), 30_000);

    const tally: Tally = { requests: 0, byStatus: {}, failures: [] };
    const record = (what: string, status: number | string, ok: boolean) => {
      tally.requests++;
      tally.byStatus[status] = (tally.byStatus[status] ?? 0) + 1;
      if (!ok) tally.failures.push(`${what}: ${status}`);
    };
    const acknowledged = { adjustments: [] as string[], orders: [] as string[], confirmations: 0 };
    let running = true;
    // Steady traffic rather than a saturating flood: two cores also run the replicas and nginx.
    const loop = async (body: () => Promise<void>) => {
      while (running) {
        await body();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const guarded = (what: string, run: () => Promise<void>) => async () => {
      try {
        await run();
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        record(what, `network: ${(error as Error).message} (${cause?.code ?? cause?.message ?? 'no cause'})`, false);
      }
    };

    const readers = Array.from({ length: 4 }, (_, index) =>
      loop(
        guarded('read', async () => {
          const path = index % 2 === 0 ? '/api/v1/products?limit=5' : `/api/v1/products/${product.id}`;
          const response = await call(proxy, path, { token: admin });
          record(`GET ${path}`, response.status, response.status === 200);
        }),
      ),
    );
    const adjusters = Array.from({ length: 2 }, () =>
      loop(
        guarded('adjust', async () => {
          const key = randomUUID();
          const response = await call(proxy, '/api/v1/stock/adjustments', {
            token: admin,
            key,
            json: {
              productId: product.id,
              warehouseId: warehouse.id,
              quantity: 1,
              reasonCode: 'found',
              note: `fleet-${key}`,
            },
          });
          const ok = response.status === 201 || response.status === 200;
          record('POST /stock/adjustments', response.status, ok);
          if (ok) acknowledged.adjustments.push(key);
        }),
      ),
    );
    const orders = loop(
      guarded('order', async () => {
        const created = await call(proxy, '/api/v1/sales-orders', {
          token: admin,
          key: randomUUID(),
          json: { customerId: customer.id, warehouseId: warehouse.id, lines: [{ productId: product.id, quantity: 1 }] },
        });
        record('POST /sales-orders', created.status, created.status === 201);
        if (created.status !== 201) return;
        acknowledged.orders.push(created.body.id);
        const confirmed = await call(proxy, `/api/v1/sales-orders/${created.body.id}/confirm`, {
          token: admin,
          key: randomUUID(),
          json: { version: created.body.version },
        });
        record('POST /sales-orders/{id}/confirm', confirmed.status, confirmed.status === 200);
        if (confirmed.status === 200) acknowledged.confirmations++;
      }),
    );

    // The rolling deploy: out of rotation, drain, SIGTERM, start in place, back in rotation.
    const started = Date.now();
    const restarts: { replica: number; exitCode: number | null; stopMs: number; startMs: number }[] = [];
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (let index = 0; index < REPLICAS; index++) {
      await nginx.rotate(
        ports.filter((_, other) => other !== index),
        ports,
      );
      // What a preStop hook gives the proxy: time to stop sending new requests here.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const stopping = Date.now();
      const exit = await replicas[index].stop('SIGTERM');
      const stopped = Date.now();
      replicas[index] = await startServer(env, { port: ports[index], timeoutMs: 180_000 });
      restarts.push({
        replica: index + 1,
        exitCode: exit.code,
        stopMs: stopped - stopping,
        startMs: Date.now() - stopped,
      });
      await nginx.rotate(ports, ports);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    running = false;
    await Promise.all([...readers, ...adjusters, orders]);
    const loadSeconds = (Date.now() - started) / 1000;

    // Quiet phase: every socket is back; new events reach each of them once.
    await eventually(() => clients.every((client) => client.connected), 30_000);
    const settled = Date.now();
    const quiet: string[] = [];
    for (let index = 0; index < 5; index++) {
      const created = await call(proxy, '/api/v1/products', {
        token: admin,
        key: randomUUID(),
        json: {
          sku: `FLEET-${index}-${randomBytes(3).toString('hex')}`,
          name: `Fleet ${index}`,
          priceMinor: 100,
          currency: 'EUR',
        },
      });
      expect(created.status).toBe(201);
      quiet.push(created.body.id);
    }

    // Every event was dispatched, and every webhook delivery has settled.
    await eventually(async () => {
      const pending = await db.query(
        `SELECT (SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL)::int AS outbox,
                (SELECT count(*) FROM webhook_deliveries WHERE status IN ('pending', 'in_flight'))::int AS deliveries`,
      );
      return pending.rows[0].outbox === 0 && pending.rows[0].deliveries === 0;
    }, 60_000);
    const events = (
      await db.query<{ id: string; type: string; aggregate_id: string; dispatched_at: Date }>(
        `SELECT id, type, aggregate_id, dispatched_at FROM outbox_events WHERE occurred_at >= $1 ORDER BY position`,
        [since],
      )
    ).rows;
    const subscribed = events.filter((event) =>
      ['product.created', 'stock.changed', 'sales_order.created', 'sales_order.status_changed'].includes(event.type),
    );
    await eventually(() => subscribed.every((event) => receiver.deliveries.has(event.id)), 30_000);
    const quietEvents = events.filter(
      (event) => event.type === 'product.created' && quiet.includes(event.aggregate_id),
    );
    await eventually(
      () => clients.every((client) => quietEvents.every((event) => client.received.has(event.id))),
      15_000,
    );

    // 1. No client saw a failure.
    expect(tally.failures).toEqual([]);
    expect(restarts.map((restart) => restart.exitCode)).toEqual([0, 0, 0]);

    // 2. Every acknowledged write is there once, and nothing else is.
    const notes = await db.query<{ note: string; count: number }>(
      `SELECT note, count(*)::int AS count FROM stock_movements WHERE note LIKE 'fleet-%' GROUP BY note`,
    );
    expect(notes.rows.filter((row) => row.count !== 1)).toEqual([]);
    expect(notes.rows.map((row) => row.note.slice('fleet-'.length)).sort()).toEqual(
      [...acknowledged.adjustments].sort(),
    );
    const salesOrders = await db.query<{ id: string; status: string }>(
      `SELECT id, status FROM sales_orders WHERE created_at >= $1`,
      [since],
    );
    expect(salesOrders.rows.map((row) => row.id).sort()).toEqual([...acknowledged.orders].sort());
    expect(salesOrders.rows.filter((row) => row.status === 'confirmed')).toHaveLength(acknowledged.confirmations);

    // 3. Every event reached the webhook once.
    const doubled = [...receiver.deliveries].filter(([, count]) => count !== 1);
    expect(doubled).toEqual([]);
    expect(subscribed.filter((event) => receiver.deliveries.get(event.id) !== 1)).toEqual([]);

    // 4. Sockets: never a duplicate; every event dispatched while a socket was connected (with a
    // second either side) reached it; the quiet phase's events reached every socket.
    let socketDeliveries = 0;
    for (const client of clients) {
      expect([client.name, [...client.received].filter(([, count]) => count !== 1)]).toEqual([client.name, []]);
      for (const event of events) {
        const at = event.dispatched_at.getTime();
        if (!client.connectedThroughout(at - 1_000, at + 1_000)) continue;
        expect([client.name, event.id, event.type, client.received.get(event.id)]).toEqual([
          client.name,
          event.id,
          event.type,
          1,
        ]);
        socketDeliveries++;
      }
    }

    const report = {
      replicas: REPLICAS,
      loadSeconds,
      requests: tally.requests,
      byStatus: tally.byStatus,
      failed: tally.failures.length,
      resentOnClosedConnection: resent.length,
      acknowledgedAdjustments: acknowledged.adjustments.length,
      acknowledgedOrders: acknowledged.orders.length,
      confirmations: acknowledged.confirmations,
      events: events.length,
      webhookDeliveries: [...receiver.deliveries.values()].reduce((sum, count) => sum + count, 0),
      socketDeliveriesChecked: socketDeliveries,
      sockets: clients.map((client) => ({
        name: client.name,
        connections: client.connectedSpans.length,
        events: client.received.size,
      })),
      restarts,
      quietPhaseMs: Date.now() - settled,
    };
    mkdirSync(join(__dirname, '..', '.artifacts'), { recursive: true });
    writeFileSync(REPORT, JSON.stringify(report, null, 2));
    console.log(`fleet: ${JSON.stringify(report)}`);
    expect(tally.requests).toBeGreaterThan(200);
    expect(acknowledged.adjustments.length).toBeGreaterThan(10);
  }, 900_000);

  it('shares the login limit: the sixth wrong password is refused whichever replica answers', async () => {
    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    const wrong = (base: string) =>
      call(base, '/api/v1/auth/login', { json: { email: 'clerk@depot.local', password: 'not-the-password-1' } });
    for (let attempt = 0; attempt < 5; attempt++) expect((await wrong(bases[attempt % REPLICAS])).status).toBe(401);
    for (const base of bases) {
      const refused = await wrong(base);
      expect(refused.status).toBe(429);
    }
    // Through the proxy as well, and with the right password too.
    const right = await call(proxy, '/api/v1/auth/login', {
      json: { email: 'clerk@depot.local', password: DEMO_PASSWORD },
    });
    expect(right.status).toBe(429);
  });

  it('refuses a revoked API key on every replica at once', async () => {
    const admin = await login(proxy, 'admin@depot.local');
    const created = await call(proxy, '/api/v1/api-keys', {
      token: admin,
      json: { name: 'fleet key', scopes: ['catalog.products.read'] },
    });
    expect(created.status).toBe(201);
    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    for (const base of bases)
      expect((await call(base, '/api/v1/products?limit=1', { apiKey: created.body.key })).status).toBe(200);
    const revoked = await call(bases[0], `/api/v1/api-keys/${created.body.id}`, { token: admin, method: 'DELETE' });
    expect(revoked.status).toBe(204);
    // The very next request on each replica, in parallel, right after the revocation answered.
    const after = await Promise.all(
      bases.map((base) => call(base, '/api/v1/products?limit=1', { apiKey: created.body.key })),
    );
    expect(after.map((response) => response.status)).toEqual([401, 401, 401]);
  });
});
