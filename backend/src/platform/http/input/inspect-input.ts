import type { FieldError } from '@depot/contracts';

/** Limits every JSON body must respect before it reaches validation (documented in docs/architecture.md). */
export const INPUT_LIMITS = {
  /** Deepest nesting of arrays and objects. Depot's deepest DTO needs 4. */
  maxDepth: 32,
  /** Object members plus array elements in one body. */
  maxEntries: 10_000,
  /** Field errors reported for forbidden characters before giving up. */
  maxReportedFields: 20,
} as const;

/**
 * C0 control characters other than tab, line feed and carriage return, and lone UTF-16
 * surrogates (which are not Unicode text). PostgreSQL refuses NUL outright; the others are never
 * meaningful in Depot's data and are a classic way to forge log lines or confuse parsers.
 */
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\p{Surrogate}/u;
/** In single-line values (query parameters, path segments, object keys) no C0 character at all. */
const FORBIDDEN_IN_LINE = /[\u0000-\u001F]|\p{Surrogate}/u;

function describe(value: string, pattern: RegExp): string {
  const match = pattern.exec(value);
  const char = match?.[0] ?? '';
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function forbiddenCharacterError(
  field: string,
  value: string,
  singleLine: boolean,
  subject = field || 'the body',
): FieldError | null {
  const pattern = singleLine ? FORBIDDEN_IN_LINE : FORBIDDEN_IN_TEXT;
  if (!pattern.test(value)) return null;
  return {
    field,
    code: 'forbiddenCharacters',
    message: `${subject} must not contain control characters or unpaired surrogates (found ${describe(value, pattern)})`,
  };
}

/** Why a body was refused before validation: too deep, too many entries, or a prototype key. */
export class BodyShapeError extends Error {}

/**
 * Nesting depth of a JSON text, computed without parsing it, stopping as soon as `limit` is
 * exceeded. Runs before JSON.parse so a megabyte of `[[[[` costs a linear scan, not a parse and
 * a recursive walk through the validation pipe.
 */
export function exceedsDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/**
 * Walks a parsed JSON value (iteratively; depth is already bounded) and
 * - throws BodyShapeError for more than `maxEntries` entries or a `__proto__` /
 *   `constructor.prototype` key (prototype poisoning, refused like Fastify's default parser does);
 * - returns a field error for every string or key holding forbidden characters, with its path
 *   (`lines.0.note`), so the client learns which field to fix.
 */
export function inspectJson(root: unknown): FieldError[] {
  const errors: FieldError[] = [];
  let entries = 0;
  // Breadth-first, so errors come out in document order level by level.
  const queue: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  for (let next = 0; next < queue.length; next++) {
    const { value, path } = queue[next];
    if (typeof value === 'string') {
      if (errors.length < INPUT_LIMITS.maxReportedFields) {
        const error = forbiddenCharacterError(path, value, false);
        if (error) errors.push(error);
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      entries += value.length;
      if (entries > INPUT_LIMITS.maxEntries) throw tooManyEntries();
      value.forEach((item, index) => queue.push({ value: item, path: path ? `${path}.${index}` : String(index) }));
      continue;
    }
    const keys = Object.keys(value);
    entries += keys.length;
    if (entries > INPUT_LIMITS.maxEntries) throw tooManyEntries();
    for (const key of keys) {
      const child = (value as Record<string, unknown>)[key];
      if (
        key === '__proto__' ||
        (key === 'constructor' && typeof child === 'object' && child !== null && 'prototype' in child)
      ) {
        throw new BodyShapeError(`The body contains the forbidden key "${key}".`);
      }
      const childPath = path ? `${path}.${key}` : key;
      if (errors.length < INPUT_LIMITS.maxReportedFields) {
        const error = forbiddenCharacterError(childPath, key, true, `the name of ${childPath}`);
        if (error) errors.push(error);
      }
      queue.push({ value: child, path: childPath });
    }
  }
  return errors;
}

function tooManyEntries(): BodyShapeError {
  return new BodyShapeError(`The body has more than ${INPUT_LIMITS.maxEntries} object members and array elements.`);
}

/** Field errors for query parameters and path segments (flat string values or arrays of them). */
export function inspectParameters(values: Record<string, unknown> | undefined | null): FieldError[] {
  const errors: FieldError[] = [];
  if (!values) return errors;
  for (const [name, value] of Object.entries(values)) {
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) {
      if (typeof item !== 'string') continue;
      const error =
        forbiddenCharacterError(name, item, true) ?? forbiddenCharacterError(name, name, true, `the name of ${name}`);
      if (error) {
        errors.push(error);
        break;
      }
    }
    if (errors.length >= INPUT_LIMITS.maxReportedFields) break;
  }
  return errors;
}
