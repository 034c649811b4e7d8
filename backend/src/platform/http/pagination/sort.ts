import { ValidationError } from '../app-error';

export interface SortSpec {
  /** API field name, e.g. `createdAt`. */
  field: string;
  /** Trusted SQL column expression from the allowlist, never from the request. */
  column: string;
  descending: boolean;
}

/**
 * Parses `sort=-createdAt` against an allowlist mapping API fields to SQL columns.
 * Anything not on the list is a 400, so user input never reaches SQL text.
 */
export function parseSort(
  sort: string | undefined,
  allowed: Readonly<Record<string, string>>,
  fallback: string,
): SortSpec {
  const raw = sort && sort.length > 0 ? sort : fallback;
  const descending = raw.startsWith('-');
  const field = descending ? raw.slice(1) : raw;
  const column = Object.prototype.hasOwnProperty.call(allowed, field) ? allowed[field] : undefined;
  if (!column) {
    throw new ValidationError(
      [
        {
          field: 'sort',
          message: `sort must be one of ${Object.keys(allowed)
            .map((name) => `${name}, -${name}`)
            .join(', ')}`,
          code: 'isIn',
        },
      ],
      `Cannot sort by "${field.slice(0, 50)}".`,
    );
  }
  return { field, column, descending };
}
