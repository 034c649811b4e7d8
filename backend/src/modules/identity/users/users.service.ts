import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  USER_SORT_FIELDS,
  ErrorCode,
  PAGINATION,
  UserStatus,
  type BulkResult,
  type Page,
  type UserDto,
} from '@depot/contracts';
import { BulkRunner } from '../../../platform/http/bulk/bulk-runner';
import { QueryFailedError } from 'typeorm';
import type { Principal } from '../../../platform/auth/principal';
import { newId } from '../../../platform/database/ids';
import { escapeLike } from '../../../platform/http/pagination/keyset-page';
import {
  AppError,
  ConflictError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from '../../../platform/http/app-error';
import { decodeCursor } from '../../../platform/http/pagination/cursor';
import { toPage } from '../../../platform/http/pagination/page';
import { parseSort } from '../../../platform/http/pagination/sort';
import { AuditService } from '../../audit/audit.service';
import { MailService } from '../../mail/mail.service';
import { INVITE_TOKEN_TTL_MINUTES, PasswordTokensService } from '../password-reset/password-tokens.service';
import { SessionsService } from '../sessions/sessions.service';
import type { CreateUserDto, SetUserRolesDto, UpdateUserDto, UserBulkDto, UserListQueryDto } from './dto/user.dto';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { UserEntity } from './user.entity';
import { CredentialRevocations } from '../credentials/credential-revocations';
import { countCapped } from '../../../platform/http/pagination/total';

const SORT_COLUMNS = {
  createdAt: 'u.created_at',
  email: 'u.email',
  displayName: 'u.display_name',
} as const satisfies Record<(typeof USER_SORT_FIELDS)[number], string>;

const USER_COLUMNS = `u.id, u.email, u.display_name, u.status, u.mfa_enabled_at IS NOT NULL AS mfa_enabled,
  u.must_change_password, u.version, u.created_at, u.updated_at,
  coalesce((SELECT array_agg(r.name ORDER BY r.name) FROM user_roles ur JOIN roles r ON r.id = ur.role_id
             WHERE ur.user_id = u.id), '{}') AS roles`;

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  status: UserStatus;
  mfa_enabled: boolean;
  must_change_password: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  roles: string[];
}

function toDto(row: UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    roles: row.roles,
    mfaEnabled: row.mfa_enabled,
    mustChangePassword: row.must_change_password,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function isEmailTaken(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string; constraint?: string }).constraint === 'ux_users_email_lower'
  );
}

