import { Injectable } from '@nestjs/common';
import type { DomainEventEnvelope } from '@depot/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Something that reacts to committed domain events: the realtime gateway, webhooks.
 * Runs inside the dispatcher's transaction; throwing retries the batch later.
 */
export interface OutboxHandler {
  readonly name: string;
  handle(events: readonly DomainEventEnvelope[], manager: EntityManager): Promise<void>;
}

/** Modules register their handlers here at start-up (Nest has no multi-providers). */
@Injectable()
export class OutboxHandlers {
  private readonly handlers: OutboxHandler[] = [];

  register(handler: OutboxHandler): void {
    this.handlers.push(handler);
  }

  all(): readonly OutboxHandler[] {
    return this.handlers;
  }
}
