import { ValidationPipe, type ArgumentMetadata, type ValidationError as ClassValidatorError } from '@nestjs/common';
import type { FieldError } from '@depot/contracts';
import { ValidationError } from './app-error';

/** Flattens class-validator's nested errors into `{ field: 'lines.0.quantity', message }`. */
export function toFieldErrors(errors: ClassValidatorError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      result.push({ field, message, code });
    }
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}

/** Distinct query strings remembered per DTO class (a list screen sends a handful). */
export const QUERY_CACHE_SIZE = 500;

/**
 * The validation pipe, remembering valid query strings. A query DTO is a pure function of the
 * query string, and list screens send the same few (`?limit=25`) over and over: the validated
 * instance is kept per DTO class and query, and each request gets its own shallow copy, so
 * class-transformer and class-validator run once per distinct query instead of per request.
 * Invalid queries are never kept (each still answers its 400); bodies are never cached.
 */
export class CachingValidationPipe extends ValidationPipe {
  private readonly queries = new WeakMap<object, Map<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const key = metadata.type === 'query' && metadata.metatype ? cacheKeyOf(value) : undefined;
    if (key === undefined || !metadata.metatype) return super.transform(value, metadata);
    let cache = this.queries.get(metadata.metatype);
    if (!cache) this.queries.set(metadata.metatype, (cache = new Map<string, object>()));
    const known = cache.get(key);
    if (known) return copyOf(known);
    const result: unknown = await super.transform(value, metadata);
    if (typeof result !== 'object' || result === null) return result;
    if (cache.size >= QUERY_CACHE_SIZE) cache.clear();
    cache.set(key, copyOf(result));
    return result;
  }
}

/** A key for a parsed query string: only flat string (or string list) values are cached. */
function cacheKeyOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const field of Object.values(value)) {
    if (typeof field !== 'string' && !(Array.isArray(field) && field.every((item) => typeof item === 'string'))) {
      return undefined;
    }
  }
  return JSON.stringify(value);
}

/** Same class, own top-level fields (arrays copied too), so a handler cannot change the kept one. */
function copyOf<T extends object>(value: T): T {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(value) as object) as T, value);
  for (const [field, item] of Object.entries(copy)) {
    if (Array.isArray(item)) (copy as Record<string, unknown>)[field] = [...(item as unknown[])];
  }
  return copy;
}

/** Global pipe: whitelist, refuse unknown fields, transform to DTO classes, 400 with field errors. */
export function createValidationPipe(): ValidationPipe {
  return new CachingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationError(toFieldErrors(errors)),
  });
}
