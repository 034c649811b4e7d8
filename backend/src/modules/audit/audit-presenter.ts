import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  auditFieldSpec,
  type AuditEventDto,
  type AuditFieldChangeDto,
  type AuditRef,
  type AuditRefType,
} from '@depot/contracts';
import type { DataSource } from 'typeorm';

/** What the presenter needs of a stored audit event. */
export interface PresentableAuditEvent {
  actorType: AuditEventDto['actorType'];
  actorId: string | null;
  entityType: string;
  entityId: string | null;
  changes: AuditEventDto['changes'];
}

export interface AuditPresentation {
  fieldChanges: AuditFieldChangeDto[];
  entityRef: AuditRef | null;
  actorRef: AuditRef | null;
}

interface Resolved {
  name: string;
  currency: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REF_TYPES = new Set<AuditRefType>([
  'product',
  'category',
  'warehouse',
  'supplier',
  'customer',
  'user',
  'role',
  'sales_order',
  'purchase_order',
  'invoice',
]);
/** Records whose money fields are in their own currency. */
const HAS_CURRENCY = new Set<AuditRefType>(['product', 'sales_order', 'purchase_order', 'invoice']);

/**
 * One query per kind of record, whatever the page size (no N+1). Reads the other contexts' tables
 * by SQL only (no entity imports): names are all the audit trail needs of them.
 */
const BY_ID: Record<AuditRefType, string> = {
  product: `SELECT id::text AS key, sku || ' · ' || name AS name, currency FROM products WHERE id = ANY($1::uuid[])`,
  category: `SELECT id::text AS key, name, NULL AS currency FROM categories WHERE id = ANY($1::uuid[])`,
  warehouse: `SELECT id::text AS key, code || ' · ' || name AS name, NULL AS currency FROM warehouses WHERE id = ANY($1::uuid[])`,
  supplier: `SELECT id::text AS key, code || ' · ' || name AS name, NULL AS currency FROM partners WHERE kind = 'supplier' AND id = ANY($1::uuid[])`,
  customer: `SELECT id::text AS key, code || ' · ' || name AS name, NULL AS currency FROM partners WHERE kind = 'customer' AND id = ANY($1::uuid[])`,
  user: `SELECT id::text AS key, display_name AS name, NULL AS currency FROM users WHERE id = ANY($1::uuid[])`,
  role: `SELECT id::text AS key, name, NULL AS currency FROM roles WHERE id = ANY($1::uuid[])`,
  sales_order: `SELECT id::text AS key, number AS name, currency FROM sales_orders WHERE id = ANY($1::uuid[])`,
  purchase_order: `SELECT id::text AS key, number AS name, currency FROM purchase_orders WHERE id = ANY($1::uuid[])`,
  invoice: `SELECT id::text AS key, number AS name, currency FROM invoices WHERE id = ANY($1::uuid[])`,
};
const WAREHOUSE_BY_CODE = `SELECT lower(code) AS key, id::text AS id, code || ' · ' || name AS name FROM warehouses
  WHERE lower(code) = ANY($1::text[])`;

/** The admin page of a record (lists for records edited in dialogs). */
export function refUrl(type: AuditRefType, id: string): string {
  switch (type) {
    case 'product':
      return `/products/${id}`;
    case 'category':
      return '/categories';
    case 'warehouse':
      return '/warehouses';
    case 'supplier':
      return '/suppliers';
    case 'customer':
      return '/customers';
    case 'user':
      return `/admin/users/${id}`;
    case 'role':
      return `/admin/roles/${id}`;
    case 'sales_order':
      return `/sales-orders/${id}`;
    case 'purchase_order':
      return `/purchase-orders/${id}`;
    case 'invoice':
      return `/invoices/${id}`;
  }
}

function isRefType(type: string): type is AuditRefType {
  return REF_TYPES.has(type as AuditRefType);
}

/** `partially_received` → `Partially received`. */
export function humanizeStatus(value: string): string {
  const text = value.replace(/[_-]+/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plainDisplay(kind: AuditFieldChangeDto['kind'], value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'status':
      return typeof value === 'string' ? humanizeStatus(value) : JSON.stringify(value);
    case 'boolean':
      return value === true ? 'Yes' : value === false ? 'No' : JSON.stringify(value);
    case 'list':
      return Array.isArray(value) ? value.map(String).join(', ') : JSON.stringify(value);
    case 'json':
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        return Object.entries(value as Record<string, unknown>)
          .map(([key, item]) => `${key}: ${typeof item === 'string' ? item : JSON.stringify(item)}`)
          .join(', ');
      }
      return JSON.stringify(value);
    default:
      // Money, dates, quantities: the client formats the raw value in the user's locale.
      return undefined;
  }
}

/**
 * Turns stored audit events into display-ready ones: field labels and value kinds from the
 * contracts, referenced ids and codes resolved to names and links, money with its currency.
 */
@Injectable()
export class AuditPresenter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async present(events: readonly PresentableAuditEvent[]): Promise<AuditPresentation[]> {
    const ids = new Map<AuditRefType, Set<string>>();
    const warehouseCodes = new Set<string>();
    const want = (type: AuditRefType, id: unknown): void => {
      if (typeof id !== 'string' || !UUID.test(id)) return;
      const set = ids.get(type) ?? new Set<string>();
      set.add(id.toLowerCase());
      ids.set(type, set);
    };

