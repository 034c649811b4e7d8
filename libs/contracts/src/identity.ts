import type { AuditFieldChangeDto, AuditRef } from './audit-fields';
import type { ListQuery } from './pagination';
import type { Permission } from './permissions';

export const UserStatus = { Active: 'active', Disabled: 'disabled' } as const;
export type UserStatus = (typeof UserStatus)[keyof typeof UserStatus];

export const IDENTITY_LIMITS = {
  displayNameMaxLength: 120,
  roleNameMaxLength: 64,
  rolePattern: '^[a-z][a-z0-9-]*$',
  roleDescriptionMaxLength: 500,
  apiKeyNameMaxLength: 100,
} as const;

export const USER_SORT_FIELDS = ['createdAt', 'email', 'displayName'] as const;

export interface UserDto {
  id: string;
  email: string;
  displayName: string;
  status: UserStatus;
  roles: string[];
  mfaEnabled: boolean;
  mustChangePassword: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserListQuery extends ListQuery {
  role?: string;
  status?: UserStatus;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  roles: string[];
  /** Set an initial password the user must change; omit to e-mail an invitation link instead. */
  initialPassword?: string;
}

export interface UpdateUserRequest {
  version: number;
  email?: string;
  displayName?: string;
}

export interface SetUserRolesRequest {
  version: number;
  roles: string[];
}

export interface RoleDto {
  id: string;
  name: string;
  description: string;
  permissions: Permission[];
  requireMfa: boolean;
  builtIn: boolean;
  userCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateRoleRequest {
  name: string;
  description?: string;
  permissions: Permission[];
  requireMfa?: boolean;
}

export interface UpdateRoleRequest {
  version: number;
  name?: string;
  description?: string;
  permissions?: Permission[];
  requireMfa?: boolean;
}

export interface SessionDto {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  /** The session the request itself belongs to. */
  current: boolean;
}

export interface ApiKeyDto {
  id: string;
  name: string;
  /** Visible part of the key, e.g. `dpk_3f9a1c2b7d4e`, to recognise it. */
  prefix: string;
  scopes: Permission[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface CreateApiKeyRequest {
  name: string;
  scopes: Permission[];
  expiresAt?: string;
}

/** The only time the secret is shown. */
export interface CreatedApiKeyDto extends ApiKeyDto {
  key: string;
}

export interface UpdateProfileRequest {
  displayName: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface AuditEventDto {
  id: string;
  occurredAt: string;
  actorType: 'user' | 'api_key' | 'system' | 'anonymous';
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, { before: unknown; after: unknown }> | null;
  /** The same changes ready to show: labels, value kinds and referenced records resolved to names. */
  fieldChanges: AuditFieldChangeDto[];
  /** The record the event is about, resolved (null when it has no page or no longer exists). */
  entityRef: AuditRef | null;
  /** The user who acted, resolved to their current name (null for API keys, the system, or a deleted user). */
  actorRef: AuditRef | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditEventListQuery {
  limit?: number;
  cursor?: string;
  /** `occurredAt` or `-occurredAt` (the default: newest first). */
  sort?: string;
  includeTotal?: boolean;
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}
