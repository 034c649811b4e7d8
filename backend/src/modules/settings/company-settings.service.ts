import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  COMPANY_SETTINGS_ID,
  DEFAULT_NUMBER_PREFIXES,
  type CompanyRequiredField,
  type CompanySettingsDto,
  type CurrencyCode,
  type DocumentType,
  type Language,
} from '@depot/contracts';
import { AuditService } from '../audit/audit.service';
import { ValidationError, VersionConflictError } from '../../platform/http/app-error';
import { CompanyLogoNotFoundError, CompanySettingsIncompleteError } from './company-settings.errors';
import type { LogoType } from './company-logo';
import { taxNumberProblem } from './tax-identifiers';
import type { UpdateCompanySettingsDto } from './dto/company-settings.dto';

interface SettingsRow {
  legal_name: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country_code: string | null;
  vat_id: string | null;
  tax_number: string | null;
  registration: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  bank_name: string | null;
  bank_account_holder: string | null;
  iban: string | null;
  bic: string | null;
  default_currency: CurrencyCode;
  default_language: Language;
  payment_terms_days: number;
  number_prefixes: Partial<Record<DocumentType, string>>;
  invoice_footer: string | null;
  logo_sha256: string | null;
  version: number;
  updated_at: Date;
}

/** Text fields written from requests (camelCase name -> column). */
const FIELDS = {
  legalName: 'legal_name',
  street: 'street',
  postalCode: 'postal_code',
  city: 'city',
  countryCode: 'country_code',
  vatId: 'vat_id',
  taxNumber: 'tax_number',
  registration: 'registration',
  email: 'email',
  phone: 'phone',
  website: 'website',
  bankName: 'bank_name',
  bankAccountHolder: 'bank_account_holder',
  iban: 'iban',
  bic: 'bic',
  defaultCurrency: 'default_currency',
  defaultLanguage: 'default_language',
  paymentTermsDays: 'payment_terms_days',
  invoiceFooter: 'invoice_footer',
} as const satisfies Partial<Record<keyof CompanySettingsDto, keyof SettingsRow>>;
type Field = keyof typeof FIELDS;

const COLUMNS = [...Object.values(FIELDS), 'number_prefixes', 'logo_sha256', 'version', 'updated_at'].join(', ');

/** The seller as printed on a document, frozen into the document when it is issued. */
export type Seller = Omit<CompanySettingsDto, 'complete' | 'missing' | 'version' | 'updatedAt' | 'logoUrl'> & {
  /** The logo's hash at issue time (the image itself is read from the settings when printing). */
  logoSha256: string | null;
};

/** Where the logo with this hash is served: a new logo gets a new URL, so browsers may cache it for good. */
export function logoUrlOf(sha256: string | null): string | null {
  return sha256 ? `/api/v1/settings/company/logo/${sha256.slice(0, 16)}` : null;
}

/** What is still needed before the company can issue an invoice (EU invoicing rules). */
export function missingForInvoicing(settings: Omit<Seller, 'logoSha256'>): CompanyRequiredField[] {
  const missing: CompanyRequiredField[] = [];
  for (const field of ['legalName', 'street', 'postalCode', 'city', 'countryCode'] as const) {
    if (!settings[field]) missing.push(field);
  }
  if (!settings.vatId && !settings.taxNumber) missing.push('vatIdOrTaxNumber');
  if (!settings.iban) missing.push('iban');
  return missing;
}

