import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Permission } from '@depot/contracts';
import type { DataSource } from 'typeorm';
import { ApiKeyResolver, type Principal } from '../../../platform/auth/principal';
import { PrincipalCache } from '../../../platform/auth/principal-cache';
import { DatabaseNotifications } from '../../../platform/database/database-notifications';
import { hashApiKey, parseApiKey, sameHash } from './api-key-format';

const CACHE_MS = 5_000;
/** `last_used_at` is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

interface KeyRow {
  id: string;
  key_hash: string;
  scopes: Permission[];
  user_id: string;
  email: string;
  display_name: string;
  last_used_at: Date | null;
  permissions: Permission[];
}

/**
 * An API key acts for its creator with its scopes, narrowed to what the creator may still do.
 * Revoking the key, disabling the user or removing a role clears the cache on every instance at
 * once (CredentialRevocations); the cache is off while this instance cannot hear about that.
 */
@Injectable()
export class ApiKeyPrincipalResolver extends ApiKeyResolver {
  private readonly cache: PrincipalCache<Principal | null>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    notifications: DatabaseNotifications,
  ) {
    super();
    this.cache = new PrincipalCache(CACHE_MS, 10_000, () => notifications.connected);
  }

  async resolve(key: string): Promise<Principal | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const hash = hashApiKey(key);
    const now = Date.now();
    const cached = this.cache.get(hash, now);
    if (cached) return cached.value;
    const generation = this.cache.begin();

    const rows = await this.dataSource.query<KeyRow[]>(
      `SELECT k.id, k.key_hash, k.scopes, k.last_used_at, u.id AS user_id, u.email, u.display_name,
              coalesce(array_agg(DISTINCT p.permission) FILTER (WHERE p.permission IS NOT NULL), '{}') AS permissions
         FROM api_keys k
         JOIN users u ON u.id = k.user_id AND u.status = 'active'
         LEFT JOIN user_roles ur ON ur.user_id = u.id
         LEFT JOIN roles r ON r.id = ur.role_id
         LEFT JOIN LATERAL unnest(r.permissions) AS p(permission) ON true
        WHERE k.prefix = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
        GROUP BY k.id, u.id`,
      [parsed.prefix],
    );
    const row = rows[0];
    let principal: Principal | null = null;
    if (row && sameHash(row.key_hash, hash)) {
      const held = new Set(row.permissions);
      principal = {
        kind: 'api_key',
        apiKeyId: row.id,
        userId: row.user_id,
        sessionId: '',
        email: row.email,
        displayName: row.display_name,
        roles: [],
        permissions: new Set(row.scopes.filter((scope) => held.has(scope))),
        mfaEnabled: true,
        mfaRequired: false,
        mustChangePassword: false,
      };
      if (!row.last_used_at || now - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
        await this.dataSource.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [row.id]);
      }
    }
    this.cache.set(hash, principal, generation, now);
    return principal;
  }

  clear(): void {
    this.cache.clear();
  }
}
