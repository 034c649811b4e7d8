import { visitSchemas, type Document, type SchemaObject } from './walk';

/**
 * Names that end in `Id` but do not hold one of Depot's UUIDs: a partner's tax number, the company's
 * VAT id, the request id, which keeps a caller's own `X-Request-Id` when it is well-formed, and the
 * OpenTelemetry trace id (32 hex digits).
 */
export const NOT_UUID_NAMES: ReadonlySet<string> = new Set(['taxId', 'vatId', 'requestId', 'traceId']);

/** The format a string named `name` has by Depot's naming rules, if any. */
export function formatForName(name: string, inItems = false): string | undefined {
  if (inItems) return /Ids$/.test(name) ? 'uuid' : undefined;
  if ((name === 'id' || /Id$/.test(name)) && !NOT_UUID_NAMES.has(name)) return 'uuid';
  if (/At$/.test(name)) return 'date-time';
  if (name === 'date' || /Date$/.test(name)) return 'date';
  return undefined;
}

/**
 * Depot names fields after what they hold: every id (`id`, `productId`, `productIds[]`) is a
 * UUID, every `…At` an RFC 3339 timestamp, every `…Date` a calendar date. Nest only knows
 * `string`; this adds `format: uuid | date-time | date` to string properties and parameters named
 * so (never overriding a format set by hand, e.g. `from`/`to` query filters declared on the DTO).
 */
export function stringFormats(document: Document): void {
  visitSchemas(document, (schema: SchemaObject, context) => {
    if (schema.type !== 'string' || schema.format || schema.enum || !context.name) return;
    const format = formatForName(context.name, context.inItems);
    if (format) schema.format = format;
  });
}
