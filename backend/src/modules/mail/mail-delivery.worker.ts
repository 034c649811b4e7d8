import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MailTemplateName } from '@depot/contracts';
import { createTransport, type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { DatabaseNotifications } from '../../platform/database/database-notifications';
import { PollingLoop } from '../../platform/events/polling-loop';
import { BackgroundWorkers } from '../../platform/lifecycle/background-workers';
import { retryDelayMs } from '../../platform/events/retry-schedule';
import { MAIL_CHANNEL } from './mail.service';
import { Metrics } from '../../platform/observability/metrics';

/** Messages claimed per pass; they are sent concurrently. */
export const MAIL_BATCH = 10;
/** Longest `last_error` kept: enough to tell what failed, too short to carry a message body. */
const MAX_ERROR_LENGTH = 300;

interface ClaimedMessage {
  id: string;
  to: string;
  template: MailTemplateName;
  subject: string;
  html: string;
  text: string;
  /** Including the attempt just claimed. */
  attempts: number;
}

/** What happens to a message after a failed attempt. */
export type FailureOutcome = { status: 'retrying'; delayMs: number } | { status: 'failed' };

/**
 * After failed attempt number `attempts`: wait the schedule's next delay (jittered), or give up
 * once every retry of the schedule has been used (the first attempt is not a retry).
 */
export function afterFailure(schedule: readonly number[], attempts: number, random = Math.random): FailureOutcome {
  const delayMs = retryDelayMs(schedule, attempts, random);
  return delayMs === null ? { status: 'failed' } : { status: 'retrying', delayMs };
}

/**
 * A failure as one short line for `last_error` and the logs: the SMTP server's or the socket's
 * words, never credentials from a URL, never more than MAX_ERROR_LENGTH characters.
 */
export function describeFailure(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  const text = raw
    .replace(/[a-z][a-z0-9+.-]*:\/\/[^\s/@]*@/gi, (match) => match.replace(/\/\/[^@]*@/, '//***@'))
    .replace(/\s+/g, ' ')
    .trim();
  const line = typeof code === 'string' && code && !text.includes(code) ? `${code}: ${text}` : text;
  return (line || 'unknown error').slice(0, MAX_ERROR_LENGTH);
}

/**
 * Delivers queued e-mail (`mail_messages`) after commit: through SMTP_URL when set, otherwise
 * into the development mailbox table. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease,
 * so several instances share the work and an attempt cut short by a crash is picked up again
 * when its lease ends. Failures are retried on MAIL_RETRY_SCHEDULE_SECONDS with jitter, then
 * the message is `failed` (administrators can queue it again). A sent message loses its body,
 * which may hold a password-reset or invitation link; its envelope stays for the admin list.
 *
 * Wakes on `pg_notify` from `MailService.send()` and polls as a fallback (retries, missed
 * notifications). Runs only where the outbox dispatcher runs (OUTBOX_DISPATCH_ENABLED).
 */
@Injectable()
export class MailDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailDeliveryWorker.name);
  private transport?: Transporter;
  private readonly loop: PollingLoop;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: DatabaseNotifications,
    workers: BackgroundWorkers,
    metrics: Metrics,
  ) {
    workers.register('mail deliveries', () => this.stop());
    metrics.gauge('depot_mail_messages', 'Outgoing e-mail by delivery state.', ['status'], async () => {
      const rows = await this.dataSource.query<{ status: string; count: number }[]>(
        `SELECT status, count(*)::int AS count FROM mail_messages WHERE status <> 'sent' GROUP BY status`,
      );
      return rows.map((row) => [{ status: row.status }, row.count]);
    });
    this.loop = new PollingLoop({
      name: 'mail delivery pass',
      pass: () => this.runOnce(),
      batchSize: MAIL_BATCH,
      intervalMs: config.mail.pollIntervalMs,
      logger: this.logger,
    });
    const { smtpUrl, from, sendTimeoutMs } = config.mail;
    if (smtpUrl) {
      this.transport = createTransport(
        {
          url: smtpUrl,
          connectionTimeout: sendTimeoutMs,
          greetingTimeout: sendTimeoutMs,
          socketTimeout: sendTimeoutMs,
        },
        { from },
      );
    } else if (config.isProduction) {
      this.logger.warn('SMTP_URL is not set: e-mails are kept in the dev_mailbox table and not sent');
    }
  }

  onApplicationBootstrap(): void {
    if (!this.config.outbox.dispatchEnabled) return;
    this.notifications.subscribe(MAIL_CHANNEL, () => this.loop.wake());
    this.notifications.onReconnect(() => this.loop.wake());
    this.loop.start();
  }

  /** Stops claiming, waits for the pass in progress, then lets go of SMTP (shutdown, before the pool closes). */
  async stop(): Promise<void> {
    await this.loop.stop();
    this.transport?.close();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Claims up to one batch of due messages and attempts each; returns how many it attempted. */
  async runOnce(): Promise<number> {
    // Long enough for connection, greeting and data timeouts of one attempt, and some margin.
    const leaseSeconds = Math.ceil((3 * this.config.mail.sendTimeoutMs) / 1000) + 30;
    // UPDATE ... RETURNING answers [rows, affected] through TypeORM's query().
    const [claimed] = await this.dataSource.query<[ClaimedMessage[], number]>(
      `WITH due AS (
         SELECT id FROM mail_messages
          WHERE status IN ('queued', 'sending', 'retrying') AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE mail_messages m
          SET status = 'sending', attempts = m.attempts + 1, last_attempt_at = now(),
              next_attempt_at = now() + make_interval(secs => $2)
         FROM due WHERE m.id = due.id
       RETURNING m.id, m."to", m.template, m.subject, m.html, m.text, m.attempts`,
      [MAIL_BATCH, leaseSeconds],
    );
    await Promise.all(claimed.map((message) => this.attempt(message)));
    return claimed.length;
  }

  private async attempt(message: ClaimedMessage): Promise<void> {
    try {
      await this.deliver(message);
    } catch (error) {
      await this.recordFailure(message, describeFailure(error));
      return;
    }
    // Whoever holds the row now, it was sent: a later attempt's outcome must not undo that. The
    // body and the attachments' content are not kept once delivered.
    await this.dataSource.query(
      `WITH sent AS (
         UPDATE mail_messages SET status = 'sent', sent_at = now(), next_attempt_at = NULL, last_error = NULL,
                html = NULL, text = NULL
          WHERE id = $1 AND status <> 'sent' RETURNING id)
       UPDATE mail_attachments SET content = NULL WHERE mail_id IN (SELECT id FROM sent)`,
      [message.id],
    );
  }

  private async deliver(message: ClaimedMessage): Promise<void> {
    const { to, subject, html, text } = message;
    const attachments = await this.dataSource.query<{ file_name: string; content_type: string; content: Buffer }[]>(
      `SELECT file_name, content_type, content FROM mail_attachments
        WHERE mail_id = $1 AND content IS NOT NULL ORDER BY position`,
      [message.id],
    );
    if (this.transport) {
      await this.transport.sendMail({
        to,
        subject,
        html,
        text,
        attachments: attachments.map((file) => ({
          filename: file.file_name,
          contentType: file.content_type,
          content: file.content,
        })),
      });
      return;
    }
    // Same id as the queued message: a repeated attempt (after a crash) adds no second copy.
    await this.dataSource.query(
      `INSERT INTO dev_mailbox (id, "to", subject, template, html, text, attachments) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO NOTHING`,
      [
        message.id,
        to,
        subject,
        message.template,
        html,
        text,
        JSON.stringify(
          attachments.map((file) => ({
            fileName: file.file_name,
            contentType: file.content_type,
            sizeBytes: file.content.length,
          })),
        ),
      ],
    );
  }

  private async recordFailure(message: ClaimedMessage, lastError: string): Promise<void> {
    const outcome = afterFailure(this.config.mail.retryScheduleSeconds, message.attempts);
    const log = { mailId: message.id, template: message.template, attempts: message.attempts, error: lastError };
    if (outcome.status === 'failed') this.logger.error(log, 'e-mail could not be sent; giving up');
    else this.logger.warn({ ...log, retryInMs: outcome.delayMs }, 'e-mail could not be sent; will retry');
    // Only the attempt that still holds the row records its outcome.
    await this.dataSource.query(
      `UPDATE mail_messages SET status = $3, last_error = $4,
              next_attempt_at = CASE WHEN $5::int IS NULL THEN NULL ELSE now() + make_interval(secs => $5::int / 1000.0) END
        WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
      [message.id, message.attempts, outcome.status, lastError, outcome.status === 'retrying' ? outcome.delayMs : null],
    );
  }
}
