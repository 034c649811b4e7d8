import { randomUUID } from 'node:crypto';
import { closedPort, eventually, mailQueueSettled, SmtpSink } from './support/mail';
import { expectProblem, startTestApp, type TestApp } from './support/test-app';

interface MailMessage {
  id: string;
  to: string;
  template: string;
  subject: string;
  status: 'queued' | 'sending' | 'retrying' | 'sent' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  requestId: string | null;
  createdAt: string;
}

/** Quoted-printable as nodemailer writes it: soft line breaks and =XX escapes. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function messagesTo(app: TestApp, token: string, email: string): Promise<MailMessage[]> {
  const response = await app.request(`/api/v1/mail-messages?to=${encodeURIComponent(email)}`, { token });
  expect(response.status).toBe(200);
  return response.body.items;
}

async function invite(app: TestApp, token: string, email: string) {
  const started = Date.now();
  const response = await app.request('/api/v1/users', {
    method: 'POST',
    token,
    headers: { 'x-request-id': `invite.${email.replace('@', '.')}` },
    json: { email, displayName: 'Otto Outbox', roles: ['viewer'] },
  });
  return { response, ms: Date.now() - started };
}

describe('Outgoing mail goes through a queue', () => {
  describe('while the SMTP server is down', () => {
    let app: TestApp;
    let admin: string;

    beforeAll(async () => {
      app = await startTestApp({
        SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
        MAIL_RETRY_SCHEDULE_SECONDS: '1,1',
        MAIL_POLL_INTERVAL_MS: '100',
      });
      admin = await app.login('admin@depot.local');
    });
    afterAll(() => app?.close());

    it('answers requests that send mail as usual, then retries the message and finally marks it failed', async () => {
      const email = 'otto.down@depot.local';
      const { response, ms } = await invite(app, admin, email);
      expect(response.status).toBe(201);
      // Nothing waits for SMTP: no connection attempt, no timeout, no 503.
      expect(ms).toBeLessThan(2_000);

      const [first] = await messagesTo(app, admin, email);
      expect(first).toMatchObject({ to: email, template: 'invite', subject: 'You are invited to Depot' });
      expect(['queued', 'sending', 'retrying']).toContain(first.status);
      expect(first.requestId).toBe('invite.otto.down.depot.local');
      // The body (with the invitation link) is never part of the API.
      expect(Object.keys(first).sort()).toEqual(
        [
          'attempts',
          'createdAt',
          'id',
          'lastAttemptAt',
          'lastError',
          'nextAttemptAt',
          'requestId',
          'sentAt',
          'status',
          'subject',
          'template',
          'to',
        ].sort(),
      );

      const retrying = await eventually(
        async () => (await messagesTo(app, admin, email)).find((m) => m.status === 'retrying'),
        10_000,
        'a retrying message',
      );
      expect(retrying.attempts).toBeGreaterThan(0);
      expect(retrying.lastError).toMatch(/ECONNREFUSED/);
      expect(retrying.nextAttemptAt).toEqual(expect.any(String));
      expect(retrying.sentAt).toBeNull();

      // One first attempt and the two retries of the schedule, then it gives up.
      const failed = await eventually(
        async () => (await messagesTo(app, admin, email)).find((m) => m.status === 'failed'),
        15_000,
        'a failed message',
      );
      expect(failed).toMatchObject({ id: first.id, attempts: 3, nextAttemptAt: null, sentAt: null });
      expect(failed.lastError).toMatch(/ECONNREFUSED/);
      expect(failed.lastError!.length).toBeLessThanOrEqual(300);

      // The failed message is found by status too, and kept its body for a retry.
      const byStatus = await app.request('/api/v1/mail-messages?status=failed&includeTotal=true', { token: admin });
      expect(byStatus.body.items.map((m: MailMessage) => m.id)).toContain(first.id);
      expect(byStatus.body.total).toBeGreaterThanOrEqual(1);
      const stored = await app.db.query('SELECT html IS NOT NULL AS has_body FROM mail_messages WHERE id = $1', [
        first.id,
      ]);
      expect(stored.rows).toEqual([{ has_body: true }]);
      // With SMTP configured nothing lands in the development mailbox.
      expect((await app.db.query('SELECT 1 FROM dev_mailbox')).rowCount).toBe(0);

      // An administrator queues it again: a fresh schedule, tried again at once.
      const retried = await app.request(`/api/v1/mail-messages/${first.id}/retry`, { method: 'POST', token: admin });
      expect(retried.status).toBe(202);
      expect(retried.body).toMatchObject({ id: first.id, status: 'queued', attempts: 0 });
      await eventually(
        async () => (await messagesTo(app, admin, email)).find((m) => m.attempts > 0 && m.status !== 'queued'),
        10_000,
        'a new attempt',
      );
      const audit = await app.db.query(
        `SELECT actor_label, changes FROM audit_events WHERE action = 'mail.message.retried' AND entity_id = $1`,
        [first.id],
      );
      expect(audit.rows).toEqual([
        {
          actor_label: 'admin@depot.local',
          changes: { status: { before: 'failed', after: 'queued' }, attempts: { before: 3, after: 0 } },
        },
      ]);
    });

    it('answers "forgot password" with its usual 202 while the mail cannot be sent', async () => {
      const started = Date.now();
      const response = await app.request('/api/v1/auth/password/forgot', {
        method: 'POST',
        json: { email: 'manager@depot.local' },
      });
      expect(response.status).toBe(202);
      expect(Date.now() - started).toBeLessThan(2_000);
      const [message] = await messagesTo(app, admin, 'manager@depot.local');
      expect(message.template).toBe('password-reset');
    });

    it('queues only failed messages again, and needs mail.messages.manage', async () => {
      const [message] = await messagesTo(app, admin, 'manager@depot.local');
      const viewer = await app.login('viewer@depot.local');
      expectProblem(
        await app.request(`/api/v1/mail-messages/${message.id}/retry`, { method: 'POST', token: viewer }),
        403,
        'AUTH.FORBIDDEN',
      );
      expectProblem(await app.request('/api/v1/mail-messages', { token: viewer }), 403, 'AUTH.FORBIDDEN');
      expectProblem(
        await app.request(`/api/v1/mail-messages/${randomUUID()}/retry`, { method: 'POST', token: admin }),
        404,
        'MAIL.MESSAGE_NOT_FOUND',
      );
      // A fresh message is still on its way (queued, sending or retrying) for a second or two.
      await app.request('/api/v1/auth/password/forgot', { method: 'POST', json: { email: 'clerk@depot.local' } });
      const [notFailed] = await messagesTo(app, admin, 'clerk@depot.local');
      expect(notFailed.status).not.toBe('failed');
      expectProblem(
        await app.request(`/api/v1/mail-messages/${notFailed.id}/retry`, { method: 'POST', token: admin }),
        409,
        'MAIL.NOT_RETRYABLE',
      );
      for (const query of ['status=lost', 'limit=0', 'limit=101', 'cursor=nope', `to=${'a'.repeat(300)}`]) {
        const response = await app.request(`/api/v1/mail-messages?${query}`, { token: admin });
        expect([query, response.status]).toEqual([query, 400]);
      }
    });
  });

  describe('with a working SMTP server', () => {
    let app: TestApp;
    let admin: string;
    const sink = new SmtpSink();

    beforeAll(async () => {
      const port = await sink.start();
      app = await startTestApp({
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_FROM: 'Depot Test <no-reply@depot.test>',
        PUBLIC_URL: 'https://depot.example.test',
      });
      admin = await app.login('admin@depot.local');
    });
    afterAll(async () => {
      await app?.close();
      await sink.stop();
    });

    it('delivers the message after commit, marks it sent and forgets its body', async () => {
      const email = 'otto.up@depot.local';
      const { response } = await invite(app, admin, email);
      expect(response.status).toBe(201);

      const sent = await eventually(
        async () => (await messagesTo(app, admin, email)).find((m) => m.status === 'sent'),
        10_000,
        'a sent message',
      );
      expect(sent).toMatchObject({ attempts: 1, lastError: null, nextAttemptAt: null, sentAt: expect.any(String) });

      const received = sink.messages.filter((mail) => mail.to.includes(email));
      expect(received).toHaveLength(1);
      expect(received[0].from).toBe('no-reply@depot.test');
      const data = decodeQuotedPrintable(received[0].data);
      expect(data).toMatch(/^Subject: You are invited to Depot$/m);
      expect(data).toMatch(/https:\/\/depot\.example\.test\/reset-password\?token=[\w-]{43}/);

      const stored = await app.db.query('SELECT html, text, sent_at FROM mail_messages WHERE id = $1', [sent.id]);
      expect(stored.rows[0]).toMatchObject({ html: null, text: null, sent_at: expect.any(Date) });
    });
  });

  describe('a use case that rolls back', () => {
    let app: TestApp;
    let admin: string;

    beforeAll(async () => {
      app = await startTestApp();
      admin = await app.login('admin@depot.local');
      // Fails the invitation after its mail was queued, in the same transaction.
      await app.db.query(`
        CREATE FUNCTION refuse_user_created() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.action = 'identity.user.created' THEN RAISE EXCEPTION 'refused by the test'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER refuse_user_created BEFORE INSERT ON audit_events
          FOR EACH ROW EXECUTE FUNCTION refuse_user_created();`);
    });
    afterAll(() => app?.close());

    it('queues and sends nothing', async () => {
      const email = 'otto.rolled-back@depot.local';
      const { response } = await invite(app, admin, email);
      expectProblem(response, 500);
      expect((await app.db.query('SELECT 1 FROM users WHERE email = $1', [email])).rowCount).toBe(0);
      expect(await messagesTo(app, admin, email)).toEqual([]);
      expect((await app.db.query('SELECT 1 FROM mail_messages WHERE "to" = $1', [email])).rowCount).toBe(0);

      // A committed one right after is delivered (into the development mailbox here).
      await app.db.query('DROP TRIGGER refuse_user_created ON audit_events');
      expect((await invite(app, admin, email)).response.status).toBe(201);
      await mailQueueSettled(app.db);
      const mailbox = await app.db.query('SELECT template FROM dev_mailbox WHERE "to" = $1', [email]);
      expect(mailbox.rows).toEqual([{ template: 'invite' }]);
      const [message] = await messagesTo(app, admin, email);
      expect(message).toMatchObject({ status: 'sent', attempts: 1 });
    });
  });
});
