import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ErrorCode, type Permission, type RoleDto } from '@depot/contracts';
import { QueryFailedError } from 'typeorm';
import { newId } from '../../../platform/database/ids';
import { ConflictError, NotFoundError, VersionConflictError } from '../../../platform/http/app-error';
import { AuditService } from '../../audit/audit.service';
import type { CreateRoleDto, UpdateRoleDto } from './dto/role.dto';
import { CredentialRevocations } from '../credentials/credential-revocations';
import { assertExpectedVersion } from '../../../platform/http/conditional/conditional-requests';

interface RoleRow {
  id: string;
  name: string;
  description: string;
  permissions: Permission[];
  require_mfa: boolean;
  built_in: boolean;
  user_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const ROLE_SELECT = `SELECT r.id, r.name, r.description, r.permissions, r.require_mfa, r.built_in, r.version, r.created_at,
  r.updated_at, (SELECT count(*)::int FROM user_roles ur WHERE ur.role_id = r.id) AS user_count FROM roles r`;

function toDto(row: RoleRow): RoleDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    permissions: [...row.permissions].sort(),
    requireMfa: row.require_mfa,
    builtIn: row.built_in,
    userCount: row.user_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function isNameTaken(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

/**
 * Roles grant permissions. Built-in roles keep the grants defined in @depot/contracts (synced
 * at start); only their MFA requirement can be changed. Custom roles are fully editable.
 */
@Injectable()
export class RolesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly revocations: CredentialRevocations,
  ) {}

  async list(): Promise<RoleDto[]> {
    const rows = await this.txHost.tx.query<RoleRow[]>(`${ROLE_SELECT} ORDER BY r.built_in DESC, r.name`);
    return rows.map(toDto);
  }

  async get(id: string): Promise<RoleDto> {
    const rows = await this.txHost.tx.query<RoleRow[]>(`${ROLE_SELECT} WHERE r.id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError(ErrorCode.RoleNotFound, `No role with id ${id}.`);
    return toDto(rows[0]);
  }

  @Transactional()
  async create(input: CreateRoleDto): Promise<RoleDto> {
    const id = newId();
    const permissions = [...new Set(input.permissions)].sort();
    try {
      await this.txHost.tx.query(
        `INSERT INTO roles (id, name, description, permissions, require_mfa, built_in, version)
         VALUES ($1, $2, $3, $4, $5, false, 1)`,
        [id, input.name, input.description ?? '', permissions, input.requireMfa ?? false],
      );
    } catch (error) {
      if (isNameTaken(error))
        throw new ConflictError(ErrorCode.RoleNameTaken, `A role named "${input.name}" already exists.`);
      throw error;
    }
    await this.audit.record({
      action: 'identity.role.created',
      entityType: 'role',
      entityId: id,
      changes: { name: { before: null, after: input.name }, permissions: { before: null, after: permissions } },
    });
    return this.get(id);
  }

  @Transactional()
  async update(id: string, input: UpdateRoleDto): Promise<RoleDto> {
    const [current] = await this.txHost.tx.query<RoleRow[]>(`${ROLE_SELECT} WHERE r.id = $1 FOR UPDATE OF r`, [id]);
    if (!current) throw new NotFoundError(ErrorCode.RoleNotFound, `No role with id ${id}.`);
    if (current.version !== input.version) throw new VersionConflictError('role', input.version);
    const changesBuiltIn =
      input.name !== undefined || input.description !== undefined || input.permissions !== undefined;
    if (current.built_in && changesBuiltIn) {
      throw new ConflictError(
        ErrorCode.RoleBuiltIn,
        `"${current.name}" is a built-in role: only its MFA requirement can change. Create a custom role instead.`,
      );
    }
    const next = {
      name: input.name ?? current.name,
      description: input.description ?? current.description,
      permissions: input.permissions ? [...new Set(input.permissions)].sort() : current.permissions,
      requireMfa: input.requireMfa ?? current.require_mfa,
    };
    // Saving without changing anything writes nothing (no new version, no audit row).
    if (
      next.name === current.name &&
      next.description === current.description &&
      JSON.stringify(next.permissions) === JSON.stringify([...current.permissions].sort()) &&
      next.requireMfa === current.require_mfa
    ) {
      return this.get(id);
    }
    try {
      await this.txHost.tx.query(
        `UPDATE roles SET name = $2, description = $3, permissions = $4, require_mfa = $5, version = version + 1,
                updated_at = now() WHERE id = $1 AND version = $6`,
        [id, next.name, next.description, next.permissions, next.requireMfa, input.version],
      );
    } catch (error) {
      if (isNameTaken(error))
        throw new ConflictError(ErrorCode.RoleNameTaken, `A role named "${next.name}" already exists.`);
      throw error;
    }
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (next.name !== current.name) changes.name = { before: current.name, after: next.name };
    if (next.description !== current.description)
      changes.description = { before: current.description, after: next.description };
    if (JSON.stringify(next.permissions) !== JSON.stringify([...current.permissions].sort())) {
      changes.permissions = { before: [...current.permissions].sort(), after: next.permissions };
    }
    if (next.requireMfa !== current.require_mfa)
      changes.requireMfa = { before: current.require_mfa, after: next.requireMfa };
    await this.audit.record({ action: 'identity.role.updated', entityType: 'role', entityId: id, changes });
    await this.revocations.announce();
    return this.get(id);
  }

  @Transactional()
  async remove(id: string, expectedVersion?: number): Promise<void> {
    const role = await this.get(id);
    assertExpectedVersion(role.version, expectedVersion);
    if (role.builtIn)
      throw new ConflictError(ErrorCode.RoleBuiltIn, `"${role.name}" is a built-in role and cannot be deleted.`);
    if (role.userCount > 0) {
      throw new ConflictError(
        ErrorCode.RoleInUse,
        `"${role.name}" is assigned to ${role.userCount} user(s); unassign it first.`,
      );
    }
    await this.txHost.tx.query('DELETE FROM roles WHERE id = $1', [id]);
    await this.audit.record({
      action: 'identity.role.deleted',
      entityType: 'role',
      entityId: id,
      changes: { name: { before: role.name, after: null } },
    });
  }
}
