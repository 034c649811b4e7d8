import { generateSync } from 'otplib';
import { mailQueueSettled } from './support/mail';
import { DEMO_PASSWORD, expectProblem, startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'amber kettle 7 orbit';
const TOTP_PERIOD = 30;

/** The code an authenticator app shows, `steps` time steps from now. */
function totp(secret: string, steps = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * TOTP_PERIOD });
}

describe('Two-step verification (TOTP)', () => {
  let app: TestApp;
  let admin: string;
  const secrets: string[] = [];
  const recoveryCodes: string[] = [];

  async function createUser(email: string): Promise<string> {
    const created = await app.request('/api/v1/users', {
      method: 'POST',
      token: admin,
      json: { email, displayName: 'Margo Factor', roles: ['clerk'], initialPassword: PASSWORD },
    });
    expect(created.status).toBe(201);
    // As if the user had already replaced the temporary password (tested in identity-admin).
    await app.db.query('UPDATE users SET must_change_password = false WHERE id = $1', [created.body.id]);
    return created.body.id as string;
  }

  function login(email: string, mfaCode?: string, password = PASSWORD) {
    return app.request('/api/v1/auth/login', {
      method: 'POST',
      json: mfaCode === undefined ? { email, password } : { email, password, mfaCode },
    });
  }

  /** Sets up and confirms TOTP for the signed-in user; returns the secret and the recovery codes. */
  async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await app.request('/api/v1/me/mfa/totp/setup', { method: 'POST', token });
    expect(setup.status).toBe(200);
    secrets.push(setup.body.secret);
    // The previous step's code: the current one stays free for the first sign-in.
    const enabled = await app.request('/api/v1/me/mfa/totp/enable', {
      method: 'POST',
      token,
      json: { code: totp(setup.body.secret, -1) },
    });
    expect(enabled.status).toBe(200);
    recoveryCodes.push(...enabled.body.recoveryCodes);
    return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes };
  }

  /** What was mailed to this address, newest first, once the queue has delivered everything. */
  async function mailsTo(email: string): Promise<{ template: string; subject: string; text: string }[]> {
    await mailQueueSettled(app.db);
    const response = await app.request(`/api/v1/dev/mailbox?to=${encodeURIComponent(email)}`, { token: admin });
    expect(response.status).toBe(200);
    return response.body.items;
  }

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.login('admin@depot.local');
  });
  afterAll(() => app.close());

  describe('enrolment', () => {
    const email = 'margo.enrol@depot.local';
    let token: string;
    let secret: string;
    let confirmingCode: string;

    beforeAll(async () => {
      await createUser(email);
      token = await app.login(email, PASSWORD);
    });

    it('starts with a secret, an otpauth URL and a QR code, and changes nothing at sign-in until confirmed', async () => {
      const setup = await app.request('/api/v1/me/mfa/totp/setup', { method: 'POST', token });
      expect(setup.status).toBe(200);
      expect(setup.headers.get('cache-control')).toBe('no-store');
      secret = setup.body.secret;
      secrets.push(secret);
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(setup.body.otpauthUrl).toBe(
        `otpauth://totp/Depot:margo.enrol%40depot.local?secret=${secret}&issuer=Depot`,
      );
      expect(setup.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
      expect((await login(email)).status).toBe(200);
      expect((await app.request('/api/v1/auth/me', { token })).body.mfaEnabled).toBe(false);
    });

    it('refuses a wrong confirmation code with 400 and leaves it off', async () => {
      const wrong = String((Number(totp(secret)) + 500_000) % 1_000_000).padStart(6, '0');
      const response = await app.request('/api/v1/me/mfa/totp/enable', {
        method: 'POST',
        token,
        json: { code: wrong },
      });
      expectProblem(response, 400, 'AUTH.INVALID_MFA_CODE');
      expect(response.body.errors[0].field).toBe('code');
      expect((await login(email)).status).toBe(200);
    });

    it('turns on with a code from the app, answers ten recovery codes once and sends a notice', async () => {
      confirmingCode = totp(secret);
      const enabled = await app.request('/api/v1/me/mfa/totp/enable', {
        method: 'POST',
        token,
        json: { code: confirmingCode },
      });
      expect(enabled.status).toBe(200);
      expect(enabled.headers.get('cache-control')).toBe('no-store');
      expect(enabled.body.recoveryCodes).toHaveLength(10);
      recoveryCodes.push(...enabled.body.recoveryCodes);
      expect(new Set(enabled.body.recoveryCodes).size).toBe(10);
      const me = await app.request('/api/v1/auth/me', { token });
      expect(me.body.mfaEnabled).toBe(true);
      const [notice] = await mailsTo(email);
      expect(notice).toMatchObject({
        template: 'mfa-changed',
        subject: 'Two-step verification turned on for your Depot account',
      });
      const stored = await app.db.query('SELECT code_hash FROM mfa_recovery_codes WHERE user_id = $1', [me.body.id]);
      expect(stored.rows).toHaveLength(10);
      for (const code of enabled.body.recoveryCodes) expect(JSON.stringify(stored.rows)).not.toContain(code);
    });

    it('refuses to set up again while on (409) and refuses the code that confirmed it at sign-in', async () => {
      expectProblem(
        await app.request('/api/v1/me/mfa/totp/setup', { method: 'POST', token }),
        409,
        'AUTH.MFA_ALREADY_ENABLED',
      );
      // The confirming code's time step is spent: it cannot also sign in.
      expectProblem(await login(email, confirmingCode), 401, 'AUTH.INVALID_MFA_CODE');
    });

    it('asks to set up first when confirming without a pending secret (409)', async () => {
      const other = 'margo.nosetup@depot.local';
      await createUser(other);
      const otherToken = await app.login(other, PASSWORD);
      expectProblem(
        await app.request('/api/v1/me/mfa/totp/enable', {
          method: 'POST',
          token: otherToken,
          json: { code: '123456' },
        }),
        409,
        'AUTH.MFA_NOT_SET_UP',
      );
    });
  });

  describe('sign-in', () => {
    const email = 'margo.signin@depot.local';
    let secret: string;
    let codes: string[];

    beforeAll(async () => {
      await createUser(email);
      ({ secret, recoveryCodes: codes } = await enrol(await app.login(email, PASSWORD)));
    });

    it('answers 401 AUTH.MFA_REQUIRED after a correct password without a code', async () => {
      const response = await login(email);
      expectProblem(response, 401, 'AUTH.MFA_REQUIRED');
      expect(response.body.detail).toBe('Enter the code from your authenticator app.');
    });

    it('does not reveal that MFA is on when the password is wrong', async () => {
      expectProblem(await login(email, undefined, 'not the password at all'), 401, 'AUTH.INVALID_CREDENTIALS');
      expectProblem(await login(email, totp(secret), 'not the password at all'), 401, 'AUTH.INVALID_CREDENTIALS');
    });

    it('refuses a wrong code with 401 AUTH.INVALID_MFA_CODE', async () => {
      const wrong = String((Number(totp(secret)) + 500_000) % 1_000_000).padStart(6, '0');
      expectProblem(await login(email, wrong), 401, 'AUTH.INVALID_MFA_CODE');
      expectProblem(await login(email, 'zzzzz-zzzzz'), 401, 'AUTH.INVALID_MFA_CODE');
    });

    it('signs in with the current code, and refuses the same code a second time', async () => {
      const code = totp(secret);
      const first = await login(email, code);
      expect(first.status).toBe(200);
      expect(first.body.accessToken).toEqual(expect.any(String));
      expectProblem(await login(email, code), 401, 'AUTH.INVALID_MFA_CODE');
    });

    it('signs in with a recovery code exactly once', async () => {
      expect((await login(email, codes[0].toUpperCase())).status).toBe(200);
      expectProblem(await login(email, codes[0]), 401, 'AUTH.INVALID_MFA_CODE');
      expect((await login(email, codes[1].replace('-', ''))).status).toBe(200);
    });

    it('audits the second factor used, the challenges and the failures', async () => {
      const rows = await app.db.query(
        `SELECT action, changes FROM audit_events e JOIN users u ON u.id = e.entity_id
          WHERE u.email = $1 AND action LIKE 'auth.login.%' ORDER BY e.id`,
        [email],
      );
      const events = rows.rows.map((row) => [row.action, row.changes ? Object.values(row.changes)[0] : null]);
      expect(events).toEqual(
        expect.arrayContaining([
          ['auth.login.mfa_required', null],
          ['auth.login.failed', { before: null, after: 'invalid_mfa_code' }],
          ['auth.login.succeeded', { before: null, after: 'totp' }],
          ['auth.login.succeeded', { before: null, after: 'recovery_code' }],
        ]),
      );
    });
  });

  describe('turning it off and resetting it', () => {
    const email = 'margo.off@depot.local';
    let userId: string;
    let token: string;

    beforeAll(async () => {
      userId = await createUser(email);
      token = await app.login(email, PASSWORD);
      await enrol(token);
    });

    it('needs the current password to turn it off', async () => {
      const wrong = await app.request('/api/v1/me/mfa/disable', {
        method: 'POST',
        token,
        json: { password: 'definitely not it' },
      });
      expectProblem(wrong, 400, 'IDENTITY.WRONG_PASSWORD');
      expect(wrong.body.errors[0].field).toBe('password');
      expectProblem(await login(email), 401, 'AUTH.MFA_REQUIRED');
    });

    it('turns off with the password: code no longer asked, secret and recovery codes gone, notice sent', async () => {
      const off = await app.request('/api/v1/me/mfa/disable', { method: 'POST', token, json: { password: PASSWORD } });
      expect(off.status).toBe(204);
      expect((await login(email)).status).toBe(200);
      const user = await app.db.query('SELECT mfa_secret, mfa_enabled_at FROM users WHERE id = $1', [userId]);
      expect(user.rows[0]).toEqual({ mfa_secret: null, mfa_enabled_at: null });
      const codes = await app.db.query('SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = $1', [
        userId,
      ]);
      expect(codes.rows[0].n).toBe(0);
      expect((await mailsTo(email))[0].subject).toBe('Two-step verification turned off for your Depot account');
    });

    it('lets an administrator reset it for a user who lost their device', async () => {
      await enrol(token);
      expectProblem(await login(email), 401, 'AUTH.MFA_REQUIRED');
      const reset = await app.request(`/api/v1/users/${userId}/mfa/reset`, { method: 'POST', token: admin });
      expect(reset.status).toBe(200);
      expect(reset.body).toMatchObject({ id: userId, mfaEnabled: false });
      expect((await login(email)).status).toBe(200);
      expect((await mailsTo(email))[0].subject).toBe('Two-step verification reset for your Depot account');
      const audit = await app.db.query(
        `SELECT actor_label FROM audit_events WHERE action = 'auth.mfa.reset' AND entity_id = $1`,
        [userId],
      );
      expect(audit.rows).toEqual([{ actor_label: 'admin@depot.local' }]);
    });

    it('refuses the reset without the permission, for an unknown user, and for oneself', async () => {
      const manager = await app.login('manager@depot.local');
      expectProblem(
        await app.request(`/api/v1/users/${userId}/mfa/reset`, { method: 'POST', token: manager }),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(
        await app.request('/api/v1/users/01900000-0000-7000-8000-000000000000/mfa/reset', {
          method: 'POST',
          token: admin,
        }),
        404,
        'IDENTITY.USER_NOT_FOUND',
      );
      const me = await app.request('/api/v1/auth/me', { token: admin });
      expectProblem(await app.request(`/api/v1/users/${me.body.id}/mfa/reset`, { method: 'POST', token: admin }), 409);
    });
  });

  it('keeps users whose role requires MFA out of everything but enrolment until they enrol', async () => {
    const role = await app.request('/api/v1/roles', {
      method: 'POST',
      token: admin,
      json: { name: 'mfa-clerk', permissions: ['catalog.products.read'], requireMfa: true },
    });
    expect(role.status).toBe(201);
    const email = 'margo.required@depot.local';
    const created = await app.request('/api/v1/users', {
      method: 'POST',
      token: admin,
      json: { email, displayName: 'Margo Required', roles: ['mfa-clerk'], initialPassword: PASSWORD },
    });
    expect(created.status).toBe(201);
    await app.db.query('UPDATE users SET must_change_password = false WHERE id = $1', [created.body.id]);
    const token = await app.login(email, PASSWORD);
    expectProblem(await app.request('/api/v1/products', { token }), 403, 'AUTH.MFA_ENROLLMENT_REQUIRED');
    await enrol(token);
    // Enrolment takes effect at once for this session.
    expect((await app.request('/api/v1/products', { token })).status).toBe(200);
  });

  it('refuses malformed requests with 400 problems', async () => {
    const email = 'margo.input@depot.local';
    await createUser(email);
    const token = await app.login(email, PASSWORD);
    const cases: [string, unknown, string][] = [
      ['/api/v1/me/mfa/totp/enable', {}, 'code'],
      ['/api/v1/me/mfa/totp/enable', { code: 123456 }, 'code'],
      ['/api/v1/me/mfa/totp/enable', { code: '12345' }, 'code'],
      ['/api/v1/me/mfa/totp/enable', { code: '123456', secret: 'JBSWY3DPEHPK3PXP' }, 'secret'],
      ['/api/v1/me/mfa/disable', {}, 'password'],
      ['/api/v1/me/mfa/disable', { password: ['x'] }, 'password'],
      ['/api/v1/me/mfa/disable', { password: PASSWORD, userId: 'someone' }, 'userId'],
      ['/api/v1/auth/login', { email, password: PASSWORD, mfaCode: 123456 }, 'mfaCode'],
      ['/api/v1/auth/login', { email, password: PASSWORD, mfaCode: '1'.repeat(65) }, 'mfaCode'],
    ];
    for (const [path, json, field] of cases) {
      const response = await app.request(path, { method: 'POST', token, json });
      expectProblem(response, 400, 'REQUEST.VALIDATION_FAILED');
      expect([path, json, response.body.errors.map((error: { field: string }) => error.field)]).toEqual([
        path,
        json,
        expect.arrayContaining([field]),
      ]);
    }
    expectProblem(
      await app.request('/api/v1/users/not-a-uuid/mfa/reset', { method: 'POST', token: admin }),
      400,
      'REQUEST.VALIDATION_FAILED',
    );
    expectProblem(
      await app.request('/api/v1/me/mfa/disable', {
        method: 'POST',
        token,
        headers: { 'content-type': 'text/plain' },
        body: 'password',
      }),
      415,
    );
    expectProblem(await app.request('/api/v1/me/mfa/totp/setup', { method: 'POST' }), 401, 'AUTH.UNAUTHENTICATED');
  });

  it('never writes a secret, recovery code or password into the audit trail', async () => {
    const audit = await app.db.query('SELECT * FROM audit_events');
    const dump = JSON.stringify(audit.rows);
    expect(audit.rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(['auth.mfa.setup_started', 'auth.mfa.enabled', 'auth.mfa.disabled', 'auth.mfa.reset']),
    );
    expect(secrets.length).toBeGreaterThan(3);
    expect(recoveryCodes.length).toBeGreaterThan(20);
    for (const secret of [...secrets, ...recoveryCodes, ...recoveryCodes.map((code) => code.replace('-', ''))]) {
      expect(dump).not.toContain(secret);
    }
    for (const password of [PASSWORD, DEMO_PASSWORD, 'definitely not it', 'not the password at all']) {
      expect(dump).not.toContain(password);
    }
  });
});
