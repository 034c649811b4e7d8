import type { AuditChanges } from './audit-event.entity';

/** Fields never written to the audit trail, whatever the entity. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'tokenHash', 'secret', 'refreshToken', 'accessToken']);

function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Field-level before/after of the listed fields; only fields whose value changed appear.
 * Pass `before = null` for a creation.
 */
export function diffFields<T extends object>(
  before: T | null,
  after: T,
  fields: readonly (keyof T & string)[],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    if (SECRET_FIELDS.has(field)) continue;
    const previous = before ? normalise(before[field]) : null;
    const next = normalise(after[field]);
    if (JSON.stringify(previous) !== JSON.stringify(next)) {
      changes[field] = { before: previous ?? null, after: next ?? null };
    }
  }
  return changes;
}
