import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mailQueueSettled } from './support/mail';
import { DEMO_PASSWORD, expectProblem, startTestApp, type TestApp } from './support/test-app';

const INITIAL_PASSWORD = 'amber kettle 7 orbit';
const PUBLIC_URL = 'https://depot.example.test';

interface Mail {
  id: string;
  to: string;
  subject: string;
  template: string;
  html: string;
  text: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('Password reset', () => {
  let app: TestApp;
  let admin: string;
  const tokens: string[] = [];
  const passwords: string[] = [INITIAL_PASSWORD, DEMO_PASSWORD];

  async function createUser(email: string, displayName = 'Rosa Reset'): Promise<string> {
    const created = await app.request('/api/v1/users', {
      method: 'POST',
      token: admin,
      json: { email, displayName, roles: ['viewer'], initialPassword: INITIAL_PASSWORD },
    });
    expect(created.status).toBe(201);
    // As if the user had already replaced the temporary password (tested in identity-admin).
    await app.db.query('UPDATE users SET must_change_password = false WHERE id = $1', [created.body.id]);
    return created.body.id as string;
  }

  function forgot(email: unknown) {
    return app.request('/api/v1/auth/password/forgot', { method: 'POST', json: { email } });
  }

  function reset(token: string, newPassword: string) {
    passwords.push(newPassword);
    return app.request('/api/v1/auth/password/reset', { method: 'POST', json: { token, newPassword } });
  }

  /** What was mailed to this address, newest first, once the queue has delivered everything. */
  async function mailsTo(email: string): Promise<Mail[]> {
    await mailQueueSettled(app.db);
    const response = await app.request(`/api/v1/dev/mailbox?to=${encodeURIComponent(email)}`, { token: admin });
    expect(response.status).toBe(200);
    return response.body.items;
  }

  /** The token of the newest reset link mailed to this address. */
  async function mailedToken(email: string): Promise<string> {
    const [mail] = await mailsTo(email);
    expect(mail.template).toBe('password-reset');
    const token = /\/reset-password\?token=([A-Za-z0-9_-]+)\n/.exec(mail.text)?.[1];
    expect(token).toEqual(expect.any(String));
    tokens.push(token!);
    return token!;
  }

  beforeAll(async () => {
    app = await startTestApp({ PUBLIC_URL });
    admin = await app.login('admin@depot.local');
  });
  afterAll(() => app.close());

  describe('asking for a link', () => {
    const email = 'rosa.forgot@depot.local';

    beforeAll(() => createUser(email));

    it('answers the same 202 for a known and an unknown address, and mails only the known one', async () => {
      const started = Date.now();
      const known = await forgot('Rosa.Forgot@depot.local');
      const knownMs = Date.now() - started;
      const unknownStarted = Date.now();
      const unknown = await forgot('nobody.here@depot.local');
      const unknownMs = Date.now() - unknownStarted;

      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.text).toBe(known.text);
      expect(known.body.message).toMatch(/If an active account uses this address/);
      // Both wait out the same floor, so the time taken does not tell them apart.
      expect(knownMs).toBeGreaterThanOrEqual(240);
      expect(unknownMs).toBeGreaterThanOrEqual(240);
      expect(Math.abs(knownMs - unknownMs)).toBeLessThan(200);

      expect(await mailsTo('nobody.here@depot.local')).toEqual([]);
      const [mail] = await mailsTo(email);
      expect(mail).toMatchObject({ to: email, template: 'password-reset', subject: 'Reset your Depot password' });
      expect(mail.text).toMatch(new RegExp(`^${PUBLIC_URL}/reset-password\\?token=[A-Za-z0-9_-]{43}$`, 'm'));
      expect(mail.text).toContain('expires in 30 minutes');
      expect(mail.html).toContain(`href="${PUBLIC_URL}/reset-password?token&#x3D;`);
    });

    it('stores only the SHA-256 of the token, valid for 30 minutes', async () => {
      const token = await mailedToken(email);
      const rows = await app.db.query(
        `SELECT token_hash, purpose, round(extract(epoch FROM expires_at - created_at) / 60)::int AS minutes
           FROM password_tokens WHERE token_hash = $1`,
        [sha256(token)],
      );
      expect(rows.rows).toEqual([{ token_hash: sha256(token), purpose: 'reset', minutes: 30 }]);
      const all = await app.db.query('SELECT * FROM password_tokens');
      expect(JSON.stringify(all.rows)).not.toContain(token);
    });

    it('mails nothing for a disabled account', async () => {
      const disabledEmail = 'rosa.disabled@depot.local';
      const id = await createUser(disabledEmail);
      const disabled = await app.request(`/api/v1/users/${id}/disable`, { method: 'POST', token: admin });
      expect(disabled.body.status).toBe('disabled');
      expect((await forgot(disabledEmail)).status).toBe(202);
      expect(await mailsTo(disabledEmail)).toEqual([]);
    });

    it('sends at most three links per account in 15 minutes, still answering 202', async () => {
      const busy = 'rosa.busy@depot.local';
      await createUser(busy);
      for (let i = 0; i < 4; i++) expect((await forgot(busy)).status).toBe(202);
      expect(await mailsTo(busy)).toHaveLength(3);
    });
  });

  describe('using the link', () => {
    const email = 'rosa.link@depot.local';
    let userId: string;

    beforeAll(async () => {
      userId = await createUser(email, 'Rosa Link');
    });

    it('refuses a weak password with a field error and leaves the link usable', async () => {
      await forgot(email);
      const token = await mailedToken(email);
      for (const weak of ['password1234', 'short', 'rosa.link-2026-secure']) {
        const response = await reset(token, weak);
        expectProblem(response, 400, 'REQUEST.VALIDATION_FAILED');
        expect(response.body.errors[0]).toMatchObject({ field: 'newPassword', code: 'passwordPolicy' });
      }
      const used = await app.db.query('SELECT used_at FROM password_tokens WHERE token_hash = $1', [sha256(token)]);
      expect(used.rows[0].used_at).toBeNull();
    });

    it('sets the new password once, ends every session and sends a notice', async () => {
      const session = await app.request('/api/v1/auth/login', {
        method: 'POST',
        json: { email, password: INITIAL_PASSWORD },
      });
      expect(session.status).toBe(200);
      const token = await mailedToken(email);

      const done = await reset(token, 'copper lantern 9 meadow');
      expect(done.status).toBe(204);

      expectProblem(
        await app.request('/api/v1/auth/refresh', {
          method: 'POST',
          json: { refreshToken: session.body.refreshToken },
        }),
        401,
        'AUTH.INVALID_REFRESH_TOKEN',
      );
      expectProblem(await app.request('/api/v1/auth/me', { token: session.body.accessToken }), 401);
      expectProblem(
        await app.request('/api/v1/auth/login', { method: 'POST', json: { email, password: INITIAL_PASSWORD } }),
        401,
      );
      expect(
        (
          await app.request('/api/v1/auth/login', {
            method: 'POST',
            json: { email, password: 'copper lantern 9 meadow' },
          })
        ).status,
      ).toBe(200);

      const user = await app.request(`/api/v1/users/${userId}`, { token: admin });
      expect(user.body.mustChangePassword).toBe(false);
      const [notice] = await mailsTo(email);
      expect(notice).toMatchObject({ template: 'password-changed', subject: 'Your Depot password was changed' });
      const audit = await app.db.query(
        `SELECT actor_type, actor_id FROM audit_events WHERE action = 'auth.password.reset' AND entity_id = $1`,
        [userId],
      );
      expect(audit.rows).toEqual([{ actor_type: 'user', actor_id: userId }]);

      expectProblem(await reset(token, 'second try 7 harbour lights'), 400, 'AUTH.INVALID_PASSWORD_TOKEN');
    });

    it('refuses an expired link', async () => {
      await forgot(email);
      const token = await mailedToken(email);
      await app.db.query(`UPDATE password_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
        sha256(token),
      ]);
      const response = await reset(token, 'violet tractor umbrella 42');
      expectProblem(response, 400, 'AUTH.INVALID_PASSWORD_TOKEN');
      expect(response.body.detail).toBe('This link is invalid, already used or expired. Ask for a new one.');
    });

    it('refuses an unknown link the same way', async () => {
      const made = randomBytes(32).toString('base64url');
      expectProblem(await reset(made, 'violet tractor umbrella 42'), 400, 'AUTH.INVALID_PASSWORD_TOKEN');
    });

    it('keeps only the newest link working', async () => {
      const other = 'rosa.newest@depot.local';
      await createUser(other);
      await forgot(other);
      const older = await mailedToken(other);
      await forgot(other);
      const newer = await mailedToken(other);
      expect(newer).not.toBe(older);
      expectProblem(await reset(older, 'violet tractor umbrella 42'), 400, 'AUTH.INVALID_PASSWORD_TOKEN');
      expect((await reset(newer, 'violet tractor umbrella 42')).status).toBe(204);
    });

    it('accepts an invitation link once, without a "password changed" notice', async () => {
      const invited = 'rosa.invited@depot.local';
      const id = await createUser(invited);
      // Issued the way the invitation flow does (PasswordTokensService.issue(userId, 'invite', 72 h)).
      const token = randomBytes(32).toString('base64url');
      tokens.push(token);
      await app.db.query(
        `INSERT INTO password_tokens (id, user_id, purpose, token_hash, expires_at)
         VALUES ($1, $2, 'invite', $3, now() + interval '72 hours')`,
        [randomUUID(), id, sha256(token)],
      );
      expect((await reset(token, 'orchid satellite 5 pebble')).status).toBe(204);
      expectProblem(await reset(token, 'orchid satellite 5 pebble'), 400, 'AUTH.INVALID_PASSWORD_TOKEN');
      expect(
        (
          await app.request('/api/v1/auth/login', {
            method: 'POST',
            json: { email: invited, password: 'orchid satellite 5 pebble' },
          })
        ).status,
      ).toBe(200);
      expect((await mailsTo(invited)).map((mail) => mail.template)).not.toContain('password-changed');
      const audit = await app.db.query(
        `SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'auth.%'`,
        [id],
      );
      expect(audit.rows.map((row) => row.action)).toEqual(
        expect.arrayContaining(['auth.invite.accepted', 'auth.password.changed']),
      );
    });
  });

  it('refuses malformed requests with 400 problems', async () => {
    const cases: [string, unknown, string][] = [
      ['/api/v1/auth/password/forgot', {}, 'email'],
      ['/api/v1/auth/password/forgot', { email: 42 }, 'email'],
      ['/api/v1/auth/password/forgot', { email: 'not-an-address' }, 'email'],
      ['/api/v1/auth/password/forgot', { email: `${'a'.repeat(250)}@depot.local` }, 'email'],
      ['/api/v1/auth/password/forgot', { email: 'rosa.forgot@depot.local', resetTo: 'x' }, 'resetTo'],
      ['/api/v1/auth/password/reset', {}, 'token'],
      ['/api/v1/auth/password/reset', { token: 1, newPassword: 'violet tractor umbrella 42' }, 'token'],
      ['/api/v1/auth/password/reset', { token: 'x'.repeat(129), newPassword: 'violet tractor umbrella 42' }, 'token'],
      ['/api/v1/auth/password/reset', { token: 'abc', newPassword: ['violet'] }, 'newPassword'],
      ['/api/v1/auth/password/reset', { token: 'abc', newPassword: 'x'.repeat(129) }, 'newPassword'],
      [
        '/api/v1/auth/password/reset',
        { token: 'abc', newPassword: 'violet tractor umbrella 42', userId: 'x' },
        'userId',
      ],
    ];
    for (const [path, json, field] of cases) {
      const response = await app.request(path, { method: 'POST', json });
      expectProblem(response, 400, 'REQUEST.VALIDATION_FAILED');
      expect([path, response.body.errors.map((error: { field: string }) => error.field)]).toEqual([
        path,
        expect.arrayContaining([field]),
      ]);
    }
    for (const path of ['/api/v1/auth/password/forgot', '/api/v1/auth/password/reset']) {
      expectProblem(
        await app.request(path, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'email=x' }),
        415,
      );
      expectProblem(
        await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' }),
        400,
        'REQUEST.MALFORMED_BODY',
      );
    }
  });

  it('never writes a password or a link token into the audit trail', async () => {
    const audit = await app.db.query('SELECT * FROM audit_events');
    const dump = JSON.stringify(audit.rows);
    expect(audit.rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(['auth.password.reset_requested', 'auth.password.reset', 'auth.invite.accepted']),
    );
    expect(tokens.length).toBeGreaterThan(5);
    for (const secret of [...tokens, ...tokens.map(sha256), ...passwords]) expect(dump).not.toContain(secret);
  });

  describe('development mailbox', () => {
    it('lists messages newest first, page by page, filtered by recipient', async () => {
      await mailQueueSettled(app.db);
      const first = await app.request('/api/v1/dev/mailbox?limit=2', { token: admin });
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await app.request(`/api/v1/dev/mailbox?limit=2&cursor=${first.body.nextCursor}`, {
        token: admin,
      });
      const ids = [...first.body.items, ...second.body.items].map((mail: Mail) => mail.id);
      expect(new Set(ids).size).toBe(4);
      const times = [...first.body.items, ...second.body.items].map((mail: { createdAt: string }) => mail.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const filtered = await mailsTo('ROSA.LINK@depot.local');
      expect(filtered.length).toBeGreaterThan(1);
      expect(filtered.every((mail) => mail.to === 'rosa.link@depot.local')).toBe(true);
    });

    it('gets one message by id, and answers 404 for an unknown one', async () => {
      const [mail] = await mailsTo('rosa.link@depot.local');
      const one = await app.request(`/api/v1/dev/mailbox/${mail.id}`, { token: admin });
      expect(one.status).toBe(200);
      expect(one.body).toEqual(mail);
      expectProblem(
        await app.request(`/api/v1/dev/mailbox/${randomUUID()}`, { token: admin }),
        404,
        'MAIL.MESSAGE_NOT_FOUND',
      );
    });

    it('needs dev.mailbox.read and refuses malformed queries', async () => {
      const viewer = await app.login('viewer@depot.local');
      expectProblem(await app.request('/api/v1/dev/mailbox', { token: viewer }), 403, 'AUTH.FORBIDDEN');
      expectProblem(await app.request('/api/v1/dev/mailbox'), 401);
      for (const query of [
        'limit=101',
        'limit=0',
        'limit=abc',
        'cursor=not-a-cursor',
        'sort=to',
        `to=${'a'.repeat(300)}`,
      ]) {
        const response = await app.request(`/api/v1/dev/mailbox?${query}`, { token: admin });
        expect([query, response.status]).toEqual([query, 400]);
        expectProblem(response, 400);
      }
      expectProblem(await app.request('/api/v1/dev/mailbox/not-a-uuid', { token: admin }), 400);
    });

    it('does not exist in production', async () => {
      const production = await startTestApp({ NODE_ENV: 'production' });
      try {
        const token = await production.login('admin@depot.local');
        expectProblem(await production.request('/api/v1/dev/mailbox', { token }), 404, 'REQUEST.NOT_FOUND');
        expectProblem(await production.request(`/api/v1/dev/mailbox/${randomUUID()}`, { token }), 404);
      } finally {
        await production.close();
      }
    });
  });
});
