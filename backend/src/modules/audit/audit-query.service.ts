import { Injectable, type StreamableFile } from '@nestjs/common';
import { PAGINATION, type AuditEventDto, type Page } from '@depot/contracts';
import { ReadReplica } from '../../platform/database/read-replica';
import { csvExport, csvFilename } from '../../platform/http/csv/csv-export';
import { keysetPage, SqlParams } from '../../platform/http/pagination/keyset-page';
import { parseSort } from '../../platform/http/pagination/sort';
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
  /** `occurred_at` to the microsecond (a Date keeps only milliseconds), for the keyset cursor. */
  occurred_at_key?: string;
}

const COLUMNS =
  'id, occurred_at, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes, request_id, ip';

/**
 * Audit times have microseconds (the other tables keep milliseconds): the cursor carries them
 * all, or a page would start again at its own last row (ascending) or skip rows (descending).
 */
const OCCURRED_AT_KEY = `to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Actions that make up the security log: sign-ins, sessions, passwords, MFA, keys, roles. */
export const SECURITY_ACTION_PREFIXES = ['auth.', 'identity.'];

/** An audit event as stored; the presenter adds the display-ready parts. */
type StoredAuditEvent = Omit<AuditEventDto, 'fieldChanges' | 'entityRef' | 'actorRef'>;

function toDto(row: AuditRow): StoredAuditEvent {
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

/**
 * Reads the audit trail, newest first by default, keyset-paginated on (occurred_at, id); on the
 * read replica when there is one.
 */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly reads: ReadReplica,
    private readonly presenter: AuditPresenter,
  ) {}

  async list(query: AuditEventListQueryDto, onlyPrefixes?: string[]): Promise<Page<AuditEventDto>> {
    const { where, params } = this.filters(query, onlyPrefixes);
    // A read may run twice (replica, then primary): keysetPage adds to its parameters each time.
    const page = await this.reads.run((db) => {
      const sqlParams = new SqlParams();
      sqlParams.values.push(...params);
      return keysetPage<AuditRow, StoredAuditEvent>(db, {
        select: `${COLUMNS}, ${OCCURRED_AT_KEY} AS occurred_at_key`,
        from: 'audit_events',
        where,
        params: sqlParams,
        sort: parseSort(query.sort, { occurredAt: 'occurred_at' }, '-occurredAt'),
        idColumn: 'id',
        limit: query.limit ?? PAGINATION.defaultLimit,
        cursor: query.cursor,
        includeTotal: query.includeTotal,
        sortValueOf: (row) => row.occurred_at_key ?? row.occurred_at.toISOString(),
        map: toDto,
      });
    });
    // Labels and names for the changes (one query per referenced record type, on the primary).
    const presented = await this.presenter.present(page.items);
    return { ...page, items: page.items.map((item, index) => ({ ...item, ...presented[index] })) };
  }

  /** Every event matching the list filters as CSV, streamed from a cursor (flat memory). */
  export(query: AuditEventExportQueryDto, onlyPrefixes?: string[]): Promise<StreamableFile> {
    const { where, params } = this.filters(query, onlyPrefixes);
    return this.reads.run((db) =>
      csvExport<AuditRow>(
        db.connection,
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
      ),
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
