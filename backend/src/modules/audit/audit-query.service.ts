import { Injectable, type StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PAGINATION, type AuditEventDto, type Page } from '@depot/contracts';
import type { DataSource } from 'typeorm';
import { decodeCursor } from '../../platform/http/pagination/cursor';
import { csvExport, csvFilename } from '../../platform/http/csv/csv-export';
import { toPage } from '../../platform/http/pagination/page';
import { AuditPresenter } from './audit-presenter';
import type { AuditEventListQueryDto, AuditEventExportQueryDto } from './dto/audit-event.dto';

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_type: AuditEventDto['actorType'];
  actor_id: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: AuditEventDto['changes'];
  request_id: string | null;
  ip: string | null;
}

const COLUMNS =
  'id, occurred_at, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes, request_id, ip';

/** Actions that make up the security log: sign-ins, sessions, passwords, MFA, keys, roles. */
export const SECURITY_ACTION_PREFIXES = ['auth.', 'identity.'];

function toDto(row: AuditRow): Omit<AuditEventDto, 'fieldChanges' | 'entityRef' | 'actorRef'> {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: row.changes,
    requestId: row.request_id,
    ip: row.ip,
  };
}

/** Reads the audit trail, newest first, keyset-paginated on (occurred_at, id). */
@Injectable()
export class AuditQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly presenter: AuditPresenter,
  ) {}

  async list(query: AuditEventListQueryDto, onlyPrefixes?: string[]): Promise<Page<AuditEventDto>> {
    const limit = query.limit ?? PAGINATION.defaultLimit;
    const { where, params, param } = this.filters(query, onlyPrefixes);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      where.push(`(occurred_at, id) < (${param(cursor.sortValue)}, ${param(cursor.id)})`);
    }
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT ${COLUMNS} FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY occurred_at DESC, id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    const page = toPage(rows, limit, (row) => row.occurred_at.toISOString(), toDto);
    const presented = await this.presenter.present(page.items);
    return { ...page, items: page.items.map((item, index) => ({ ...item, ...presented[index] })) };
  }

  /** Every event matching the list filters as CSV, streamed from a cursor (flat memory). */
  export(query: AuditEventExportQueryDto, onlyPrefixes?: string[]): Promise<StreamableFile> {
    const { where, params } = this.filters(query, onlyPrefixes);
    return csvExport<AuditRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY occurred_at DESC, id DESC`,
      params,
      [
        { header: 'occurred_at', value: (row) => row.occurred_at.toISOString() },
        { header: 'actor_type', value: (row) => row.actor_type },
        { header: 'actor', value: (row) => row.actor_label ?? '' },
        { header: 'actor_id', value: (row) => row.actor_id ?? '' },
        { header: 'action', value: (row) => row.action },
        { header: 'entity_type', value: (row) => row.entity_type },
        { header: 'entity_id', value: (row) => row.entity_id ?? '' },
        { header: 'changes', value: (row) => JSON.stringify(row.changes ?? {}) },
        { header: 'request_id', value: (row) => row.request_id ?? '' },
        { header: 'ip', value: (row) => row.ip ?? '' },
      ],
      csvFilename(onlyPrefixes ? 'security-log' : 'audit-log'),
    );
  }

  private filters(query: AuditEventListQueryDto, onlyPrefixes?: string[]) {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    if (onlyPrefixes)
      where.push(`(${onlyPrefixes.map((prefix) => `action LIKE ${param(`${prefix}%`)}`).join(' OR ')})`);
    if (query.action) {
      where.push(
        query.action.endsWith('.') ? `action LIKE ${param(`${query.action}%`)}` : `action = ${param(query.action)}`,
      );
    }
    if (query.entityType) where.push(`entity_type = ${param(query.entityType)}`);
    if (query.entityId) where.push(`entity_id = ${param(query.entityId)}`);
    if (query.actorId) where.push(`actor_id = ${param(query.actorId)}`);
    if (query.actorType) where.push(`actor_type = ${param(query.actorType)}`);
    if (query.from) where.push(`occurred_at >= ${param(query.from)}`);
    if (query.to) where.push(`occurred_at < ${param(query.to)}`);
    return { where, params, param };
  }
}
