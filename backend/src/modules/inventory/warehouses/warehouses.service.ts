import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { WAREHOUSE_SORT_FIELDS, DomainEventName, PAGINATION, type Page, type WarehouseDto } from '@depot/contracts';
import { AuditService } from '../../audit/audit.service';
import { OutboxService } from '../../../platform/events/outbox.service';
import { newId } from '../../../platform/database/ids';
import { PgError, violatedConstraint } from '../../../platform/database/pg-errors';
import { VersionConflictError } from '../../../platform/http/app-error';
import { cursorValue, escapeLike, keysetPage, SqlParams } from '../../../platform/http/pagination/keyset-page';
import { parseSort } from '../../../platform/http/pagination/sort';
import { WarehouseCodeTakenError, WarehouseNotFoundError } from '../inventory.errors';
import type { CreateWarehouseDto, UpdateWarehouseDto, WarehouseListQueryDto } from './dto/warehouse.dto';

interface WarehouseRow {
  id: string;
  code: string;
  name: string;
  address: string | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, code, name, address, active, version, created_at, updated_at';
const SORT_COLUMNS = { code: 'code', name: 'name', createdAt: 'created_at' } as const satisfies Record<
  (typeof WAREHOUSE_SORT_FIELDS)[number],
  string
>;
const AUDITED = ['code', 'name', 'address', 'active'] as const;

function toDto(row: WarehouseRow): WarehouseDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    address: row.address,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function isCodeTaken(error: unknown): boolean {
  return violatedConstraint(error, PgError.UniqueViolation) === 'ux_warehouses_code_lower';
}

/** Warehouses: where stock lives. Never deleted (the ledger refers to them); deactivated instead. */
@Injectable()
export class WarehousesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  list(query: WarehouseListQueryDto): Promise<Page<WarehouseDto>> {
    const sort = parseSort(query.sort, SORT_COLUMNS, 'code');
    const params = new SqlParams();
    const where: string[] = [];
    if (query.active !== undefined) where.push(`active = ${params.add(query.active)}`);
    if (query.q?.trim()) {
      const pattern = params.add(`%${escapeLike(query.q.trim())}%`);
      where.push(`(code ILIKE ${pattern} OR name ILIKE ${pattern})`);
    }
    return keysetPage<WarehouseRow, WarehouseDto>(this.db, {
      select: COLUMNS,
      from: 'warehouses',
      where,
      params,
      sort,
      idColumn: 'id',
      limit: query.limit ?? PAGINATION.defaultLimit,
      cursor: query.cursor,
      includeTotal: query.includeTotal,
      sortValueOf: (row) => cursorValue(row[sort.column as keyof WarehouseRow]),
      map: toDto,
    });
  }

  async get(id: string, lock = false): Promise<WarehouseDto> {
    const [row] = await this.db.query<WarehouseRow[]>(
      `SELECT ${COLUMNS} FROM warehouses WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw new WarehouseNotFoundError(id);
    return toDto(row);
  }

  @Transactional()
  async create(input: CreateWarehouseDto): Promise<WarehouseDto> {
    const id = newId();
    try {
      await this.db.query('INSERT INTO warehouses (id, code, name, address) VALUES ($1, $2, $3, $4)', [
        id,
        input.code,
        input.name,
        input.address ?? null,
      ]);
    } catch (error) {
      if (isCodeTaken(error)) throw new WarehouseCodeTakenError(input.code);
      throw error;
    }
    const created = await this.get(id);
    await this.audit.record({
      action: 'create',
      entityType: 'warehouse',
      entityId: id,
      changes: Object.fromEntries(AUDITED.map((field) => [field, { before: null, after: created[field] }])),
    });
    await this.outbox.record({
      type: DomainEventName.WarehouseCreated,
      aggregateType: 'warehouse',
      aggregateId: id,
      payload: { warehouse: created },
    });
    return created;
  }

  @Transactional()
  async update(id: string, input: UpdateWarehouseDto): Promise<WarehouseDto> {
    const before = await this.get(id, true);
    if (before.version !== input.version) throw new VersionConflictError('warehouse', input.version);
    const next = {
      code: input.code ?? before.code,
      name: input.name ?? before.name,
      address: input.address === undefined ? before.address : input.address,
      active: input.active ?? before.active,
    };
    // Saving without changing anything writes nothing: no new version, no audit row, no event.
    if (AUDITED.every((field) => next[field] === before[field])) return before;
    let affected = 0;
    try {
      const [, count] = await this.db.query<[unknown[], number]>(
        `UPDATE warehouses SET code = $3, name = $4, address = $5, active = $6, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2`,
        [id, input.version, next.code, next.name, next.address, next.active],
      );
      affected = count;
    } catch (error) {
      if (isCodeTaken(error)) throw new WarehouseCodeTakenError(next.code);
      throw error;
    }
    if (affected !== 1) throw new VersionConflictError('warehouse', input.version);
    const after = await this.get(id);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const field of AUDITED) {
      if (before[field] !== after[field]) changes[field] = { before: before[field], after: after[field] };
    }
    await this.audit.record({ action: 'update', entityType: 'warehouse', entityId: id, changes });
    await this.outbox.record({
      type: DomainEventName.WarehouseUpdated,
      aggregateType: 'warehouse',
      aggregateId: id,
      payload: { warehouse: after },
    });
    return after;
  }
}
