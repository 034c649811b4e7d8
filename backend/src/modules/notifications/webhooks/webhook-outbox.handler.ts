import { Injectable, type OnModuleInit } from '@nestjs/common';
import { WEBHOOK_EVENT_TYPES, type DomainEventEnvelope } from '@depot/contracts';
import type { EntityManager } from 'typeorm';
import { newId } from '../../../platform/database/ids';
import { OutboxHandlers, type OutboxHandler } from '../../../platform/events/outbox-handlers';
import { deliveryBody } from './webhooks.service';

const SUBSCRIBABLE = new Set<string>(WEBHOOK_EVENT_TYPES);

/**
 * Turns each committed event into one pending delivery per enabled endpoint subscribed to its
 * type, inside the dispatcher's transaction: an event is queued for webhooks exactly when it is
 * marked dispatched.
 */
@Injectable()
export class WebhookOutboxHandler implements OutboxHandler, OnModuleInit {
  readonly name = 'webhooks';

  constructor(private readonly handlers: OutboxHandlers) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(events: readonly DomainEventEnvelope[], manager: EntityManager): Promise<void> {
    for (const event of events) {
      if (!SUBSCRIBABLE.has(event.type)) continue;
      const endpoints = await manager.query<{ id: string }[]>(
        `SELECT id FROM webhook_endpoints WHERE enabled AND $1 = ANY(event_types)`,
        [event.type],
      );
      const body = deliveryBody(event);
      for (const endpoint of endpoints) {
        await manager.query(
          `INSERT INTO webhook_deliveries (id, endpoint_id, message_id, event_type, request_body, status, attempts, next_attempt_at)
           VALUES ($1, $2, $3, $4, $5, 'pending', 0, now())`,
          [newId(), endpoint.id, event.id, event.type, body],
        );
      }
    }
  }
}
