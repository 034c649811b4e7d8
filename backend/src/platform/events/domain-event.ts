import type { DomainEventAggregateType, DomainEventName, DomainEventPayloads } from '@depot/contracts';

/**
 * A state change worth telling others about, written to the outbox with the change. The payload
 * and aggregate type are checked against the contract of `type` (`DomainEventPayloads`), so an
 * event cannot drift from its published JSON Schema without failing to compile.
 */
export type DomainEvent<T extends DomainEventName = DomainEventName> = {
  [K in T]: {
    type: K;
    aggregateType: DomainEventAggregateType<K>;
    aggregateId: string;
    payload: DomainEventPayloads[K];
  };
}[T];
