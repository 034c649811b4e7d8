import { visitSchemas, type Document } from './walk';

/** Formats that mark a genuinely fractional number; such a field stays `type: number`. */
const FRACTIONAL_FORMATS = new Set(['float', 'double']);

/**
 * Depot's API has no fractional numbers: money is integer minor units (`*Minor`), rates are basis
 * points (`*Bps`), quantities, counts, versions, `limit`, `total`, durations in ms and HTTP
 * statuses are whole numbers, and request fields are validated with `@IsInt()`. TypeScript only
 * knows `number`, so Nest documents them as `type: number`; this makes each one `integer`.
 *
 * A future fractional field opts out with `@ApiProperty({ format: 'double' })` (or `float`).
 */
export function integerTypes(document: Document): void {
  visitSchemas(document, (schema) => {
    if (schema.type === 'number' && !FRACTIONAL_FORMATS.has(String(schema.format))) schema.type = 'integer';
  });
}
