import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PAGINATION, type AuditEventDto, type Page } from '@depot/contracts';
import type { DataSource } from 'typeorm';
import { decodeCursor } from '../../platform/http/pagination/cursor';
import { toPage } from '../../platform/http/pagination/page';
import type { AuditEventListQueryDto } from './dto/audit-event.dto';

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

/** Actions that make up the security log: sign-ins, sessions, passwords, MFA, keys, roles. */
export const SECURITY_ACTION_PREFIXES = ['auth.', 'identity.'];

function toDto(row: AuditRow): AuditEventDto {
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: AuditEventListQueryDto, onlyPrefixes?: string[]): Promise<Page<AuditEventDto>> {
    const limit = query.limit ?? PAGINATION.defaultLimit;
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
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      where.push(`(occurred_at, id) < (${param(cursor.sortValue)}, ${param(cursor.id)})`);
    }
    const rows = await this.dataSource.query<AuditRow[]>(
      `SELECT id, occurred_at, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes, request_id, ip
         FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY occurred_at DESC, id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, (row) => row.occurred_at.toISOString(), toDto);
  }
}
