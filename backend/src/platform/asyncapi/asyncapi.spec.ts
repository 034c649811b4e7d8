import { Parser } from '@asyncapi/parser';
import {
  DOMAIN_EVENT_AGGREGATE_TYPES,
  DomainEventName,
  EVENT_READ_PERMISSION,
  WEBHOOK_EVENT_TYPES,
} from '@depot/contracts';
import { buildAsyncApiDocument, eventKey } from './asyncapi';
import { generateEventSchemas } from './event-schema-generator';
import { loadEventSchemas } from './event-schemas';

/**
 * @asyncapi/parser's severities (Spectral's): 0 error, 1 warning, 2 information, 3 hint. Information
 * and hints are not counted: today one note that AsyncAPI 3.1.0 exists (Depot publishes 3.0.0).
 */
const ERROR = 0;
const WARNING = 1;

describe('AsyncAPI document', () => {
  const document = buildAsyncApiDocument();

  it('is built from event schemas that match the contract types (run `npm run openapi` after changing them)', () => {
    expect(loadEventSchemas()).toEqual(generateEventSchemas());
  }, 60_000);

  it('is a valid AsyncAPI 3.0 document: no errors and no warnings from @asyncapi/parser', async () => {
    const { document: parsed, diagnostics } = await new Parser().parse(JSON.stringify(document));
    const report = (severity: number) =>
      diagnostics
        .filter((diagnostic) => Number(diagnostic.severity) === severity)
        .map((diagnostic) => `${diagnostic.code} at ${diagnostic.path.join('.')}: ${diagnostic.message}`);
    expect(report(ERROR)).toEqual([]);
    expect(report(WARNING)).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');
  }, 30_000);

  it('documents an envelope for every domain event, a socket message for each pushed one and a webhook message for each subscribable type', () => {
    const { schemas, messages } = document.components;
    for (const type of Object.values(DomainEventName)) {
      expect([type, schemas[`${eventKey(type)}Envelope`]?.properties]).toEqual([
        type,
        expect.objectContaining({ type: { type: 'string', const: type } }),
      ]);
      const permission = EVENT_READ_PERMISSION[DOMAIN_EVENT_AGGREGATE_TYPES[type]];
      expect([type, messages[`${eventKey(type)}Event`]?.description]).toEqual(
        permission ? [type, expect.stringContaining(permission)] : [type, undefined],
      );
    }
    for (const type of WEBHOOK_EVENT_TYPES) {
      expect([type, messages[`${eventKey(type)}Webhook`]?.name]).toEqual([type, type]);
    }
  });
});
