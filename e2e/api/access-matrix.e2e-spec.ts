import { startTestApp, type TestApp, type TestResponse } from './support/test-app';

interface Operation {
  method: string;
  path: string;
  operationId: string;
  permission?: string;
  secured: boolean;
}

const CALLERS = ['anonymous', 'admin', 'manager', 'clerk', 'viewer', 'narrow-api-key'] as const;
type Caller = (typeof CALLERS)[number];

/**
 * Access control matrix (QUALITY S3): every operation in the OpenAPI document, called by every
 * built-in role, anonymously and with an API key scoped to one permission. Allowed calls must
 * not be refused with 401/403 (they may fail validation or find nothing, with bodies and ids
 * that change nothing); everything else must be 401 or 403.
 */
describe('Access control matrix over every documented operation', () => {
  let app: TestApp;
  let operations: Operation[];
  const permissionsOf: Partial<Record<Caller, Set<string>>> = {};
  const credentials: Partial<Record<Caller, Record<string, string>>> = {};

  async function signIn(caller: Exclude<Caller, 'anonymous' | 'narrow-api-key'>): Promise<void> {
    const token = await app.login(`${caller}@depot.local`);
    credentials[caller] = { authorization: `Bearer ${token}` };
  }

  beforeAll(async () => {
    app = await startTestApp();
    const document = (await app.request('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { operationId: string; security?: unknown[]; 'x-permission'?: string }>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        permission: op['x-permission'],
        secured: Array.isArray(op.security) && op.security.length > 0,
      })),
    );
    for (const caller of ['admin', 'manager', 'clerk', 'viewer'] as const) {
      await signIn(caller);
      const me = await app.request('/api/v1/auth/me', { headers: credentials[caller] });
      permissionsOf[caller] = new Set(me.body.permissions as string[]);
    }
    const key = await app.request('/api/v1/api-keys', {
      method: 'POST',
      headers: credentials.admin,
      json: { name: 'matrix', scopes: ['catalog.products.read'] },
    });
    expect(key.status).toBe(201);
    credentials['narrow-api-key'] = { 'x-api-key': key.body.key };
    permissionsOf['narrow-api-key'] = new Set(['catalog.products.read']);
    credentials.anonymous = {};
  });
  afterAll(() => app.close());

  it('covers every documented operation', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    // Outgoing mail is for administrators only (no other built-in role holds these).
    expect(operations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ operationId: 'listMailMessages', permission: 'mail.messages.read' }),
        expect.objectContaining({ operationId: 'retryMailMessage', permission: 'mail.messages.manage' }),
      ]),
    );
    for (const caller of ['manager', 'clerk', 'viewer'] as const) {
      expect([caller, permissionsOf[caller]!.has('mail.messages.read')]).toEqual([caller, false]);
    }
    // Open to every signed-in user, each answering only with what the caller may see: search
    // filters its groups by permission, saved views are the caller's own or shared ones.
    const perCaller = (path: string) => path === '/api/v1/search' || path.startsWith('/api/v1/saved-views');
    for (const op of operations) {
      if (
        op.secured &&
        // The company's details and tax rates: printed on every document, used by every order form.
        !['getCurrentUser', 'getCompanySettings', 'listTaxRates', 'getTaxRate'].includes(op.operationId) &&
        !op.path.startsWith('/api/v1/me') &&
        !perCaller(op.path)
      ) {
        expect([op.operationId, op.permission]).toEqual([op.operationId, expect.any(String)]);
      }
    }
  });

  it.each(CALLERS)('gives %s exactly the access its permissions grant', async (caller) => {
    const mismatches: string[] = [];
    for (const op of operations) {
      if (!op.secured) continue;
      const path = op.path.replace(/\{[^}]+\}/g, '01900000-0000-7000-8000-000000000000');
      const hasBody = ['POST', 'PATCH', 'PUT'].includes(op.method);
      // Calls that would end the caller's own sessions are judged by a probe that cannot.
      const harmless = op.method === 'DELETE' && path.startsWith('/api/v1/me/sessions') && !path.endsWith('0000');
      const response: TestResponse = harmless
        ? await app.request(`${path}/01900000-0000-7000-8000-000000000000`, {
            method: 'DELETE',
            headers: credentials[caller],
          })
        : await app.request(path, {
            method: op.method,
            headers: credentials[caller],
            ...(hasBody ? { json: {} } : {}),
          });
      let expected: 'allowed' | 401 | 403;
      if (caller === 'anonymous') expected = 401;
      else if (caller === 'narrow-api-key' && !op.permission) expected = 403;
      else if (op.permission && !permissionsOf[caller]!.has(op.permission)) expected = 403;
      else expected = 'allowed';
      const ok = expected === 'allowed' ? ![401, 403].includes(response.status) : response.status === expected;
      if (!ok)
        mismatches.push(`${op.method} ${op.path} (${op.operationId}): expected ${expected}, got ${response.status}`);
      if (response.status >= 500) mismatches.push(`${op.method} ${op.path}: server error ${response.status}`);
      // Re-sign in if a call ended this caller's session.
      if (caller !== 'anonymous' && caller !== 'narrow-api-key') {
        const me = await app.request('/api/v1/auth/me', { headers: credentials[caller] });
        if (me.status === 401) await signIn(caller);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
