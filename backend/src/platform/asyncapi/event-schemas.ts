import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON Schema (draft-07, as AsyncAPI's default schema format) kept as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * JSON Schema of every event payload, generated from `libs/contracts/src/event-payloads.ts`
 * (`DomainEventPayloads` maps each event name to its payload's definition).
 */
export interface EventSchemas {
  $comment: string;
  definitions: Record<string, JsonSchema>;
}

const ROOT = join(__dirname, '..', '..', '..', '..');
/** The committed file, written by `npm run openapi` and read when the AsyncAPI document is built. */
export const EVENT_SCHEMAS_FILE = join(ROOT, 'libs', 'contracts', 'event-schemas.json');
/** The declarations the schemas are generated from. */
export const EVENT_PAYLOADS_SOURCE = join(ROOT, 'libs', 'contracts', 'src', 'event-payloads.ts');
/** The types the file holds, with everything they refer to. */
export const EVENT_SCHEMA_ROOTS = ['DomainEventPayloads', 'WebhookTestPayload'] as const;

export function loadEventSchemas(file = EVENT_SCHEMAS_FILE): EventSchemas {
  return JSON.parse(readFileSync(file, 'utf8')) as EventSchemas;
}
