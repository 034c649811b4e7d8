import { Global, Injectable, Module } from '@nestjs/common';
import { ServerState } from './server-state';

interface Worker {
  name: string;
  stop(): Promise<void>;
}

/**
 * The background loops of this instance (outbox dispatcher, webhook and mail deliveries, the
 * notification listener). The shutdown sequence stops them, by name and logged, after HTTP has
 * drained and before the database pool closes, so no pass is cut off halfway.
 */
@Injectable()
export class BackgroundWorkers {
  private readonly workers: Worker[] = [];

  register(name: string, stop: () => Promise<void>): void {
    this.workers.push({ name, stop });
  }

  list(): readonly Worker[] {
    return this.workers;
  }
}

@Global()
@Module({ providers: [BackgroundWorkers, ServerState], exports: [BackgroundWorkers, ServerState] })
export class LifecycleModule {}
