import {
  isReference,
  operationsOf,
  parametersOf,
  type Document,
  type ReferenceObject,
  type SchemaObject,
} from './walk';

/** Sample values by string format, used where a field has no example of its own. */
export const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  uuid: '0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10',
  'date-time': '2026-11-23T10:15:30.123Z',
  date: '2026-11-23',
  email: 'ada@example.com',
  uri: 'https://hooks.example.com/depot',
  'uri-reference': '/api/v1/products/0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10',
};

const MAX_DEPTH = 8;

/**
 * An example value for `schema`, built from the examples of its parts: the schema's own
 * `example`, else its first enum value or default, else (objects, arrays) one made of its
 * properties' or items' examples, else a sample for its format or type. Undefined where nothing
 * sensible can be said (binary bodies, a recursive reference).
 */
export function exampleFor(
  document: Document,
  schema: SchemaObject | ReferenceObject | undefined,
  depth = 0,
  seen: ReadonlySet<string> = new Set(),
): unknown {
  if (!schema || depth > MAX_DEPTH) return undefined;
  if (isReference(schema)) {
    if (seen.has(schema.$ref)) return undefined;
    const name = schema.$ref.replace('#/components/schemas/', '');
    return exampleFor(document, document.components?.schemas?.[name], depth + 1, new Set([...seen, schema.$ref]));
  }
  if (schema.example !== undefined) return schema.example as unknown;
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => exampleFor(document, part, depth + 1, seen));
    const objects = parts.filter((part): part is Record<string, unknown> => typeof part === 'object' && part !== null);
    return objects.length > 0 && objects.length === parts.length ? Object.assign({}, ...objects) : parts[0];
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return exampleFor(document, alternatives[0], depth + 1, seen);
  if (schema.enum && schema.enum.length > 0) return schema.enum[0] as unknown;
  if (schema.default !== undefined) return schema.default as unknown;
  switch (schema.type) {
    case 'string':
      if (schema.format === 'binary') return undefined;
      return FORMAT_EXAMPLES[String(schema.format)] ?? 'string';
    case 'integer':
    case 'number':
      return schema.minimum !== undefined && schema.minimum > 1 ? schema.minimum : Math.min(1, schema.maximum ?? 1);
    case 'boolean':
      return true;
    case 'array': {
      const item = exampleFor(document, schema.items, depth + 1, seen);
      return item === undefined ? [] : Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
    }
    default: {
      const example: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const value = exampleFor(document, property, depth + 1, seen);
        if (value !== undefined) example[name] = value;
      }
      if (!schema.properties && typeof schema.additionalProperties === 'object') {
        const value = exampleFor(document, schema.additionalProperties, depth + 1, seen);
        if (value !== undefined) example.key = value;
      }
      return example;
    }
  }
}

/** A parameter example only where the schema says something specific (not a generic "string"). */
function parameterExample(document: Document, schema: SchemaObject | ReferenceObject | undefined): unknown {
  if (!schema) return undefined;
  const resolved = isReference(schema) ? undefined : schema;
  if (resolved && resolved.type === 'string' && resolved.example === undefined && !resolved.format) {
    return resolved.enum?.[0] ?? resolved.default;
  }
  if (resolved?.type === 'array') {
    const item = parameterExample(document, resolved.items);
    return item === undefined ? undefined : [item];
  }
  return exampleFor(document, schema);
}

/**
 * Gives every JSON request body and every 2xx JSON response a media-type `example` composed from
 * its schema (unless one was written by hand), and every parameter whose schema allows a
 * specific one an `example`, so each operation shows a complete request and response. Runs last,
 * on the final schemas; the document test validates every example against its schema.
 */
export function composeExamples(document: Document): void {
  for (const { operation } of operationsOf(document)) {
    for (const parameter of parametersOf(operation)) {
      if (parameter.example !== undefined || parameter.examples) continue;
      const schema = parameter.schema;
      if (schema && !isReference(schema) && schema.example !== undefined) continue;
      const example = parameterExample(document, schema);
      if (example !== undefined) parameter.example = example;
    }
    const bodies = [
      ...(operation.requestBody && !isReference(operation.requestBody) ? [operation.requestBody.content] : []),
      ...Object.entries(operation.responses)
        .filter(([status, response]) => /^2/.test(status) && response && !isReference(response))
        .map(([, response]) => (response as { content?: Record<string, never> }).content ?? {}),
    ];
    for (const content of bodies) {
      for (const [mediaType, media] of Object.entries(content)) {
        if (!/json/.test(mediaType) || media.example !== undefined || media.examples) continue;
        const example = exampleFor(document, media.schema);
        if (example !== undefined) media.example = example;
      }
    }
  }
}
