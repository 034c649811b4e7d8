import fc from 'fast-check';
import {
  operationsOf,
  requestsFor,
  SchemaArbitraries,
  type Auth,
  type FuzzRequest,
  type Operation,
} from './support/openapi-fuzz';
import { startTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- walks an arbitrary OpenAPI document */

/**
 * Contract fuzzing (QUALITY R7, R11): property-based requests generated from the served OpenAPI
 * document, for every operation in it, valid and hostile (deep nesting, control characters,
 * 1 MB strings, partial dates, null, prototype keys, out-of-range numbers, bad UUIDs, bad
 * percent-encoding, over-long parameters, wrong content types). Properties:
 * - never a 5xx;
 * - every error is problem+json with its status and a stable `code`, and no stack trace or SQL;
 * - certainly-invalid bodies (null where the schema says not nullable, an unknown field, a
 *   missing required field) are never accepted;
 * - the server is healthy afterwards and logged no unexpected error.
 *
 * CI runs a fixed seed with FUZZ_RUNS requests in all (default 5000); widen it locally with
 * FUZZ_SEED=<n> FUZZ_RUNS=<n>, narrow it with FUZZ_OPERATION=<operationId>. A failure prints the
 * seed, the operation and the request to replay.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const ONLY = process.env.FUZZ_OPERATION;
const PROBLEM_CODE = /^[A-Z]+\.[A-Z_]+$/;
/** Each operation's own seed, so a replay of one operation sees the same requests. */
function seedFor(operationId: string): number {
  let hash = SEED | 0;
  for (const char of operationId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}
const LEAK = /at \S+\.[jt]s:\d+|QueryFailedError|node_modules|\bSELECT\b[\s\S]*\bFROM\b|\bstack\b/;

describe('Contract fuzzing of every OpenAPI operation', () => {
  let app: TestApp;
  let document: any;
  let operations: Operation[];
  let values: SchemaArbitraries;
  let token: string;
  const statuses = new Map<number, number>();
  const perOperation = new Map<string, number>();
  let sent = 0;

  beforeAll(async () => {
    app = await startTestApp({ AUTH_IP_MAX_REQUESTS: '100000', LOGIN_MAX_FAILURES: '1000', LOG_LEVEL: 'warn' });
    token = await app.login('admin@depot.local');
    document = (await app.request('/api/openapi.json')).body;
    operations = operationsOf(document).filter((operation) => !ONLY || operation.operationId === ONLY);
    // Ids of records that exist, so valid-looking requests reach the business rules too.
    const ids: string[] = [];
    for (const list of [
      'products',
      'warehouses',
      'customers',
      'suppliers',
      'categories',
      'sales-orders',
      'purchase-orders',
      'invoices',
      'users',
      'roles',
    ]) {
      const response = await app.request(`/api/v1/${list}?limit=5`, { token });
      const items = Array.isArray(response.body) ? response.body : (response.body?.items ?? []);
      ids.push(...items.slice(0, 5).map((item: { id: string }) => item.id));
    }
    values = new SchemaArbitraries(document, ids);
  }, 60_000);

  afterAll(() => app?.close());

  async function send({ request, auth }: { request: FuzzRequest; auth: Auth }) {
    const headers: Record<string, string> = { ...request.headers };
    if (auth === 'admin') headers.authorization = `Bearer ${token}`;
    if (auth === 'garbage') headers.authorization = 'Bearer not.a.token';
    const response = await fetch(`${app.baseUrl}${request.url}`, {
      method: request.method,
      headers,
      body: request.body as Uint8Array<ArrayBuffer> | undefined,
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    sent++;
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
  }

  /** The reasons a response breaks the contract (empty when it is fine). */
  function violations(request: FuzzRequest, response: { status: number; contentType: string; text: string }): string[] {
    const found: string[] = [];
    if (response.status >= 500) found.push(`answered ${response.status}`);
    if (response.status >= 400) {
      if (!response.contentType.startsWith('application/problem+json')) found.push(`error as ${response.contentType}`);
      let problem: any;
      try {
        problem = JSON.parse(response.text);
      } catch {
        found.push('error body is not JSON');
      }
      if (problem) {
        if (problem.status !== response.status) found.push(`problem.status ${problem.status} != ${response.status}`);
        if (typeof problem.title !== 'string' || typeof problem.type !== 'string')
          found.push('problem without type/title');
        if (typeof problem.code !== 'string' || !PROBLEM_CODE.test(problem.code))
          found.push(`problem code ${problem.code}`);
      }
      if (LEAK.test(response.text)) found.push('stack trace or SQL in the answer');
    }
    if (request.mustFail && response.status < 300) found.push(request.mustFail);
    return found;
  }

  /** A fuzzed call may end the admin's session (logout everywhere): sign in again. */
  async function keepSignedIn(): Promise<void> {
    if ((await app.request('/api/v1/auth/me', { token })).status === 401) token = await app.login('admin@depot.local');
  }

  it('answers every generated request within the contract, for every operation', async () => {
    expect(operations.length).toBeGreaterThan(ONLY ? 0 : 100);
    const runsPerOperation = Math.max(1, Math.ceil(TOTAL_RUNS / operations.length));
    for (const operation of operations) {
      const seed = seedFor(operation.operationId);
      try {
        await fc.assert(
          fc.asyncProperty(requestsFor(operation, values), async (generated) => {
            const response = await send(generated);
            perOperation.set(operation.operationId, (perOperation.get(operation.operationId) ?? 0) + 1);
            if (response.status === 401 && generated.auth === 'admin') await keepSignedIn();
            const broken = violations(generated.request, response);
            if (broken.length > 0) {
              const { request } = generated;
              const body = request.body ? Buffer.from(request.body).toString('utf8').slice(0, 300) : '';
              throw new Error(
                `${broken.join('; ')}\n  ${request.method} ${request.url.slice(0, 300)}\n  ${request.label}\n  headers ${JSON.stringify(request.headers)}\n  body ${JSON.stringify(body)}\n  answer ${response.status} ${response.text.slice(0, 300)}`,
              );
            }
          }),
          { seed, numRuns: runsPerOperation, endOnFailure: process.env.FUZZ_SHRINK !== 'true' },
        );
      } catch (error) {
        throw new Error(
          `${operation.operationId} (${operation.method} ${operation.path}) broke the contract.\n` +
            `Replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${TOTAL_RUNS} FUZZ_OPERATION=${operation.operationId} npm run test:api -- contract-fuzz\n` +
            (error as Error).message,
        );
      }
    }
    console.log(
      `contract fuzz: ${sent} requests over ${perOperation.size} operations (seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    expect(sent).toBeGreaterThanOrEqual(ONLY ? 1 : TOTAL_RUNS);
    expect(perOperation.size).toBe(operations.length);
    // Most requests got past authentication to the validation and business rules.
    expect((statuses.get(401) ?? 0) / sent).toBeLessThan(0.25);
  }, 900_000);

  it('is healthy afterwards and logged no unexpected error', async () => {
    expect((await app.request('/api/health/ready')).status).toBe(200);
    await keepSignedIn();
    expect((await app.request('/api/v1/products?limit=1', { token })).status).toBe(200);
    const unexpected = app.server.output
      .join('')
      .split('\n')
      .filter((line) => /"msg":"request failed"/.test(line));
    expect(unexpected.slice(0, 3)).toEqual([]);
  });
});
