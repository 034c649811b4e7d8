import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  BuiltInRole,
  PAGINATION,
  SAVED_VIEW_EXCLUDED_PARAMS,
  SAVED_VIEW_LIMITS,
  type Page,
  type SavedViewDto,
} from '@depot/contracts';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../../platform/auth/principal';
import { newId } from '../../platform/database/ids';
import { VersionConflictError } from '../../platform/http/app-error';
import { cursorValue, escapeLike, keysetPage, SqlParams } from '../../platform/http/pagination/keyset-page';
import { parseSort } from '../../platform/http/pagination/sort';
import type { CreateSavedViewDto, SavedViewListQueryDto, UpdateSavedViewDto } from './dto/saved-view.dto';
import { SavedViewLimitReachedError, SavedViewNotFoundError, SavedViewNotOwnerError } from './saved-views.errors';

interface SavedViewRow {
  id: string;
  list_key: string;
  name: string;
  state: Record<string, string>;
  shared: boolean;
  is_default: boolean;
  owner_id: string;
  owner_name: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'v.id, v.list_key, v.name, v.state, v.shared, v.is_default, v.owner_id, u.display_name AS owner_name, v.version, ' +
  'v.created_at, v.updated_at';
const FROM = 'saved_views v JOIN users u ON u.id = v.owner_id';
const SORT_COLUMNS = { name: 'v.name', createdAt: 'v.created_at' } as const;
const SORT_ROW_FIELDS = { name: 'name', createdAt: 'created_at' } as const;
/** Audited fields (camelCase). */
const FIELDS = ['name', 'state', 'shared', 'isDefault'] as const;

function toDto(row: SavedViewRow): SavedViewDto {
  return {
    id: row.id,
    listKey: row.list_key,
    name: row.name,
    state: row.state,
    shared: row.shared,
    isDefault: row.is_default,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Drops parameters that are not part of a view (the paging cursor). */
export function cleanState(state: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).filter(([key]) => !SAVED_VIEW_EXCLUDED_PARAMS.includes(key)));
}

function isAdmin(principal: Principal): boolean {
  return principal.roles.includes(BuiltInRole.Admin);
}

/**
 * Saved views of lists. A private view is visible only to its owner (to everyone else it does
 * not exist: 404); a shared one to every signed-in user. Only the owner or an administrator may
 * change or delete a view. Each owner has at most one default per list.
 */
@Injectable()
export class SavedViewsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  list(query: SavedViewListQueryDto, principal: Principal): Promise<Page<SavedViewDto>> {
    const sort = parseSort(query.sort, SORT_COLUMNS, 'name');
    const params = new SqlParams();
    const where = [
      `v.list_key = ${params.add(query.listKey)}`,
      `(v.owner_id = ${params.add(principal.userId)} OR v.shared)`,
    ];
    if (query.q?.trim()) where.push(`v.name ILIKE ${params.add(`%${escapeLike(query.q.trim())}%`)}`);
    return keysetPage<SavedViewRow, SavedViewDto>(this.db, {
      select: COLUMNS,
      from: FROM,
      where,
      params,
      sort,
      idColumn: 'v.id',
      limit: query.limit ?? PAGINATION.defaultLimit,
      cursor: query.cursor,
      includeTotal: query.includeTotal,
      sortValueOf: (row) => cursorValue(row[SORT_ROW_FIELDS[sort.field as keyof typeof SORT_ROW_FIELDS]]),
      map: toDto,
    });
  }

  async get(id: string, principal: Principal, lock = false): Promise<SavedViewDto> {
    const [row] = await this.db.query<SavedViewRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE v.id = $1 AND (v.owner_id = $2 OR v.shared) ${lock ? 'FOR UPDATE OF v' : ''}`,
      [id, principal.userId],
    );
    if (!row) throw new SavedViewNotFoundError(id);
    return toDto(row);
  }

  @Transactional()
  async create(input: CreateSavedViewDto, principal: Principal): Promise<SavedViewDto> {
    // Serialises concurrent creates of one user (the count below, the default switch).
    await this.db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`saved_views:${principal.userId}`]);
    const [{ count }] = await this.db.query<[{ count: number }]>(
      'SELECT count(*)::int AS count FROM saved_views WHERE owner_id = $1 AND list_key = $2',
      [principal.userId, input.listKey],
    );
    if (count >= SAVED_VIEW_LIMITS.maxViewsPerList) throw new SavedViewLimitReachedError();
    if (input.isDefault) await this.clearDefault(principal.userId, input.listKey);
    const id = newId();
    await this.db.query(
      `INSERT INTO saved_views (id, owner_id, list_key, name, state, shared, is_default)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        principal.userId,
        input.listKey,
        input.name,
        JSON.stringify(cleanState(input.state)),
        input.shared ?? false,
        input.isDefault ?? false,
      ],
    );
    const created = await this.get(id, principal);
    await this.audit.record({
      action: 'create',
      entityType: 'saved_view',
      entityId: id,
      changes: {
        listKey: { before: null, after: created.listKey },
        ...Object.fromEntries(FIELDS.map((field) => [field, { before: null, after: created[field] }])),
      },
    });
    return created;
  }

  @Transactional()
  async update(id: string, input: UpdateSavedViewDto, principal: Principal): Promise<SavedViewDto> {
    const before = await this.getOwned(id, principal);
    if (before.version !== input.version) throw new VersionConflictError('saved view', input.version);
    if (input.isDefault === true && !before.isDefault) await this.clearDefault(before.ownerId, before.listKey);
    const [, affected] = await this.db.query<[unknown[], number]>(
      `UPDATE saved_views
          SET name = coalesce($3, name), state = coalesce($4::jsonb, state), shared = coalesce($5, shared),
              is_default = coalesce($6, is_default), version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [
        id,
        input.version,
        input.name ?? null,
        input.state ? JSON.stringify(cleanState(input.state)) : null,
        input.shared ?? null,
        input.isDefault ?? null,
      ],
    );
    if (affected !== 1) throw new VersionConflictError('saved view', input.version);
    const after = await this.get(id, principal);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const field of FIELDS) {
      if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
        changes[field] = { before: before[field], after: after[field] };
      }
    }
    await this.audit.record({ action: 'update', entityType: 'saved_view', entityId: id, changes });
    return after;
  }

  @Transactional()
  async remove(id: string, principal: Principal, expectedVersion?: number): Promise<void> {
    const before = await this.getOwned(id, principal);
    if (expectedVersion !== undefined && before.version !== expectedVersion) {
      throw new VersionConflictError('saved view', expectedVersion);
    }
    await this.db.query('DELETE FROM saved_views WHERE id = $1', [id]);
    await this.audit.record({
      action: 'delete',
      entityType: 'saved_view',
      entityId: id,
      changes: Object.fromEntries(FIELDS.map((field) => [field, { before: before[field], after: null }])),
    });
  }

  /**
   * The view, locked, if the caller may change it: 404 when not visible (private views of others
   * stay invisible, to administrators too), 403 when visible but neither theirs nor an administrator's.
   */
  private async getOwned(id: string, principal: Principal): Promise<SavedViewDto> {
    const view = await this.get(id, principal, true);
    if (view.ownerId !== principal.userId && !isAdmin(principal)) throw new SavedViewNotOwnerError(view.name);
    return view;
  }

  private async clearDefault(ownerId: string, listKey: string): Promise<void> {
    await this.db.query(
      `UPDATE saved_views SET is_default = false, version = version + 1, updated_at = now()
        WHERE owner_id = $1 AND list_key = $2 AND is_default`,
      [ownerId, listKey],
    );
  }
}