    for (const event of events) {
      if (event.entityId && isRefType(event.entityType)) want(event.entityType, event.entityId);
      if (event.actorType === 'user' && event.actorId) want('user', event.actorId);
      for (const [field, change] of Object.entries(event.changes ?? {})) {
        const spec = auditFieldSpec(event.entityType, field);
        if (spec.pattern?.refByCode && spec.code) warehouseCodes.add(spec.code.toLowerCase());
        if (spec.kind === 'reference' && spec.refType) {
          want(spec.refType, change?.before);
          want(spec.refType, change?.after);
        }
      }
    }

    const resolved = await this.resolve(ids);
    const byCode = await this.resolveWarehouseCodes(warehouseCodes);
    const ref = (type: AuditRefType, id: unknown): AuditRef | null => {
      if (typeof id !== 'string') return null;
      const found = resolved.get(type)?.get(id.toLowerCase());
      return found ? { type, id, name: found.name, url: refUrl(type, id) } : null;
    };

    return events.map((event) => {
      const entityRef = event.entityId && isRefType(event.entityType) ? ref(event.entityType, event.entityId) : null;
      const ownCurrency =
        typeof event.changes?.['currency']?.after === 'string'
          ? event.changes['currency'].after
          : event.entityId && isRefType(event.entityType) && HAS_CURRENCY.has(event.entityType)
            ? (resolved.get(event.entityType)?.get(event.entityId.toLowerCase())?.currency ?? null)
            : null;
      const fieldChanges = Object.entries(event.changes ?? {}).map(([field, change]): AuditFieldChangeDto => {
        const spec = auditFieldSpec(event.entityType, field);
        const before = change?.before ?? null;
        const after = change?.after ?? null;
        const dto: AuditFieldChangeDto = { field, label: spec.label, kind: spec.kind, before, after };
        if (spec.kind === 'reference' && spec.refType) {
          dto.beforeRef = ref(spec.refType, before);
          dto.afterRef = ref(spec.refType, after);
          dto.beforeDisplay = before === null ? null : (dto.beforeRef?.name ?? 'Deleted record');
          dto.afterDisplay = after === null ? null : (dto.afterRef?.name ?? 'Deleted record');
        } else {
          const beforeDisplay = plainDisplay(spec.kind, before);
          const afterDisplay = plainDisplay(spec.kind, after);
          if (beforeDisplay !== undefined) dto.beforeDisplay = beforeDisplay;
          if (afterDisplay !== undefined) dto.afterDisplay = afterDisplay;
        }
        if (spec.kind === 'money') dto.currency = ownCurrency;
        if (spec.pattern?.refByCode && spec.code) {
          const warehouse = byCode.get(spec.code.toLowerCase());
          dto.ref = warehouse ? { type: spec.pattern.refType, ...warehouse } : null;
          if (warehouse) dto.label = `${spec.pattern.label} · ${warehouse.name}`;
        }
        return dto;
      });
      const actorRef = event.actorType === 'user' && event.actorId ? ref('user', event.actorId) : null;
      return { fieldChanges, entityRef, actorRef };
    });
  }

  private async resolve(ids: Map<AuditRefType, Set<string>>): Promise<Map<AuditRefType, Map<string, Resolved>>> {
    const result = new Map<AuditRefType, Map<string, Resolved>>();
    await Promise.all(
      [...ids].map(async ([type, set]) => {
        const rows = await this.dataSource.query<{ key: string; name: string; currency: string | null }[]>(
          BY_ID[type],
          [[...set]],
        );
        result.set(type, new Map(rows.map((row) => [row.key, { name: row.name, currency: row.currency }])));
      }),
    );
    return result;
  }

  private async resolveWarehouseCodes(
    codes: Set<string>,
  ): Promise<Map<string, { id: string; name: string; url: string }>> {
    if (codes.size === 0) return new Map();
    const rows = await this.dataSource.query<{ key: string; id: string; name: string }[]>(WAREHOUSE_BY_CODE, [
      [...codes],
    ]);
    return new Map(rows.map((row) => [row.key, { id: row.id, name: row.name, url: refUrl('warehouse', row.id) }]));
  }
}
