import { Injectable } from '@nestjs/common';

type Sink = (userId: string, event: string, payload: unknown) => void;

/**
 * Ephemeral messages to one user's open browser sessions (e.g. the progress of their bulk
 * request). Unlike domain events they are not stored: the realtime gateway attaches itself as
 * the sink at start-up; without it (a worker instance, tests) messages are dropped.
 */
@Injectable()
export class UserMessages {
  private sink?: Sink;

  attach(sink: Sink): void {
    this.sink = sink;
  }

  send(userId: string, event: string, payload: unknown): void {
    this.sink?.(userId, event, payload);
  }
}
