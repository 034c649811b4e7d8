import type { DataSource } from 'typeorm';
import type { SecretBox } from './secret-box';

/** A database column whose values are kept encrypted by the SecretBox. */
export interface SecretColumn {
  table: string;
  column: string;
  /** Bound into every value as authenticated data: a value copied to another column does not open. */
  context: string;
}

/**
 * Every column holding an encrypted secret. The owning modules encrypt on write and decrypt on
 * read with these contexts; start-up and `npm run db:rotate-encryption-key` walk this list.
 * Wiring only: add a column here when a module adds one.
 */
export const SECRET_COLUMNS = {
  /** TOTP seed (modules/identity/mfa). */
  mfaSecret: { table: 'users', column: 'mfa_secret', context: 'users.mfa_secret' },
  /** Standard Webhooks signing secret (modules/notifications/webhooks). */
  webhookSecret: { table: 'webhook_endpoints', column: 'secret', context: 'webhook_endpoints.secret' },
} as const satisfies Record<string, SecretColumn>;

/** One transaction-scoped advisory lock, so concurrent starts and the rotation command take turns. */
const LOCK_KEY = "hashtext('depot.secrets-at-rest')";

type Query = <T>(sql: string, parameters?: unknown[]) => Promise<T>;

export interface ReencryptionResult {
  /** Rows changed per `table.column`. */
  changed: Record<string, number>;
  total: number;
}

/** Encrypted values whose key id this box does not know, counted per key id. */
export async function unknownKeyIds(query: Query, box: SecretBox): Promise<Map<string, number>> {
  const known = new Set(box.knownKeyIds);
  const unknown = new Map<string, number>();
  for (const { table, column } of Object.values(SECRET_COLUMNS)) {
    const rows = await query<{ key_id: string; n: number }[]>(
      `SELECT split_part("${column}", ':', 3) AS key_id, count(*)::int AS n FROM "${table}"
        WHERE "${column}" LIKE 'enc:%' GROUP BY 1`,
    );
    for (const { key_id: keyId, n } of rows) {
      if (!known.has(keyId)) unknown.set(keyId, (unknown.get(keyId) ?? 0) + n);
    }
  }
  return unknown;
}

export function describeUnknownKeys(unknown: Map<string, number>): string {
  return [...unknown].map(([keyId, n]) => `${n} under key ${keyId}`).join(', ');
}

/**
 * Rewrites secrets under the box's current key, in one transaction. `plaintext`: only values
 * written before encryption existed (done at every start). `all`: also values under previous
 * keys (key rotation). Idempotent: values already under the current key are left alone.
 * Refuses, changing nothing, when a value is under a key the box does not have.
 */
export async function reencryptSecrets(
  dataSource: DataSource,
  box: SecretBox,
  scope: 'plaintext' | 'all',
): Promise<ReencryptionResult> {
  return dataSource.transaction(async (manager) => {
    const query: Query = (sql, parameters) => manager.query(sql, parameters);
    await query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    if (scope === 'all') {
      const unknown = await unknownKeyIds(query, box);
      if (unknown.size > 0) {
        throw new Error(
          `some secrets are encrypted with keys this process was not given (${describeUnknownKeys(unknown)}): ` +
            'add them to DEPOT_PREVIOUS_ENCRYPTION_KEYS; nothing was changed',
        );
      }
    }
    const changed: Record<string, number> = {};
    for (const { table, column, context } of Object.values(SECRET_COLUMNS)) {
      const rows = await query<{ id: string; value: string }[]>(
        `SELECT id, "${column}" AS value FROM "${table}"
          WHERE "${column}" IS NOT NULL ${scope === 'plaintext' ? `AND "${column}" NOT LIKE 'enc:%'` : ''}
          FOR UPDATE`,
      );
      const due = rows.filter((row) => box.needsReencryption(row.value));
      if (due.length > 0) {
        await query(
          `UPDATE "${table}" AS t SET "${column}" = v.value
             FROM unnest($1::uuid[], $2::text[]) AS v(id, value) WHERE t.id = v.id`,
          [due.map((row) => row.id), due.map((row) => box.reencrypt(row.value, context))],
        );
      }
      changed[`${table}.${column}`] = due.length;
    }
    return { changed, total: Object.values(changed).reduce((sum, n) => sum + n, 0) };
  });
}
