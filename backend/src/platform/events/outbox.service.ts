import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { DomainEventName } from '@depot/contracts';
import { ClsService } from 'nestjs-cls';
import { actorOf, type RequestContext } from '../context/request-context';
import { newId } from '../database/ids';
import type { DomainEvent } from './domain-event';
import { OUTBOX_CHANNEL } from './outbox-dispatcher';
import { activeTraceparent } from '../observability/tracing-context';

/**
 * Writes domain events to the outbox inside the caller's transaction, so an event exists
 * exactly when its change was committed. A dispatcher delivers them afterwards.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  async record<T extends DomainEventName>(event: DomainEvent<T>): Promise<string> {
    const id = newId();
    const context = this.cls.isActive() ? this.cls.get() : undefined;
    // Plain INSERT: the hot path of every write, no entity hydration needed.
    await this.txHost.tx.query(
      `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, actor, request_id, traceparent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        event.type,
        event.aggregateType,
        event.aggregateId,
        JSON.stringify(event.payload),
        JSON.stringify(actorOf(context?.principal)),
        context?.requestId ?? null,
        // Deliveries of this event continue the request's trace (tracing on; null otherwise).
        activeTraceparent(),
      ],
    );
    // Delivered only if the transaction commits: wakes the dispatcher right away.
    await this.txHost.tx.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
    return id;
  }
}
