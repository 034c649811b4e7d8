import { type Provider } from '@angular/core';
import type { DomainEventEnvelope, DomainEventName, ProductDto } from '@depot/contracts';
import { type Observable, Subject, filter } from 'rxjs';

import { RealtimeService, type RealtimeEventFilter } from '../app/core/realtime/realtime.service';

/** Stands in for RealtimeService: no socket; tests push events with `emit`. */
export class FakeRealtimeService {
  readonly #events = new Subject<DomainEventEnvelope>();
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

  emit(event: DomainEventEnvelope): void {
    this.#events.next(event);
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
export function productEvent(type: DomainEventName, product: ProductDto): DomainEventEnvelope {
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
