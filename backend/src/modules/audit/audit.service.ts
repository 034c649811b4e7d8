import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsService } from 'nestjs-cls';
import { actorOf, type RequestContext } from '../../platform/context/request-context';
import { newId } from '../../platform/database/ids';
import type { AuditChanges, AuditEventEntity } from './audit-event.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  /**
   * Field-level before/after. An empty object means the use case changed nothing: no row is
   * written (leave `changes` out for events that are not about fields, e.g. a sign-in).
   */
  changes?: AuditChanges | null;
  /** Overrides the actor taken from the request (e.g. a login, before a principal exists). */
  actor?: { type: AuditEventEntity['actorType']; id: string | null; label: string | null };
}

/** Records who changed what, in the caller's transaction. */
@Injectable()
export class AuditService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService<RequestContext>,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    if (entry.changes && Object.keys(entry.changes).length === 0) return;
    const context = this.cls.isActive() ? this.cls.get() : undefined;
    const actor = entry.actor ?? actorOf(context?.principal);
    await this.txHost.tx.query(
      `INSERT INTO audit_events (id, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes, request_id, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        newId(),
        actor.type,
        actor.id,
        actor.label,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.changes ? JSON.stringify(entry.changes) : null,
        context?.requestId ?? null,
        context?.ip ?? null,
      ],
    );
  }
}
