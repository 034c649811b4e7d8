import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { BackgroundWorkers } from '../lifecycle/background-workers';

type Handler = (payload: string) => void;

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/**
 * One dedicated PostgreSQL connection per instance (to DATABASE_DIRECT_URL: LISTEN does not
 * survive a transaction-mode pooler) that LISTENs on Depot's channels. NOTIFY is
 * transactional (delivered on commit, dropped on rollback) and reaches every instance on the
 * database, which makes it the event stream for things all instances must learn at once:
 * outbox wake-ups, credential revocations.
 *
 * While the connection is down, notifications are lost: `connected` is false (callers must not
 * rely on being told), and every `onReconnect` handler runs once it is back so callers can
 * resynchronise (drop caches, poll).
 */
@Injectable()
export class DatabaseNotifications implements OnApplicationBootstrap {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnectHandlers = new Set<() => void>();
  private client?: Client;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private attempts = 0;
  private everConnected = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    workers: BackgroundWorkers,
  ) {
    workers.register('notification listener', () => this.stop());
  }

  /** True while the LISTEN connection is up, i.e. notifications are being received. */
  get connected(): boolean {
    return this.client !== undefined;
  }

  /** Calls `handler` with each payload sent to `channel`. Register before or after start. */
  subscribe(channel: string, handler: Handler): void {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      this.client?.query(`LISTEN ${channel}`).catch((error: unknown) => this.lost(error));
    }
    set.add(handler);
  }

  /** Runs after every reconnection (not the first connection): notifications may have been missed. */
  onReconnect(handler: () => void): void {
    this.reconnectHandlers.add(handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  /** Closes the connection; called by the shutdown sequence once requests have drained. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    // LISTEN needs a session of its own: DATABASE_DIRECT_URL, never a transaction-mode pooler.
    const url = this.config.database.directUrl ?? this.config.database.url;
    if (this.stopped || !url) return;
    const client = new Client({
      connectionString: url,
      ssl: this.config.database.ssl || undefined,
      application_name: 'depot-listener',
      connectionTimeoutMillis: 5_000,
      // Detect a dead server (killed postmaster, cut network) without waiting for TCP timeouts.
      keepAlive: true,
      keepAliveInitialDelayMillis: 5_000,
    });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) {
        try {
          handler(message.payload ?? '');
        } catch (error) {
          this.logger.error({ err: error, channel: message.channel }, 'notification handler failed');
        }
      }
    });
    client.on('error', (error) => this.lost(error, client));
    client.on('end', () => this.lost(undefined, client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.retry(error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempts = 0;
    if (this.everConnected) {
      this.logger.log('notification listener reconnected');
      for (const handler of this.reconnectHandlers) handler();
    }
    this.everConnected = true;
  }

  private lost(error: unknown, client = this.client): void {
    if (client !== this.client || this.stopped) return;
    this.client = undefined;
    void client?.end().catch(() => undefined);
    this.retry(error);
  }

  private retry(error: unknown): void {
    if (this.stopped) return;
    this.attempts++;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** (this.attempts - 1));
    if (this.attempts === 1 || this.attempts % 20 === 0) {
      this.logger.warn(
        { reason: (error as { code?: string; message?: string } | undefined)?.code ?? 'connection closed', delay },
        'notification listener disconnected; reconnecting',
      );
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), delay);
    this.timer.unref();
  }
}
