import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '../../platform/config/app-config';

import { type DatabaseNotifications } from '../../platform/database/database-notifications';
import { BackgroundWorkers } from '../../platform/lifecycle/background-workers';
import type { Metrics } from '../../platform/observability/metrics';
import { afterFailure, describeFailure, MailDeliveryWorker } from './mail-delivery.worker';

// The shared LISTEN connection and the shutdown registry, as the worker sees them.
const notifications = {
  subscribe: jest.fn(),
  onReconnect: jest.fn(),
  connected: true,
} as unknown as DatabaseNotifications;
const workers = new BackgroundWorkers();
const metrics = { gauge: jest.fn(), counter: jest.fn() } as unknown as Metrics;

/** Just enough of an SMTP server to accept messages and keep what was sent. */
async function startSmtpServer(): Promise<{ server: Server; port: number; received: string[] }> {
  const received: string[] = [];
  const server = createServer((socket) => {
    let inData = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            socket.write('250 queued\r\n');
          } else {
            received.push(line);
          }
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 test\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port, received };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const smtp = await startSmtpServer();
  smtp.server.close();
  await once(smtp.server, 'close');
  return smtp.port;
}

function configWith(smtpUrl: string | undefined, dispatchEnabled = false): AppConfig {
  return {
    isProduction: false,
    database: { url: undefined, ssl: false },
    outbox: { dispatchEnabled, pollIntervalMs: 1000 },
    mail: {
      smtpUrl,
      from: 'Depot <no-reply@depot.test>',
      retryScheduleSeconds: [10, 60],
      pollIntervalMs: 1000,
      sendTimeoutMs: 2000,
    },
  } as AppConfig;
}

interface Claimed {
  id: string;
  to: string;
  template: string;
  subject: string;
  html: string;
  text: string;
  attempts: number;
}

const claimedMessage = (attempts = 1): Claimed => ({
  id: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10',
  to: 'ada@depot.test',
  template: 'password-reset',
  subject: 'Reset your Depot password',
  html: '<p>Hello Ada, https://depot.test/reset-password?token=secret-token</p>',
  text: 'Hello Ada,\nhttps://depot.test/reset-password?token=secret-token\n',
  attempts,
});

/**
 * A data source whose claim query hands out `batch` once and whose messages carry `attachments`;
 * every other statement succeeds.
 */
function fakeDataSource(
  batch: Claimed[],
  attachments: { file_name: string; content_type: string; content: Buffer }[] = [],
) {
  const query = jest.fn((sql: string) => {
    if (sql.includes('WITH due AS')) return Promise.resolve([batch.splice(0), batch.length]);
    if (sql.includes('FROM mail_attachments')) return Promise.resolve(attachments);
    return Promise.resolve([[], 1]);
  });
  const statements = () => query.mock.calls.map((call) => call as unknown as [string, unknown[]]);
  return { dataSource: { query } as never, query, statements };
}

describe('afterFailure (retry decisions)', () => {
  const schedule = [10, 60, 300];

  it('retries after the scheduled delay of each attempt, jittered by at most 20 %', () => {
    expect(afterFailure(schedule, 1, () => 0.5)).toEqual({ status: 'retrying', delayMs: 10_000 });
    expect(afterFailure(schedule, 2, () => 0)).toEqual({ status: 'retrying', delayMs: 48_000 });
    expect(afterFailure(schedule, 3, () => 1)).toEqual({ status: 'retrying', delayMs: 360_000 });
  });

  it('spreads messages that failed together', () => {
    const delays = new Set(
      Array.from({ length: 20 }, () => (afterFailure(schedule, 1) as { delayMs: number }).delayMs),
    );
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(8_000);
      expect(delay).toBeLessThanOrEqual(12_000);
    }
  });

  it('gives up once every retry of the schedule has failed', () => {
    expect(afterFailure(schedule, 4)).toEqual({ status: 'failed' });
    expect(afterFailure([], 1)).toEqual({ status: 'failed' });
  });
});

