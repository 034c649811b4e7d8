import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { TaxClass, TaxTreatment, type TaxRateDto } from '@depot/contracts';
import { AuditService } from '../audit/audit.service';
import { newId } from '../../platform/database/ids';
import { ValidationError, VersionConflictError } from '../../platform/http/app-error';
import { isoInstant } from '../../platform/database/iso-instant';
import type { CreateTaxRateDto, UpdateTaxRateDto } from './dto/tax-rate.dto';
import { TaxRateNotFoundError, TaxRateOverlapError } from './tax-rates.errors';

interface TaxRateRow {
  id: string;
  name: string;
  tax_class: TaxClass;
  rate_bps: number;
  valid_from: string;
  valid_to: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  `id, name, tax_class, rate_bps, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, ` +
  `to_char(valid_to, 'YYYY-MM-DD') AS valid_to, version, ${isoInstant('created_at')} AS created_at, ` +
  `${isoInstant('updated_at')} AS updated_at`;

function toDto(row: TaxRateRow): TaxRateDto {
  return {
    id: row.id,
    name: row.name,
    taxClass: row.tax_class,
    rateBps: row.rate_bps,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Whether two validity periods (from, until excluding; open-ended when null) share a day. */
export function periodsOverlap(
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
): boolean {
  return (a.validTo === null || b.validFrom < a.validTo) && (b.validTo === null || a.validFrom < b.validTo);
}

/**
 * Named tax rates per class with validity dates, and the default rate of a sales line: the
 * product's class at the rate valid that day for a domestic customer, nothing for reverse
 * charge and export.
 */
@Injectable()
export class TaxRatesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  async list(): Promise<TaxRateDto[]> {
    const rows = await this.db.query<TaxRateRow[]>(
      `SELECT ${COLUMNS} FROM tax_rates ORDER BY CASE tax_class WHEN 'standard' THEN 0 WHEN 'reduced' THEN 1 ELSE 2 END,
         valid_from DESC`,
    );
    return rows.map(toDto);
  }

  async get(id: string): Promise<TaxRateDto> {
    const [row] = await this.db.query<TaxRateRow[]>(`SELECT ${COLUMNS} FROM tax_rates WHERE id = $1`, [id]);
    if (!row) throw new TaxRateNotFoundError(id);
    return toDto(row);
  }

  @Transactional()
  async create(input: CreateTaxRateDto): Promise<TaxRateDto> {
    const rate = { validFrom: input.validFrom, validTo: input.validTo ?? null };
    await this.assertFree(input.taxClass, rate, null);
    const id = newId();
    await this.db.query(
      `INSERT INTO tax_rates (id, name, tax_class, rate_bps, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, input.name, input.taxClass, input.rateBps, rate.validFrom, rate.validTo],
    );
    const created = await this.get(id);
    await this.audit.record({
      action: 'create',
      entityType: 'tax_rate',
      entityId: id,
      changes: {
        name: { before: null, after: created.name },
        taxClass: { before: null, after: created.taxClass },
        rateBps: { before: null, after: created.rateBps },
        validFrom: { before: null, after: created.validFrom },
        validTo: { before: null, after: created.validTo },
      },
    });
    return created;
  }

  @Transactional()
  async update(id: string, input: UpdateTaxRateDto): Promise<TaxRateDto> {
    const before = await this.get(id);
    if (before.version !== input.version) throw new VersionConflictError('tax rate', input.version);
    const after = {
      name: input.name ?? before.name,
      rateBps: input.rateBps ?? before.rateBps,
      validFrom: input.validFrom ?? before.validFrom,
      validTo: input.validTo !== undefined ? input.validTo : before.validTo,
    };
    await this.assertFree(before.taxClass, after, id);
    const [, affected] = await this.db.query<[unknown[], number]>(
      `UPDATE tax_rates SET name = $3, rate_bps = $4, valid_from = $5, valid_to = $6, version = version + 1,
         updated_at = now() WHERE id = $1 AND version = $2`,
      [id, input.version, after.name, after.rateBps, after.validFrom, after.validTo],
    );
    if (affected !== 1) throw new VersionConflictError('tax rate', input.version);
    const saved = await this.get(id);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const field of ['name', 'rateBps', 'validFrom', 'validTo'] as const) {
      if (before[field] !== saved[field]) changes[field] = { before: before[field], after: saved[field] };
    }
    await this.audit.record({ action: 'update', entityType: 'tax_rate', entityId: id, changes });
    return saved;
  }

  /** The rate a sales line gets by default: the class's rate valid on `day` for domestic sales, else 0. */
  async defaultRateBps(taxClass: TaxClass, treatment: TaxTreatment, day = new Date()): Promise<number> {
    if (treatment !== TaxTreatment.Domestic) return 0;
    const [row] = await this.db.query<{ rate_bps: number }[]>(
      `SELECT rate_bps FROM tax_rates
        WHERE tax_class = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)`,
      [taxClass, day.toISOString().slice(0, 10)],
    );
    return row?.rate_bps ?? 0;
  }

  /** 400 for an empty period, 409 when another rate of the class applies on one of its days. */
  private async assertFree(
    taxClass: TaxClass,
    period: { validFrom: string; validTo: string | null },
    self: string | null,
  ): Promise<void> {
    if (period.validTo !== null && period.validTo <= period.validFrom) {
      throw new ValidationError([
        {
          field: 'validTo',
          message: 'validTo must be after validFrom (it is the first day the rate no longer applies)',
        },
      ]);
    }
    // Concurrent changes of rates are checked one after the other (rare, and the check reads the whole class).
    await this.db.query('LOCK TABLE tax_rates IN SHARE ROW EXCLUSIVE MODE');
    const others = (await this.list()).filter((rate) => rate.taxClass === taxClass && rate.id !== self);
    const clash = others.find((other) => periodsOverlap(other, period));
    if (clash) throw new TaxRateOverlapError(taxClass, clash);
  }
}
