import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { EVENT_PAYLOADS_SOURCE, EVENT_SCHEMA_ROOTS, type EventSchemas, type JsonSchema } from './event-schemas';

/**
 * Generates the event payload schemas from the contract types (TypeScript compiler, a few
 * seconds). Only `npm run openapi` and the drift test call this: ts-json-schema-generator is a
 * development dependency and the server reads the committed result instead.
 */
export function generateEventSchemas(): EventSchemas {
  const generator = createGenerator({
    path: EVENT_PAYLOADS_SOURCE,
    tsconfig: join(EVENT_PAYLOADS_SOURCE, '..', '..', 'tsconfig.json'),
    expose: 'export',
    jsDoc: 'extended',
    // Open objects: a field added later must not break a receiver that validates with these.
    additionalProperties: true,
    skipTypeCheck: true,
    sortProps: false,
  });
  const definitions: Record<string, JsonSchema> = {};
  for (const root of EVENT_SCHEMA_ROOTS) {
    Object.assign(definitions, generator.createSchema(root).definitions as Record<string, JsonSchema>);
  }
  return {
    $comment: 'Generated from src/event-payloads.ts by `npm run openapi`; do not edit.',
    definitions,
  };
}