function toDto(row: SettingsRow): CompanySettingsDto {
  const fields = Object.fromEntries(
    (Object.keys(FIELDS) as Field[]).map((field) => [field, row[FIELDS[field]]]),
  ) as Pick<CompanySettingsDto, Field>;
  const settings = { ...fields, numberPrefixes: { ...DEFAULT_NUMBER_PREFIXES, ...row.number_prefixes } };
  const missing = missingForInvoicing(settings);
  return {
    ...settings,
    logoUrl: logoUrlOf(row.logo_sha256),
    complete: missing.length === 0,
    missing,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

function sellerOf(row: SettingsRow): Seller {
  const {
    complete: _complete,
    missing: _missing,
    version: _version,
    updatedAt: _at,
    logoUrl: _url,
    ...seller
  } = toDto(row);
  return { ...seller, logoSha256: row.logo_sha256 };
}

/** The one company that issues Depot's documents: its legal details, bank account, logo and numbering. */
@Injectable()
export class CompanySettingsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  private async row(lock = false): Promise<SettingsRow> {
    const [row] = await this.db.query<SettingsRow[]>(
      `SELECT ${COLUMNS} FROM company_settings WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [COMPANY_SETTINGS_ID],
    );
    return row;
  }

  async get(): Promise<CompanySettingsDto> {
    return toDto(await this.row());
  }

  @Transactional()
  async update(input: UpdateCompanySettingsDto): Promise<CompanySettingsDto> {
    const before = toDto(await this.row(true));
    if (before.version !== input.version) throw new VersionConflictError('company settings', input.version);
    const after = { ...before };
    for (const field of Object.keys(FIELDS) as Field[]) {
      if (input[field] !== undefined) (after as Record<Field, unknown>)[field] = input[field];
    }
    after.numberPrefixes = { ...before.numberPrefixes, ...input.numberPrefixes };
    // The tax number's format depends on the country, which may come from this request or the stored row.
    const taxNumberIssue = after.taxNumber ? taxNumberProblem(after.taxNumber, after.countryCode) : null;
    if (taxNumberIssue && (input.taxNumber !== undefined || input.countryCode !== undefined)) {
      throw new ValidationError([{ field: 'taxNumber', message: `taxNumber: ${taxNumberIssue}`, code: 'taxNumber' }]);
    }
    const changed = (Object.keys(FIELDS) as Field[]).filter((field) => after[field] !== before[field]);
    const prefixesChanged = JSON.stringify(after.numberPrefixes) !== JSON.stringify(before.numberPrefixes);
    // Saving without changing anything writes nothing: no new version, no audit row.
    if (changed.length === 0 && !prefixesChanged) return before;
    const assignments = changed.map((field, index) => `${FIELDS[field]} = $${index + 3}`);
    await this.db.query(
      `UPDATE company_settings SET ${[...assignments, ''].join(', ')} number_prefixes = $2,
         version = version + 1, updated_at = now()
        WHERE id = $1`,
      [COMPANY_SETTINGS_ID, JSON.stringify(after.numberPrefixes), ...changed.map((field) => after[field])],
    );
    const saved = await this.get();
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const field of changed) changes[field] = { before: before[field], after: saved[field] };
    if (prefixesChanged) changes.numberPrefixes = { before: before.numberPrefixes, after: saved.numberPrefixes };
    await this.audit.record({
      action: 'update',
      entityType: 'company_settings',
      entityId: COMPANY_SETTINGS_ID,
      changes,
    });
    return saved;
  }

  @Transactional()
  async setLogo(type: LogoType, bytes: Buffer): Promise<CompanySettingsDto> {
    const before = await this.row(true);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (before.logo_sha256 === sha256) return toDto(before);
    await this.db.query(
      `UPDATE company_settings SET logo = $2, logo_type = $3, logo_sha256 = $4, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [COMPANY_SETTINGS_ID, bytes, type, sha256],
    );
    await this.audit.record({
      action: 'update',
      entityType: 'company_settings',
      entityId: COMPANY_SETTINGS_ID,
      changes: { logo: { before: logoUrlOf(before.logo_sha256), after: logoUrlOf(sha256) } },
    });
    return this.get();
  }

  @Transactional()
  async removeLogo(): Promise<CompanySettingsDto> {
    const before = await this.row(true);
    if (!before.logo_sha256) return toDto(before);
    await this.db.query(
      `UPDATE company_settings SET logo = NULL, logo_type = NULL, logo_sha256 = NULL, version = version + 1,
         updated_at = now() WHERE id = $1`,
      [COMPANY_SETTINGS_ID],
    );
    await this.audit.record({
      action: 'update',
      entityType: 'company_settings',
      entityId: COMPANY_SETTINGS_ID,
      changes: { logo: { before: logoUrlOf(before.logo_sha256), after: null } },
    });
    return this.get();
  }

  /** The logo whose URL names this hash prefix; 404 once it has been replaced or removed. */
  async logo(shaPrefix?: string): Promise<{ type: LogoType; bytes: Buffer; sha256: string }> {
    const [row] = await this.db.query<
      { logo: Buffer | null; logo_type: LogoType | null; logo_sha256: string | null }[]
    >('SELECT logo, logo_type, logo_sha256 FROM company_settings WHERE id = $1', [COMPANY_SETTINGS_ID]);
    if (!row?.logo || !row.logo_type || !row.logo_sha256) throw new CompanyLogoNotFoundError();
    if (shaPrefix !== undefined && !row.logo_sha256.startsWith(shaPrefix)) throw new CompanyLogoNotFoundError();
    return { type: row.logo_type, bytes: row.logo, sha256: row.logo_sha256 };
  }

  /** The seller to freeze into a document being issued; 409 while the settings are incomplete. */
  async sellerForIssuing(): Promise<Seller> {
    const row = await this.row();
    const missing = toDto(row).missing;
    if (missing.length > 0) throw new CompanySettingsIncompleteError(missing);
    return sellerOf(row);
  }

  /** The current settings as a seller (for documents issued before sellers were frozen into them). */
  async currentSeller(): Promise<Seller> {
    return sellerOf(await this.row());
  }

  /** The prefix new documents of this type are numbered with (`INV` in `INV-2026-000123`). */
  async numberPrefix(type: DocumentType): Promise<string> {
    const [row] = await this.db.query<{ prefix: string | null }[]>(
      'SELECT number_prefixes ->> $2 AS prefix FROM company_settings WHERE id = $1',
      [COMPANY_SETTINGS_ID, type],
    );
    return row?.prefix ?? DEFAULT_NUMBER_PREFIXES[type];
  }
}
