import type { Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from '../database/pg-errors';

export interface PollingLoopOptions {
  /** What one pass is called in the logs, e.g. "outbox dispatch". */
  name: string;
  /** Runs one pass; returns how many items it handled. */
  pass: () => Promise<number>;
  /** A pass that handled this many goes again at once (there may be more waiting). */
  batchSize: number;
  /** Delay between passes when there was nothing to do. */
  intervalMs: number;
  logger: Pick<Logger, 'warn' | 'error'>;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * The loop behind Depot's background workers: one pass at a time; woken at once by `wake()`
 * (a NOTIFY after commit), otherwise every `intervalMs`; again at once after a full batch;
 * exponential backoff after failures (a database outage is logged as a warning, not an error);
 * `stop()` waits for the pass in progress.
 */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private wakeRequested = false;
  private stopped = false;
  private failures = 0;

  constructor(private readonly options: PollingLoopOptions) {}

  start(): void {
    this.schedule(0);
  }

  /** Run a pass now (or right after the one in progress). */
  wake(): void {
    if (this.running) this.wakeRequested = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    let handled = 0;
    this.running = (async () => {
      try {
        handled = await this.options.pass();
        this.failures = 0;
      } catch (error) {
        this.failures++;
        const { name, logger } = this.options;
        if (isDatabaseUnavailable(error)) {
          logger.warn({ failures: this.failures }, `${name} waiting for the database`);
        } else {
          logger.error({ err: error, failures: this.failures }, `${name} failed; will retry`);
        }
      }
    })();
    await this.running;
    this.running = undefined;
    const again = handled >= this.options.batchSize || this.wakeRequested;
    this.wakeRequested = false;
    const { intervalMs } = this.options;
    const backoff = Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** this.failures);
    this.schedule(this.failures > 0 ? backoff : again ? 0 : intervalMs);
  }
}
