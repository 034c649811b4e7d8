import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

/* eslint-disable @typescript-eslint/no-require-imports -- shared with the plain-JS global setup */
const { TEMPLATE, withDatabase, adminQuery } = require('./test-database') as {
  TEMPLATE: string;
  withDatabase: (url: string, name: string) => string;
  adminQuery: (url: string, sql: string, params?: unknown[]) => Promise<unknown>;
};
const serverProcess = require('./server-process') as {
  startServer: (env: Record<string, string>, options?: { timeoutMs?: number; port?: number }) => Promise<ServerProcess>;
  freePort: () => Promise<number>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

export interface ServerProcess {
  baseUrl: string;
  output: string[];
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: string | null }>;
}

/** Starts the built server (dist/backend/main.js) with this environment; resolves when ready. */
export const startServer = serverProcess.startServer;
/** A TCP port nobody listens on right now. */
export const freePort = serverProcess.freePort;

/** The URL of this test app's own database (for a second server on the same data). */
export function databaseUrlOf(name: string): string {
  return withDatabase(process.env.DEPOT_TEST_ADMIN_URL!, name);
}

export const DEMO_PASSWORD = 'depot-demo-password';

export interface TestApp {
  baseUrl: string;
  server: ServerProcess;
  /** A pool on this test file's own database, for assertions behind the API's back. */
  db: Pool;
  request(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<TestResponse>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  text: string;
}

/** Starts the built server on a fresh copy of the template database, listening on a random port. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const adminUrl = process.env.DEPOT_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('DEPOT_TEST_ADMIN_URL is not set: run the tests through the jest config in e2e/api');
  const name = `depot_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
  const databaseUrl = withDatabase(adminUrl, name);
  const server = await startServer({ DATABASE_URL: databaseUrl, ...env });
  const baseUrl = server.baseUrl;
  const db = new Pool({ connectionString: databaseUrl, max: 2 });

  const request: TestApp['request'] = async (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const response = await fetch(`${baseUrl}${path}`, { ...init, headers, body });
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text.length > 0 && (response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed, text };
  };

  return {
    baseUrl,
    server,
    db,
    request,
    async login(email, password = DEMO_PASSWORD) {
      const response = await request('/api/v1/auth/login', { method: 'POST', json: { email, password } });
      if (response.status !== 200) throw new Error(`login as ${email} failed: ${response.status} ${response.text}`);
      return response.body.accessToken as string;
    },
    async close() {
      await db.end();
      await server.stop();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Asserts the RFC 9457 shape every error response must have. */
export function expectProblem(response: TestResponse, status: number, code?: string): void {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status });
  expect(response.text).not.toMatch(/at .*\.js:\d+|QueryFailedError|stack/);
  if (code) expect(response.body.code).toBe(code);
}
