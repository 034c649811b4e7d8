import type { DomainEventName } from '@depot/contracts';

/** A state change worth telling others about, written to the outbox with the change. */
export interface DomainEvent<Payload extends object = Record<string, unknown>> {
  type: DomainEventName;
  aggregateType: string;
  aggregateId: string;
  payload: Payload;
}