describe('describeFailure', () => {
  it('keeps the error code and the server’s words on one short line', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' });
    expect(describeFailure(error)).toBe('ESOCKET: connect ECONNREFUSED 127.0.0.1:2525');
    expect(describeFailure(new Error('535 5.7.8\r\nAuthentication failed'))).toBe('535 5.7.8 Authentication failed');
    expect(describeFailure(new Error('x'.repeat(1000)))).toHaveLength(300);
    expect(describeFailure('')).toBe('unknown error');
  });

  it('never keeps credentials of a URL', () => {
    expect(describeFailure(new Error('cannot reach smtps://mailer:hunter2@smtp.example.com:465'))).toBe(
      'cannot reach smtps://***@smtp.example.com:465',
    );
  });
});

describe('MailDeliveryWorker', () => {
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('claims due rows with SKIP LOCKED and a lease, counting the attempt', async () => {
    const { dataSource, statements } = fakeDataSource([]);
    const worker = new MailDeliveryWorker(dataSource, configWith(undefined), notifications, workers, metrics);
    expect(await worker.runOnce()).toBe(0);
    const [sql, params] = statements()[0];
    expect(sql).toMatch(/FOR UPDATE SKIP LOCKED/);
    expect(sql).toMatch(/status IN \('queued', 'sending', 'retrying'\) AND next_attempt_at <= now\(\)/);
    expect(sql).toMatch(/attempts = m\.attempts \+ 1/);
    // Three 2-second timeouts and a 30-second margin.
    expect(params).toEqual([10, 36]);
  });

  it('without SMTP_URL, delivers into the development mailbox (once per message) and clears the body', async () => {
    const { dataSource, statements } = fakeDataSource([claimedMessage()]);
    const worker = new MailDeliveryWorker(dataSource, configWith(undefined), notifications, workers, metrics);
    expect(await worker.runOnce()).toBe(1);
    const [, , insert, sent] = statements();
    expect(insert[0]).toMatch(/INSERT INTO dev_mailbox .* ON CONFLICT \(id\) DO NOTHING/s);
    expect(insert[1]).toEqual([
      claimedMessage().id,
      'ada@depot.test',
      'Reset your Depot password',
      'password-reset',
      claimedMessage().html,
      claimedMessage().text,
      '[]',
    ]);
    expect(sent[0]).toMatch(/SET status = 'sent', sent_at = now\(\).*html = NULL, text = NULL/s);
    expect(sent[0]).toMatch(/UPDATE mail_attachments SET content = NULL/);
    expect(sent[1]).toEqual([claimedMessage().id]);
  });

  it('sends through SMTP_URL with MAIL_FROM, then marks the message sent without its body', async () => {
    const smtp = await startSmtpServer();
    const { dataSource, statements } = fakeDataSource([claimedMessage()]);
    const worker = new MailDeliveryWorker(
      dataSource,
      configWith(`smtp://127.0.0.1:${smtp.port}`),
      notifications,
      workers,
      metrics,
    );
    try {
      await worker.runOnce();
      const raw = smtp.received.join('\n');
      expect(raw).toMatch(/^From: Depot <no-reply@depot\.test>$/m);
      expect(raw).toMatch(/^To: ada@depot\.test$/m);
      expect(raw).toMatch(/^Subject: Reset your Depot password$/m);
      expect(raw).toContain('text/plain');
      expect(raw).toContain('text/html');
      const sqls = statements().map(([sql]) => sql);
      expect(sqls).toHaveLength(3);
      expect(sqls[2]).toMatch(/status = 'sent'.*html = NULL, text = NULL/s);
      expect(sqls.join()).not.toMatch(/dev_mailbox/);
    } finally {
      await worker.beforeApplicationShutdown();
      smtp.server.close();
    }
  });

  it('sends the attachments kept with the message, and lists them in the development mailbox', async () => {
    const pdf = {
      file_name: 'INV-2026-000123.pdf',
      content_type: 'application/pdf',
      content: Buffer.from('%PDF-1.3 x'),
    };
    const smtp = await startSmtpServer();
    const sent = fakeDataSource([claimedMessage()], [pdf]);
    const worker = new MailDeliveryWorker(
      sent.dataSource,
      configWith(`smtp://127.0.0.1:${smtp.port}`),
      notifications,
      workers,
      metrics,
    );
    try {
      await worker.runOnce();
      const raw = smtp.received.join('\n');
      expect(raw).toMatch(/Content-Type: application\/pdf; name=INV-2026-000123\.pdf/);
      expect(raw).toContain(Buffer.from('%PDF-1.3 x').toString('base64'));
    } finally {
      await worker.beforeApplicationShutdown();
      smtp.server.close();
    }
    const kept = fakeDataSource([claimedMessage()], [pdf]);
    const development = new MailDeliveryWorker(kept.dataSource, configWith(undefined), notifications, workers, metrics);
    await development.runOnce();
    expect(kept.statements()[2][1][6]).toBe(
      JSON.stringify([{ fileName: 'INV-2026-000123.pdf', contentType: 'application/pdf', sizeBytes: 10 }]),
    );
    await development.beforeApplicationShutdown();
  });

  it('schedules a retry when the SMTP server cannot be reached, logging no message body', async () => {
    const { dataSource, statements } = fakeDataSource([claimedMessage(1)]);
    const worker = new MailDeliveryWorker(
      dataSource,
      configWith(`smtp://127.0.0.1:${await closedPort()}`),
      notifications,
      workers,
      metrics,
    );
    await worker.runOnce();
    const [sql, params] = statements()[2];
    expect(sql).toMatch(/WHERE id = \$1 AND attempts = \$2 AND status = 'sending'/);
    expect(params[0]).toBe(claimedMessage().id);
    expect(params[1]).toBe(1);
    expect(params[2]).toBe('retrying');
    expect(params[3]).toMatch(/ECONNREFUSED/);
    expect(params[4]).toBeGreaterThanOrEqual(8_000);
    expect(params[4]).toBeLessThanOrEqual(12_000);
    expect(warn).toHaveBeenCalled();
    const logged = JSON.stringify([...warn.mock.calls, ...error.mock.calls]);
    expect(logged).not.toContain('secret-token');
    expect(logged).not.toContain('ada@depot.test');
    await worker.beforeApplicationShutdown();
  });

  it('marks the message failed after the last retry of the schedule', async () => {
    const { dataSource, statements } = fakeDataSource([claimedMessage(3)]);
    const worker = new MailDeliveryWorker(
      dataSource,
      configWith(`smtp://127.0.0.1:${await closedPort()}`),
      notifications,
      workers,
      metrics,
    );
    await worker.runOnce();
    const [, params] = statements()[2];
    expect(params.slice(1, 3)).toEqual([3, 'failed']);
    expect(params[4]).toBeNull();
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ attempts: 3 }), expect.stringMatching(/giving up/));
    await worker.beforeApplicationShutdown();
  });

  it('on shutdown stops claiming and waits for the attempt in progress', async () => {
    let finishClaim!: (rows: [Claimed[], number]) => void;
    const query = jest.fn((sql: string) =>
      sql.includes('WITH due AS')
        ? new Promise<[Claimed[], number]>((resolve) => (finishClaim = resolve))
        : Promise.resolve(sql.includes('FROM mail_attachments') ? [] : [[], 1]),
    );
    const worker = new MailDeliveryWorker(
      { query } as never,
      configWith(undefined, true),
      notifications,
      workers,
      metrics,
    );
    worker.onApplicationBootstrap();
    while (query.mock.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    let stopped = false;
    const stopping = worker.beforeApplicationShutdown().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);

    finishClaim([[claimedMessage()], 1]);
    await stopping;
    // The claimed message was finished (delivered and marked sent), and nothing more was claimed.
    const sqls = query.mock.calls.map(([sql]) => sql);
    expect(sqls).toHaveLength(4);
    expect(sqls[3]).toMatch(/status = 'sent'/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(query).toHaveBeenCalledTimes(4);
  });
});
