import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/app-config';
import { SecretBox } from '../../../platform/crypto/secret-box';
import { SECRET_COLUMNS } from '../../../platform/crypto/secrets-at-rest';
import { BackgroundWorkers } from '../../../platform/lifecycle/background-workers';
import { retryDelayMs } from '../../../platform/events/retry-schedule';
import { MailService } from '../../mail/mail.service';
import { webhookHeaders } from './webhook-signing';
import { postWebhook } from './webhook-sender';
import type { Counter } from 'prom-client';
import { Metrics } from '../../../platform/observability/metrics';
import {
  contextFromTraceparent,
  depotTracer,
  injectTraceContext,
} from '../../../platform/observability/tracing-context';

const BATCH = 10;

interface ClaimedDelivery {
  id: string;
  endpoint_id: string;
  message_id: string;
  request_body: string;
  attempts: number;
  url: string;
  /** As stored: encrypted (SecretBox). */
  secret: string;
  /** Trace context of the request that caused the event (its outbox row), when it was traced. */
  traceparent: string | null;
}

/**
 * Sends due webhook deliveries. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so
 * several instances share the work and a crashed attempt is picked up again. Failures retry on
 * the configured schedule with jitter; an endpoint that keeps failing for
 * WEBHOOK_DISABLE_AFTER_SECONDS is switched off and the change audited.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private readonly deliveries: Counter<'outcome'>;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly box: SecretBox,
    workers: BackgroundWorkers,
    metrics: Metrics,
  ) {
    this.deliveries = metrics.counter('depot_webhook_deliveries_total', 'Webhook delivery attempts by outcome.', [
      'outcome',
    ]);
    metrics.gauge('depot_webhook_endpoints', 'Webhook endpoints by state.', ['state'], async () => {
      const rows = await this.dataSource.query<{ enabled: boolean; count: number }[]>(
        'SELECT enabled, count(*)::int AS count FROM webhook_endpoints GROUP BY enabled',
      );
      return rows.map((row) => [{ state: row.enabled ? 'enabled' : 'disabled' }, row.count]);
    });
    workers.register('webhook deliveries', () => this.stop());
  }

  onApplicationBootstrap(): void {
    if (this.config.outbox.dispatchEnabled) this.schedule(this.config.webhooks.pollIntervalMs);
  }

  /** Stops claiming deliveries and waits for the pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .then((count) => this.schedule(count === BATCH ? 0 : this.config.webhooks.pollIntervalMs))
        .catch((error: unknown) => {
          this.logger.error({ err: error }, 'webhook delivery pass failed');
          this.schedule(this.config.webhooks.pollIntervalMs * 5);
        });
    }, delay);
  }

  /** Claims and sends up to one batch of due deliveries; returns how many it sent. */
  async runOnce(): Promise<number> {
    const leaseSeconds = Math.ceil(this.config.webhooks.timeoutMs / 1000) + 30;
    const claimed = await this.dataSource.query<[ClaimedDelivery[], number]>(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.enabled
          WHERE d.status IN ('pending', 'in_flight') AND d.next_attempt_at <= now()
          ORDER BY d.next_attempt_at LIMIT $1 FOR UPDATE OF d SKIP LOCKED)
       UPDATE webhook_deliveries d SET status = 'in_flight', next_attempt_at = now() + make_interval(secs => $2)
         FROM due, webhook_endpoints e
        WHERE d.id = due.id AND e.id = d.endpoint_id
       RETURNING d.id, d.endpoint_id, d.message_id, d.request_body, d.attempts, e.url, e.secret,
                 (SELECT o.traceparent FROM outbox_events o WHERE o.id = d.message_id) AS traceparent`,
      [BATCH, leaseSeconds],
    );
    const rows = claimed[0];
    await Promise.all(rows.map((row) => this.deliver(row)));
    return rows.length;
  }

  /**
   * One attempt, as a span in the trace of the request that caused the event: the POST (a client
   * span of its own) carries that trace's `traceparent` to the receiver. No-op with tracing off.
   */
  private deliver(row: ClaimedDelivery): Promise<void> {
    return depotTracer().startActiveSpan(
      'webhook delivery',
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'depot.webhook.endpoint_id': row.endpoint_id,
          'depot.webhook.message_id': row.message_id,
          'depot.webhook.attempt': row.attempts + 1,
        },
      },
      contextFromTraceparent(row.traceparent),
      async (span) => {
        try {
          const error = await this.attempt(row);
          if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error });
        } finally {
          span.end();
        }
      },
    );
  }

  /** Sends one attempt and records its outcome; answers the error, if it failed. */
  private async attempt(row: ClaimedDelivery): Promise<string | null> {
    const attempt = row.attempts + 1;
    let status: number | null = null;
    let body: string | null = null;
    let timeMs: number | null = null;
    let error: string | null = null;
    try {
      const secret = this.box.decrypt(row.secret, SECRET_COLUMNS.webhookSecret.context);
      const result = await postWebhook(
        row.url,
        injectTraceContext(webhookHeaders(secret, row.message_id, row.request_body)),
        row.request_body,
        {
          timeoutMs: this.config.webhooks.timeoutMs,
          allowPrivate: this.config.webhooks.allowPrivateTargets,
        },
      );
      ({ status, body, timeMs } = result);
      if (status < 200 || status >= 300) error = `receiver answered ${status}`;
    } catch (caught) {
      error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 500);
    }

    this.deliveries.inc({ outcome: error ? 'failed' : 'succeeded' });
    if (!error) {
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = 'succeeded', attempts = $2, last_attempt_at = now(), next_attempt_at = NULL,
                response_status = $3, response_body = $4, response_time_ms = $5, last_error = NULL WHERE id = $1`,
        [row.id, attempt, status, body, timeMs],
      );
      await this.dataSource.query(
        'UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL',
        [row.endpoint_id],
      );
      return null;
    }

    const delay = retryDelayMs(this.config.webhooks.retryScheduleSeconds, attempt);
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = $2, attempts = $3, last_attempt_at = now(),
              next_attempt_at = CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(secs => $4::int / 1000.0) END,
              response_status = $5, response_body = $6, response_time_ms = $7, last_error = $8 WHERE id = $1`,
      [row.id, delay === null ? 'failed' : 'pending', attempt, delay, status, body, timeMs, error],
    );
    // UPDATE ... RETURNING answers [rows, affected] through TypeORM's query().
    const [[endpoint]] = await this.dataSource.query<[{ failing_since: Date; owner_user_id: string }[], number]>(
      `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, now()) WHERE id = $1
       RETURNING failing_since, owner_user_id`,
      [row.endpoint_id],
    );
    if (endpoint && Date.now() - endpoint.failing_since.getTime() >= this.config.webhooks.disableAfterSeconds * 1000) {
      await this.disable(row.endpoint_id, endpoint.owner_user_id, error);
    }
    return error;
  }

  private async disable(endpointId: string, ownerUserId: string | null, lastError: string): Promise<void> {
    const reason = `failing for more than ${this.config.webhooks.disableAfterSeconds} s`;
    const updated = await this.dataSource.query<[unknown[], number]>(
      `UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND enabled`,
      [endpointId, reason],
    );
    if (updated[1] === 0) return;
    this.logger.warn({ endpointId, ownerUserId }, 'webhook endpoint disabled after repeated failures');
    await this.dataSource.query(
      `INSERT INTO audit_events (id, actor_type, action, entity_type, entity_id, changes)
       VALUES (gen_random_uuid(), 'system', 'notifications.webhook.disabled', 'webhook_endpoint', $1, $2)`,
      [
        endpointId,
        JSON.stringify({ enabled: { before: true, after: false }, reason: { before: null, after: reason } }),
      ],
    );
    await this.tellOwner(endpointId, ownerUserId, reason, lastError);
  }

  /** Mails the endpoint's owner; a failure here is logged, never retried into a loop. */
  private async tellOwner(endpointId: string, ownerUserId: string | null, reason: string, lastError: string) {
    if (!ownerUserId) return;
    try {
      const [owner] = await this.dataSource.query<{ email: string; display_name: string; url: string }[]>(
        `SELECT u.email, u.display_name, e.url FROM users u JOIN webhook_endpoints e ON e.id = $2
          WHERE u.id = $1 AND u.status = 'active'`,
        [ownerUserId, endpointId],
      );
      if (!owner) return;
      await this.mail.send({
        to: owner.email,
        template: 'webhook-disabled',
        data: {
          displayName: owner.display_name,
          url: owner.url,
          reason,
          lastError,
          disabledAt: new Date(),
          link: `${this.config.publicUrl}/admin/webhooks/${endpointId}`,
        },
      });
    } catch (caught) {
      this.logger.error({ err: caught, endpointId }, 'telling the webhook owner failed');
    }
  }
}
