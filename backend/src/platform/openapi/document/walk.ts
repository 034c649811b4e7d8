import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The OpenAPI document as the post-processors see it (the type Nest's DocumentBuilder builds). */
export type Document = OpenAPIObject;
export type { OperationObject, ParameterObject, ReferenceObject, ResponseObject, SchemaObject };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

export interface OperationEntry {
  path: string;
  method: (typeof METHODS)[number];
  operation: OperationObject & Record<`x-${string}`, unknown>;
}

export function isReference(value: unknown): value is ReferenceObject {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

/** Every operation of the document, in document order. */
export function operationsOf(document: Document): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) entries.push({ path, method, operation: operation as OperationEntry['operation'] });
    }
  }
  return entries;
}

/** The operation's parameters that are not `$ref`s (Nest inlines them all). */
export function parametersOf(operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).filter((parameter): parameter is ParameterObject => !isReference(parameter));
}

/** The operation's responses that are not `$ref`s, with their status. */
export function responsesOf(operation: OperationObject): [status: string, response: ResponseObject][] {
  return Object.entries(operation.responses).filter(
    (entry): entry is [string, ResponseObject] => entry[1] !== undefined && !isReference(entry[1]),
  );
}

/** Where a schema sits: the property (or parameter) name that holds it, if any. */
export interface SchemaContext {
  /** Name of the property or parameter holding the schema; array items inherit their array's name. */
  name?: string;
  /** True for an array's `items`. */
  inItems?: boolean;
  /** The parameter, for a parameter's schema. */
  parameter?: ParameterObject;
  /** The component name, for a top-level component schema. */
  component?: string;
}

type SchemaVisitor = (schema: SchemaObject, context: SchemaContext) => void;

function visitSchema(schema: SchemaObject | ReferenceObject | undefined, context: SchemaContext, visit: SchemaVisitor) {
  if (!schema || isReference(schema)) return;
  visit(schema, context);
  for (const [name, property] of Object.entries(schema.properties ?? {})) visitSchema(property, { name }, visit);
  if (schema.items) visitSchema(schema.items, { name: context.name, inItems: true }, visit);
  for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    visitSchema(part, { name: context.name, inItems: context.inItems }, visit);
  }
  if (typeof schema.additionalProperties === 'object') visitSchema(schema.additionalProperties, {}, visit);
}

/**
 * Calls `visit` on every inline schema object of the document: component schemas and their
 * properties, parameter schemas, request bodies and responses. Parents before children, so a
 * visitor may replace what it is about to descend into.
 */
export function visitSchemas(document: Document, visit: SchemaVisitor): void {
  for (const [component, schema] of Object.entries(document.components?.schemas ?? {})) {
    visitSchema(schema, { component }, visit);
  }
  for (const { operation } of operationsOf(document)) {
    for (const parameter of parametersOf(operation))
      visitSchema(parameter.schema, { name: parameter.name, parameter }, visit);
    if (operation.requestBody && !isReference(operation.requestBody)) {
      for (const media of Object.values(operation.requestBody.content)) visitSchema(media.schema, {}, visit);
    }
    for (const [, response] of responsesOf(operation)) {
      for (const media of Object.values(response.content ?? {})) visitSchema(media.schema, {}, visit);
    }
  }
}

/** `#/components/schemas/Name` → the component schema (following `$ref` chains), or undefined. */
export function resolveSchema(
  document: Document,
  schema: SchemaObject | ReferenceObject | undefined,
): SchemaObject | undefined {
  let current = schema;
  for (let hops = 0; current && isReference(current) && hops < 20; hops += 1) {
    current = document.components?.schemas?.[current.$ref.replace('#/components/schemas/', '')];
  }
  return current && !isReference(current) ? current : undefined;
}
