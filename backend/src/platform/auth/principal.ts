import type { Permission } from '@depot/contracts';

/** Who is calling: a signed-in user (or, later, an API key acting for one). */
export interface Principal {
  kind: 'user' | 'api_key';
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  /** The user has a confirmed second factor. */
  mfaEnabled: boolean;
  /** One of the user's roles requires MFA: until enrolled, only enrolment routes are open. */
  mfaRequired: boolean;
  /** An administrator set a temporary password: only the password change is open until then. */
  mustChangePassword: boolean;
  /** Set when the caller is an API key (its id); the key acts for `userId`. */
  apiKeyId?: string;
}

/** Access-token claims Depot issues and accepts. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  typ: 'access';
  iss: string;
  aud: string;
  iat: number;
  exp: number;
}

/**
 * Turns verified token claims into a Principal, or null when the session or user is no
 * longer valid. Implemented by the identity module, which owns users and sessions.
 */
export abstract class PrincipalResolver {
  abstract resolve(claims: AccessTokenClaims): Promise<Principal | null>;
}

/** Turns a presented API key into its Principal, or null when unknown, revoked or expired. */
export abstract class ApiKeyResolver {
  abstract resolve(key: string): Promise<Principal | null>;
}

/** API keys look like `dpk_<prefix>_<secret>`; JWTs never start with this. */
export const API_KEY_PREFIX = 'dpk_';
