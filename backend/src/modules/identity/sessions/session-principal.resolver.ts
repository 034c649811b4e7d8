import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Permission } from '@depot/contracts';
import type { DataSource } from 'typeorm';
import { PrincipalResolver, type AccessTokenClaims, type Principal } from '../../../platform/auth/principal';
import { PrincipalCache } from '../../../platform/auth/principal-cache';
import { DatabaseNotifications } from '../../../platform/database/database-notifications';

/**
 * How long a resolved session is trusted before the database is asked again. Revocations do
 * not wait for it: they clear the cache on every instance (CredentialRevocations).
 */
export const PRINCIPAL_CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

interface PrincipalRow {
  user_id: string;
  email: string;
  display_name: string;
  roles: string[];
  permissions: Permission[];
  mfa_enabled: boolean;
  mfa_required: boolean;
  must_change_password: boolean;
}

/**
 * Resolves an access token's session to the user and their current permissions, in one
 * query, cached briefly per session so hot endpoints avoid a lookup per request. Ending a
 * session, disabling a user or changing roles clears the cache on every instance at once; the
 * cache is off while this instance cannot hear about such changes.
 */
@Injectable()
export class SessionPrincipalResolver extends PrincipalResolver {
  private readonly cache: PrincipalCache<Principal | null>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    notifications: DatabaseNotifications,
  ) {
    super();
    this.cache = new PrincipalCache(PRINCIPAL_CACHE_MS, MAX_CACHED, () => notifications.connected);
  }

  async resolve(claims: AccessTokenClaims): Promise<Principal | null> {
    const cached = this.cache.get(claims.sid);
    if (cached) return cached.value?.userId === claims.sub ? cached.value : null;
    const generation = this.cache.begin();
    const rows: PrincipalRow[] = await this.dataSource.query(
      `SELECT u.id AS user_id, u.email, u.display_name,
              coalesce(array_agg(DISTINCT r.name) FILTER (WHERE r.name IS NOT NULL), '{}') AS roles,
              coalesce(array_agg(DISTINCT p.permission) FILTER (WHERE p.permission IS NOT NULL), '{}') AS permissions,
              u.mfa_enabled_at IS NOT NULL AS mfa_enabled,
              coalesce(bool_or(r.require_mfa), false) AS mfa_required,
              u.must_change_password
         FROM sessions s
         JOIN users u ON u.id = s.user_id AND u.status = 'active'
         LEFT JOIN user_roles ur ON ur.user_id = u.id
         LEFT JOIN roles r ON r.id = ur.role_id
         LEFT JOIN LATERAL unnest(r.permissions) AS p(permission) ON true
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
        GROUP BY u.id`,
      [claims.sid],
    );
    const row = rows[0];
    const principal: Principal | null = row
      ? {
          kind: 'user',
          userId: row.user_id,
          sessionId: claims.sid,
          email: row.email,
          displayName: row.display_name,
          roles: row.roles.sort(),
          permissions: new Set(row.permissions),
          mfaEnabled: row.mfa_enabled,
          mfaRequired: row.mfa_required,
          mustChangePassword: row.must_change_password,
        }
      : null;
    this.cache.set(claims.sid, principal, generation);
    return principal?.userId === claims.sub ? principal : null;
  }

  /** Forget a session at once on this instance (CredentialRevocations tells the others). */
  forget(sessionId: string): void {
    this.cache.delete(sessionId);
  }

  clear(): void {
    this.cache.clear();
  }
}
