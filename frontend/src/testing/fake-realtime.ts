import { type Provider } from '@angular/core';
import type { BulkProgressMessage, DomainEventEnvelope, DomainEventName, ProductDto } from '@depot/contracts';
import { type Observable, Subject, filter, map, merge } from 'rxjs';

import { RealtimeService, type RealtimeEventFilter } from '../app/core/realtime/realtime.service';

/**
 * A pushed event as a test writes it: the envelope's fields, with an aggregate type and payload
 * the component under test may ignore (so `payload: {}` will do).
 */
export type TestDomainEvent = Omit<DomainEventEnvelope, 'aggregateType' | 'payload'> & {
  aggregateType: string;
  payload: object;
};

/** Stands in for RealtimeService: no socket; tests push events with `emit`. */
export class FakeRealtimeService {
  readonly #events = new Subject<DomainEventEnvelope>();
  readonly #resync = new Subject<void>();
  readonly #bulkProgress = new Subject<BulkProgressMessage>();
  readonly events$ = this.#events.asObservable();
  suspended = false;

  events(wanted: RealtimeEventFilter): Observable<DomainEventEnvelope> {
    return this.events$.pipe(
      filter(
        (event) =>
          event.aggregateType === wanted.aggregateType &&
          (wanted.aggregateId === undefined || event.aggregateId === wanted.aggregateId) &&
          (wanted.types === undefined || wanted.types.includes(event.type)),
      ),
    );
  }

  changes(wanted: RealtimeEventFilter): Observable<void> {
    return merge(this.events(wanted), this.#resync).pipe(map(() => undefined));
  }

  bulkProgress(operationId: string): Observable<BulkProgressMessage> {
    return this.#bulkProgress.pipe(filter((message) => message.operationId === operationId));
  }

  /** A `bulk.progress` message as the server pushes it to the requesting user. */
  emitBulkProgress(message: BulkProgressMessage): void {
    this.#bulkProgress.next(message);
  }

  emit(event: TestDomainEvent): void {
    this.#events.next(event as DomainEventEnvelope);
  }

  /** What the real service does when the socket is back after a loss. */
  reconnect(): void {
    this.#resync.next();
  }

  suspend(): void {
    this.suspended = true;
  }

  resume(): void {
    this.suspended = false;
  }
}

export function provideFakeRealtime(fake = new FakeRealtimeService()): Provider[] {
  return [
    { provide: FakeRealtimeService, useValue: fake },
    { provide: RealtimeService, useValue: fake },
  ];
}

let eventCounter = 0;

/** A product event as the server pushes it (`payload.product` is the product after the change). */
export function productEvent(type: DomainEventName, product: ProductDto): TestDomainEvent {
  eventCounter += 1;
  return {
    id: `event-${eventCounter}`,
    type,
    aggregateType: 'product',
    aggregateId: product.id,
    occurredAt: '2026-01-04T09:00:00.000Z',
    payload: { product },
  };
}
