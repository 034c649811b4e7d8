import type { Logger } from '@nestjs/common';
import { Client } from 'pg';

export interface PgListenerOptions {
  /** Database to listen on; without one (tests with a stub data source) nothing listens. */
  url: string | undefined;
  ssl: boolean;
  channel: string;
  logger: Logger;
  /** Called on every notification on the channel. */
  onNotify: () => void;
}

/**
 * LISTENs on one channel on a dedicated connection (a pooled one would be handed to others).
 * If the connection drops, the owner's polling carries on and this reconnects by itself.
 */
export class PgListener {
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(private readonly options: PgListenerOptions) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) throw new Error(`bad channel name ${options.channel}`);
  }

  async start(): Promise<void> {
    if (this.stopped || !this.options.url) return;
    const { logger, channel } = this.options;
    const client = new Client({ connectionString: this.options.url, ssl: this.options.ssl || undefined });
    client.on('notification', () => this.options.onNotify());
    client.on('error', (error) => {
      logger.warn({ err: error, channel }, 'listener lost its connection; reconnecting');
      if (this.client === client) this.client = undefined;
      this.reconnect(2_000);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      if (this.stopped) {
        await client.end().catch(() => undefined);
        return;
      }
      this.client = client;
    } catch (error) {
      logger.warn({ err: error, channel }, 'listener could not connect; polling only');
      await client.end().catch(() => undefined);
      this.reconnect(5_000);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private reconnect(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.start(), delayMs);
    this.retry.unref();
  }
}