/** Users as the identity module sees them. Other modules use this service, never the table. */
@Injectable()
export class UsersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly passwordTokens: PasswordTokensService,
    private readonly mail: MailService,
    private readonly revocations: CredentialRevocations,
    private readonly bulkRunner: BulkRunner,
  ) {}

  /** The user with this e-mail (case-insensitive), including the password hash. */
  findForLogin(email: string): Promise<UserEntity | null> {
    return this.txHost.tx
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
  }

  /** The user by id, including the password hash (for password checks). */
  findWithPassword(id: string): Promise<UserEntity | null> {
    return this.txHost.tx
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :id', { id })
      .getOne();
  }

  /** One statement per page, roles included, whatever the page size. */
  async list(query: UserListQueryDto): Promise<Page<UserDto>> {
    const sort = parseSort(query.sort, SORT_COLUMNS, 'email');
    const limit = query.limit ?? PAGINATION.defaultLimit;
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    if (query.status) where.push(`u.status = ${param(query.status)}`);
    if (query.role) {
      where.push(
        `EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.name = ${param(query.role)})`,
      );
    }
    if (query.q?.trim()) {
      const pattern = param(`%${escapeLike(query.q.trim())}%`);
      where.push(`(u.email ILIKE ${pattern} OR u.display_name ILIKE ${pattern})`);
    }
    const filterParams = [...params];
    const keyset = [...where];
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      keyset.push(
        `(${sort.column}, u.id) ${sort.descending ? '<' : '>'} (${param(cursor.sortValue)}, ${param(cursor.id)})`,
      );
    }
    const direction = sort.descending ? 'DESC' : 'ASC';
    const rows = await this.txHost.tx.query<UserRow[]>(
      `SELECT ${USER_COLUMNS} FROM users u ${keyset.length ? `WHERE ${keyset.join(' AND ')}` : ''}
       ORDER BY ${sort.column} ${direction}, u.id ${direction} LIMIT ${param(limit + 1)}`,
      params,
    );
    const total = query.includeTotal ? await countCapped(this.txHost.tx, 'users u', where, filterParams) : undefined;
    const columnKey = sort.column.slice(2) as keyof UserRow;
    return toPage(
      rows,
      limit,
      (row) => {
        const value = row[columnKey];
        return value instanceof Date ? value.toISOString() : (value as string);
      },
      toDto,
      total,
    );
  }

  async get(id: string): Promise<UserDto> {
    const rows = await this.txHost.tx.query<UserRow[]>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError(ErrorCode.UserNotFound, `No user with id ${id}.`);
    return toDto(rows[0]);
  }

  /**
   * Creates a user with roles. With `initialPassword` the user must change it at first
   * sign-in; without one they get a random unusable password (an invitation sets theirs).
   */
  @Transactional()
  async create(input: CreateUserDto, invitedBy?: Principal): Promise<UserDto> {
    const roleIds = await this.roleIds(input.roles);
    if (input.initialPassword !== undefined) {
      this.policy.assertAcceptable(input.initialPassword, [input.email, input.displayName], 'initialPassword');
    }
    const id = newId();
    const passwordHash = await this.hasher.hash(input.initialPassword ?? cryptoRandomPassword());
    try {
      await this.txHost.tx.query(
        `INSERT INTO users (id, email, display_name, password_hash, status, must_change_password, version)
         VALUES ($1, $2, $3, $4, 'active', $5, 1)`,
        [id, input.email, input.displayName, passwordHash, input.initialPassword !== undefined],
      );
    } catch (error) {
      if (isEmailTaken(error))
        throw new ConflictError(ErrorCode.EmailTaken, `A user with e-mail ${input.email} already exists.`);
      throw error;
    }
    await this.insertRoles(id, roleIds);
    const created = await this.get(id);
    if (input.initialPassword === undefined) {
      // Invitation: a 72-hour, single-use link to set their own password.
      const token = await this.passwordTokens.issue(id, 'invite', INVITE_TOKEN_TTL_MINUTES);
      await this.mail.send({
        to: created.email,
        template: 'invite',
        data: {
          displayName: created.displayName,
          link: this.passwordTokens.linkFor(token, 'invite'),
          expiresInHours: INVITE_TOKEN_TTL_MINUTES / 60,
          invitedBy: invitedBy?.displayName ?? null,
        },
      });
    }
    await this.audit.record({
      action: 'identity.user.created',
      entityType: 'user',
      entityId: id,
      changes: {
        email: { before: null, after: created.email },
        displayName: { before: null, after: created.displayName },
        roles: { before: null, after: created.roles },
      },
    });
    return created;
  }

  @Transactional()
  async update(id: string, input: UpdateUserDto): Promise<UserDto> {
    const before = await this.lockedWithVersion(id, input.version);
    const email = input.email ?? before.email;
    const displayName = input.displayName ?? before.displayName;
    // Saving without changing anything writes nothing (no new version, no audit row).
    if (email === before.email && displayName === before.displayName) return this.get(id);
    try {
      await this.txHost.tx.query(
        `UPDATE users SET email = $2, display_name = $3, version = version + 1, updated_at = now() WHERE id = $1 AND version = $4`,
        [id, email, displayName, input.version],
      );
    } catch (error) {
      if (isEmailTaken(error))
        throw new ConflictError(ErrorCode.EmailTaken, `A user with e-mail ${email} already exists.`);
      throw error;
    }
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (email !== before.email) changes.email = { before: before.email, after: email };
    if (displayName !== before.displayName) changes.displayName = { before: before.displayName, after: displayName };
    await this.audit.record({ action: 'identity.user.updated', entityType: 'user', entityId: id, changes });
    await this.revocations.announce();
    return this.get(id);
  }

  /** Replaces a user's roles; their permissions change on the next request, on every instance. */
  @Transactional()
  async setRoles(actor: Principal, id: string, input: SetUserRolesDto): Promise<UserDto> {
    if (actor.userId === id) {
      throw new AppError(
        409,
        ErrorCode.Forbidden,
        'Conflict',
        'You cannot change your own roles; ask another administrator.',
      );
    }
    await this.lockedWithVersion(id, input.version);
    const before = await this.get(id);
    const roleIds = await this.roleIds(input.roles);
    if (JSON.stringify([...new Set(input.roles)].sort()) === JSON.stringify([...before.roles].sort())) return before;
    await this.txHost.tx.query('DELETE FROM user_roles WHERE user_id = $1', [id]);
    await this.insertRoles(id, roleIds);
    await this.txHost.tx.query('UPDATE users SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
    const after = await this.get(id);
    await this.audit.record({
      action: 'identity.user.roles_changed',
      entityType: 'user',
      entityId: id,
      changes: { roles: { before: before.roles, after: after.roles } },
    });
    await this.revocations.announce();
    return after;
  }

  /**
   * Bulk disable: each user through `setStatus` in their own transaction (sessions ended, audit,
   * revocation notice); the caller's own account fails its row, a disabled user is `unchanged`.
   */
  async bulk(actor: Principal, input: UserBulkDto): Promise<BulkResult> {
    const rows = await this.txHost.tx.query<{ id: string; email: string }[]>(
      'SELECT id, email FROM users WHERE id = ANY($1::uuid[])',
      [input.ids],
    );
    return this.bulkRunner.run({
      ids: input.ids,
      operationId: input.operationId,
      dryRun: input.dryRun,
      labels: new Map(rows.map((row) => [row.id, row.email])),
      row: async (id) => {
        const before = await this.get(id);
        if (before.status === UserStatus.Disabled) return { status: 'unchanged' };
        const after = await this.setStatus(actor, id, UserStatus.Disabled);
        return { status: 'ok', before: { status: before.status }, after: { status: after.status } };
      },
    });
  }

  /** Disabling ends all of the user's sessions at once (and their API keys stop working). */
  @Transactional()
  async setStatus(actor: Principal, id: string, status: UserStatus): Promise<UserDto> {
    if (actor.userId === id && status === UserStatus.Disabled) {
      throw new AppError(409, ErrorCode.Forbidden, 'Conflict', 'You cannot disable your own account.');
    }
    const before = await this.get(id);
    if (before.status === status) return before;
    await this.txHost.tx.query(
      'UPDATE users SET status = $2, version = version + 1, updated_at = now() WHERE id = $1',
      [id, status],
    );
    if (status === UserStatus.Disabled) await this.sessions.endAllForUser(id, 'user_disabled');
    await this.audit.record({
      action: status === UserStatus.Disabled ? 'identity.user.disabled' : 'identity.user.enabled',
      entityType: 'user',
      entityId: id,
      changes: { status: { before: before.status, after: status } },
    });
    await this.revocations.announce();
    return this.get(id);
  }

  /** Sets a new password hash; ends every session of the user (except `keepSessionId`). */
  @Transactional()
  async setPassword(
    userId: string,
    newPassword: string,
    reason: string,
    options: { notify?: boolean } = {},
  ): Promise<void> {
    const user = await this.txHost.tx.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw new NotFoundError(ErrorCode.UserNotFound, `No user with id ${userId}.`);
    this.policy.assertAcceptable(newPassword, [user.email, user.displayName], 'newPassword');
    await this.txHost.tx.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), must_change_password = false,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [userId, await this.hasher.hash(newPassword)],
    );
    await this.sessions.endAllForUser(userId, reason);
    await this.audit.record({ action: 'auth.password.changed', entityType: 'user', entityId: userId });
    if (options.notify) {
      await this.mail.send({
        to: user.email,
        template: 'password-changed',
        data: { displayName: user.displayName, changedAt: new Date() },
      });
    }
  }

  @Transactional()
  async updateProfile(userId: string, displayName: string): Promise<UserDto> {
    const before = await this.get(userId);
    await this.txHost.tx.query(
      'UPDATE users SET display_name = $2, version = version + 1, updated_at = now() WHERE id = $1',
      [userId, displayName],
    );
    await this.audit.record({
      action: 'identity.user.profile_updated',
      entityType: 'user',
      entityId: userId,
      changes: { displayName: { before: before.displayName, after: displayName } },
    });
    return this.get(userId);
  }

  private async lockedWithVersion(id: string, version: number): Promise<UserEntity> {
    const user = await this.txHost.tx
      .getRepository(UserEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundError(ErrorCode.UserNotFound, `No user with id ${id}.`);
    if (user.version !== version) throw new VersionConflictError('user', version);
    return user;
  }

  private async roleIds(names: string[]): Promise<string[]> {
    const unique = [...new Set(names)];
    if (unique.length === 0) return [];
    const rows = await this.txHost.tx.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM roles WHERE name = ANY($1)',
      [unique],
    );
    const unknown = unique.filter((name) => !rows.some((row) => row.name === name));
    if (unknown.length > 0) {
      throw new ValidationError(
        unknown.map((name) => ({ field: 'roles', message: `role "${name}" does not exist`, code: 'roleExists' })),
      );
    }
    return rows.map((row) => row.id);
  }

  private async insertRoles(userId: string, roleIds: string[]): Promise<void> {
    if (roleIds.length === 0) return;
    await this.txHost.tx.query('INSERT INTO user_roles (user_id, role_id) SELECT $1, unnest($2::uuid[])', [
      userId,
      roleIds,
    ]);
  }
}

/** A password nobody knows: the account is usable only after an invitation or reset sets one. */
function cryptoRandomPassword(): string {
  return randomBytes(32).toString('base64url');
}
