import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  PARTNER_SORT_FIELDS,
  DomainEventName,
  PAGINATION,
  PartnerKind,
  type Page,
  type PartnerDto,
  TaxTreatment,
} from '@depot/contracts';
import { AuditService } from '../audit/audit.service';
import { CompanySettingsService } from '../settings/company-settings.service';
import { OutboxService } from '../../platform/events/outbox.service';
import { newId } from '../../platform/database/ids';
import { PgError, violatedConstraint } from '../../platform/database/pg-errors';
import { ValidationError, VersionConflictError } from '../../platform/http/app-error';
import { cursorValue, escapeLike, keysetPage, SqlParams } from '../../platform/http/pagination/keyset-page';
import { parseSort } from '../../platform/http/pagination/sort';
import { PartnerCodeTakenError, PartnerInactiveError, PartnerNotFoundError } from './partners.errors';
import type { CreatePartnerDto, PartnerListQueryDto, UpdatePartnerDto } from './dto/partner.dto';

interface PartnerRow {
  id: string;
  kind: PartnerKind;
  code: string;
  name: string;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  billing_address: string | null;
  shipping_address: string | null;
  tax_id: string | null;
  payment_terms_days: number;
  tax_treatment: TaxTreatment;
  notes: string | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'id, kind, code, name, contact_name, email, phone, billing_address, shipping_address, tax_id, payment_terms_days, ' +
  'tax_treatment, notes, active, version, created_at, updated_at';
const SORT_COLUMNS = { code: 'code', name: 'name', createdAt: 'created_at' } as const satisfies Record<
  (typeof PARTNER_SORT_FIELDS)[number],
  string
>;
/** Fields written from requests, in column order (camelCase name -> column). */
const FIELDS = {
  code: 'code',
  name: 'name',
  contactName: 'contact_name',
  email: 'email',
  phone: 'phone',
  billingAddress: 'billing_address',
  shippingAddress: 'shipping_address',
  taxId: 'tax_id',
  paymentTermsDays: 'payment_terms_days',
  taxTreatment: 'tax_treatment',
  notes: 'notes',
  active: 'active',
} as const;
type Field = keyof typeof FIELDS;

function toDto(row: PartnerRow): PartnerDto {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    contactName: row.contact_name,
    email: row.email,
    phone: row.phone,
    billingAddress: row.billing_address,
    shippingAddress: row.shipping_address,
    taxId: row.tax_id,
    paymentTermsDays: row.payment_terms_days,
    taxTreatment: row.tax_treatment,
    notes: row.notes,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Reverse charge shifts the VAT to the buyer, whose VAT id every such invoice must name. */
function assertTaxTreatment(treatment: TaxTreatment, taxId: string | null): void {
  if (treatment === TaxTreatment.EuReverseCharge && !taxId) {
    throw new ValidationError([
      {
        field: 'taxId',
        message: 'taxId: reverse charge needs the customer’s VAT id',
        code: 'required',
      },
    ]);
  }
}

function isCodeTaken(error: unknown): boolean {
  return violatedConstraint(error, PgError.UniqueViolation) === 'ux_partners_kind_code_lower';
}

/** Suppliers and customers: one table, one service, the kind chosen by the controller. */
@Injectable()
export class PartnersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly settings: CompanySettingsService,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  list(kind: PartnerKind, query: PartnerListQueryDto): Promise<Page<PartnerDto>> {
    const sort = parseSort(query.sort, SORT_COLUMNS, 'code');
    const params = new SqlParams();
    const where = [`kind = ${params.add(kind)}`];
    if (query.active !== undefined) where.push(`active = ${params.add(query.active)}`);
    if (query.q?.trim()) {
      const pattern = params.add(`%${escapeLike(query.q.trim())}%`);
      where.push(`(code ILIKE ${pattern} OR name ILIKE ${pattern} OR email ILIKE ${pattern})`);
    }
    return keysetPage<PartnerRow, PartnerDto>(this.db, {
      select: COLUMNS,
      from: 'partners',
      where,
      params,
      sort,
      idColumn: 'id',
      limit: query.limit ?? PAGINATION.defaultLimit,
      cursor: query.cursor,
      includeTotal: query.includeTotal,
      sortValueOf: (row) => cursorValue(row[sort.column as keyof PartnerRow]),
      map: toDto,
    });
  }

  async get(kind: PartnerKind, id: string, lock = false): Promise<PartnerDto> {
    const [row] = await this.db.query<PartnerRow[]>(
      `SELECT ${COLUMNS} FROM partners WHERE id = $1 AND kind = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [id, kind],
    );
    if (!row) throw new PartnerNotFoundError(kind, id);
    return toDto(row);
  }

  /** For orders: the partner must exist and be active. */
  async getActive(kind: PartnerKind, id: string): Promise<PartnerDto> {
    const partner = await this.get(kind, id);
    if (!partner.active) throw new PartnerInactiveError(kind, partner.code);
    return partner;
  }

  @Transactional()
  async create(kind: PartnerKind, input: CreatePartnerDto): Promise<PartnerDto> {
    assertTaxTreatment(input.taxTreatment ?? TaxTreatment.Domestic, input.taxId ?? null);
    // A partner without terms of its own gets the company's.
    if (input.paymentTermsDays === undefined) {
      input = { ...input, paymentTermsDays: (await this.settings.get()).paymentTermsDays };
    }
    const id = newId();
    const fields = (Object.keys(FIELDS) as Field[]).filter((field) => field !== 'active' && input[field] !== undefined);
    const params = [id, kind, ...fields.map((field) => input[field as Exclude<Field, 'active'>])];
    try {
      await this.db.query(
        `INSERT INTO partners (id, kind${fields.map((field) => `, ${FIELDS[field]}`).join('')})
         VALUES ($1, $2${fields.map((_, index) => `, $${index + 3}`).join('')})`,
        params,
      );
    } catch (error) {
      if (isCodeTaken(error)) throw new PartnerCodeTakenError(kind, input.code);
      throw error;
    }
    const created = await this.get(kind, id);
    await this.audit.record({
      action: 'create',
      entityType: kind,
      entityId: id,
      changes: Object.fromEntries(
        (Object.keys(FIELDS) as Field[]).map((field) => [field, { before: null, after: created[field] }]),
      ),
    });
    await this.emit('created', created);
    return created;
  }

  @Transactional()
  async update(kind: PartnerKind, id: string, input: UpdatePartnerDto): Promise<PartnerDto> {
    const before = await this.get(kind, id, true);
    if (before.version !== input.version) throw new VersionConflictError(kind, input.version);
    assertTaxTreatment(
      input.taxTreatment ?? before.taxTreatment,
      input.taxId !== undefined ? input.taxId : before.taxId,
    );
    const fields = (Object.keys(FIELDS) as Field[]).filter(
      (field) => input[field] !== undefined && input[field] !== before[field],
    );
    // Saving without changing anything writes nothing: no new version, no audit row, no event.
    if (fields.length === 0) return before;
    let affected = 0;
    try {
      const [, count] = await this.db.query<[unknown[], number]>(
        `UPDATE partners SET ${fields.map((field, index) => `${FIELDS[field]} = $${index + 4}, `).join('')}
           version = version + 1, updated_at = now()
          WHERE id = $1 AND kind = $2 AND version = $3`,
        [id, kind, input.version, ...fields.map((field) => input[field])],
      );
      affected = count;
    } catch (error) {
      if (isCodeTaken(error)) throw new PartnerCodeTakenError(kind, input.code ?? before.code);
      throw error;
    }
    if (affected !== 1) throw new VersionConflictError(kind, input.version);
    const after = await this.get(kind, id);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const field of Object.keys(FIELDS) as Field[]) {
      if (before[field] !== after[field]) changes[field] = { before: before[field], after: after[field] };
    }
    await this.audit.record({ action: 'update', entityType: kind, entityId: id, changes });
    await this.emit('updated', after);
    return after;
  }

  /** `supplier.*` or `customer.*`, the payload keyed by the partner's kind. */
  private async emit(change: 'created' | 'updated', partner: PartnerDto): Promise<void> {
    if (partner.kind === PartnerKind.Supplier) {
      await this.outbox.record({
        type: change === 'created' ? DomainEventName.SupplierCreated : DomainEventName.SupplierUpdated,
        aggregateType: 'supplier',
        aggregateId: partner.id,
        payload: { supplier: partner },
      });
    } else {
      await this.outbox.record({
        type: change === 'created' ? DomainEventName.CustomerCreated : DomainEventName.CustomerUpdated,
        aggregateType: 'customer',
        aggregateId: partner.id,
        payload: { customer: partner },
      });
    }
  }
}
