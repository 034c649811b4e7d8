import { type AbstractControl, FormControl, FormGroup, type ValidationErrors, Validators } from '@angular/forms';
import {
  COMPANY_LIMITS,
  COUNTRY_CODES,
  CURRENCIES,
  DEFAULT_NUMBER_PREFIXES,
  DocumentType,
  type CompanySettingsDto,
  type CurrencyCode,
  type Language,
  type UpdateCompanySettingsRequest,
} from '@depot/contracts';

import { serverError } from '../../../shared/forms/server-errors';

/** The free-text fields: each is a trimmed string in the form and `null` in the API when empty. */
export const TEXT_FIELDS = [
  'legalName',
  'registration',
  'street',
  'postalCode',
  'city',
  'vatId',
  'taxNumber',
  'email',
  'phone',
  'website',
  'bankAccountHolder',
  'bankName',
  'iban',
  'bic',
  'invoiceFooter',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** The longest text each field takes (as the server checks it); IBAN and BIC are checked by the server's rules. */
export const TEXT_MAX_LENGTHS: Readonly<Partial<Record<TextField, number>>> = {
  legalName: COMPANY_LIMITS.legalNameMaxLength,
  registration: COMPANY_LIMITS.registrationMaxLength,
  street: COMPANY_LIMITS.streetMaxLength,
  postalCode: COMPANY_LIMITS.postalCodeMaxLength,
  city: COMPANY_LIMITS.cityMaxLength,
  vatId: COMPANY_LIMITS.vatIdMaxLength,
  taxNumber: COMPANY_LIMITS.taxNumberMaxLength,
  email: COMPANY_LIMITS.emailMaxLength,
  phone: COMPANY_LIMITS.phoneMaxLength,
  website: COMPANY_LIMITS.websiteMaxLength,
  bankAccountHolder: COMPANY_LIMITS.accountHolderMaxLength,
  bankName: COMPANY_LIMITS.bankNameMaxLength,
  invoiceFooter: COMPANY_LIMITS.footerMaxLength,
};

/** The document types in the order the page lists their number prefixes, with their names. */
export const DOCUMENT_TYPE_LABELS: Readonly<Record<DocumentType, string>> = {
  [DocumentType.Invoice]: 'Invoices',
  [DocumentType.CreditNote]: 'Credit notes',
  [DocumentType.SalesOrder]: 'Sales orders',
  [DocumentType.PurchaseOrder]: 'Purchase orders',
};
export const DOCUMENT_TYPES = Object.keys(DOCUMENT_TYPE_LABELS) as DocumentType[];

/** The languages documents are written in, each in its own language. */
export const LANGUAGE_LABELS: Readonly<Record<Language, string>> = { en: 'English', de: 'Deutsch' };

type TextControls = { [K in TextField]: FormControl<string> };
export type NumberPrefixesForm = FormGroup<{ [K in DocumentType]: FormControl<string> }>;
export type CompanySettingsForm = FormGroup<
  TextControls & {
    /** ISO 3166-1 alpha-2, or '' for none chosen yet. */
    countryCode: FormControl<string>;
    defaultCurrency: FormControl<CurrencyCode>;
    defaultLanguage: FormControl<Language>;
    paymentTermsDays: FormControl<number | null>;
    numberPrefixes: NumberPrefixesForm;
  }
>;
export type CompanySettingsFormValue = ReturnType<CompanySettingsForm['getRawValue']>;

/** Field names (as the API's `errors[].field` spells them) in words, for the server's messages. */
export const FIELD_SUBJECTS: Readonly<Record<string, string>> = {
  legalName: 'The legal name',
  registration: 'The register entry',
  street: 'The street',
  postalCode: 'The postal code',
  city: 'The city',
  countryCode: 'The country',
  vatId: 'The VAT ID',
  taxNumber: 'The tax number',
  email: 'The e-mail address',
  phone: 'The phone number',
  website: 'The website',
  bankAccountHolder: 'The account holder',
  bankName: 'The bank name',
  iban: 'The IBAN',
  bic: 'The BIC',
  defaultCurrency: 'The currency',
  defaultLanguage: 'The language',
  paymentTermsDays: 'The payment terms',
  invoiceFooter: 'The footer',
  'numberPrefixes.invoice': 'The invoice prefix',
  'numberPrefixes.credit_note': 'The credit note prefix',
  'numberPrefixes.sales_order': 'The sales order prefix',
  'numberPrefixes.purchase_order': 'The purchase order prefix',
};

const PREFIX_PATTERN = new RegExp(COMPANY_LIMITS.numberPrefixPattern);

function wholeNumber(control: AbstractControl<number | null>): ValidationErrors | null {
  return control.value === null || Number.isInteger(control.value) ? null : { integer: true };
}

function textControl(field: TextField): FormControl<string> {
  const maxLength = TEXT_MAX_LENGTHS[field];
  const validators = maxLength ? [Validators.maxLength(maxLength)] : [];
  return new FormControl('', {
    nonNullable: true,
    validators: field === 'email' ? [...validators, Validators.email] : validators,
  });
}

/** A prefix control that writes what is typed in capitals (prefixes are upper-case letters and digits). */
function prefixControl(type: DocumentType): FormControl<string> {
  const control = new FormControl(DEFAULT_NUMBER_PREFIXES[type], {
    nonNullable: true,
    validators: [Validators.required, Validators.pattern(PREFIX_PATTERN)],
  });
  control.valueChanges.subscribe((value) => {
    const upper = value.toUpperCase();
    if (upper !== value) {
      control.setValue(upper, { emitEvent: false });
    }
  });
  return control;
}

/** The page's form, with the client-side checks the server also makes (`COMPANY_LIMITS`). */
export function createCompanySettingsForm(): CompanySettingsForm {
  const text = Object.fromEntries(TEXT_FIELDS.map((field) => [field, textControl(field)])) as TextControls;
  return new FormGroup({
    ...text,
    countryCode: new FormControl('', { nonNullable: true }),
    defaultCurrency: new FormControl<CurrencyCode>('EUR', { nonNullable: true, validators: [Validators.required] }),
    defaultLanguage: new FormControl<Language>('en', { nonNullable: true, validators: [Validators.required] }),
    paymentTermsDays: new FormControl<number | null>(14, {
      validators: [
        Validators.required,
        Validators.min(0),
        Validators.max(COMPANY_LIMITS.maxPaymentTermsDays),
        wholeNumber,
      ],
    }),
    numberPrefixes: new FormGroup({
      invoice: prefixControl(DocumentType.Invoice),
      credit_note: prefixControl(DocumentType.CreditNote),
      sales_order: prefixControl(DocumentType.SalesOrder),
      purchase_order: prefixControl(DocumentType.PurchaseOrder),
    }),
  });
}

/** The form's value for stored settings (`null` shows as an empty field). */
export function formValueOf(settings: CompanySettingsDto): CompanySettingsFormValue {
  const text = Object.fromEntries(TEXT_FIELDS.map((field) => [field, settings[field] ?? ''])) as Record<
    TextField,
    string
  >;
  return {
    ...text,
    countryCode: settings.countryCode ?? '',
    defaultCurrency: settings.defaultCurrency,
    defaultLanguage: settings.defaultLanguage,
    paymentTermsDays: settings.paymentTermsDays,
    numberPrefixes: { ...DEFAULT_NUMBER_PREFIXES, ...settings.numberPrefixes },
  };
}

/** The PATCH body: every field, trimmed, empty ones as `null`, with the version the form was loaded at. */
export function toUpdateRequest(value: CompanySettingsFormValue, version: number): UpdateCompanySettingsRequest {
  const text = Object.fromEntries(TEXT_FIELDS.map((field) => [field, value[field].trim() || null])) as Record<
    TextField,
    string | null
  >;
  return {
    version,
    ...text,
    countryCode: value.countryCode || null,
    defaultCurrency: value.defaultCurrency,
    defaultLanguage: value.defaultLanguage,
    paymentTermsDays: value.paymentTermsDays ?? 0,
    numberPrefixes: { ...value.numberPrefixes },
  };
}

/** Whether two stored versions agree on everything the form edits (the logo and the version aside). */
export function sameFormValue(a: CompanySettingsDto, b: CompanySettingsDto): boolean {
  return JSON.stringify(formValueOf(a)) === JSON.stringify(formValueOf(b));
}

/** "INV-2026-000001": what the next number of a document type looks like with `prefix`. */
export function exampleNumber(prefix: string, year = new Date().getFullYear()): string {
  return `${prefix}-${year}-000001`;
}

/** The message under a field: the server's, else the first client-side check that failed. */
export function fieldError(control: AbstractControl, label: string): string {
  const server = serverError(control);
  if (server) {
    return server;
  }
  if (control.hasError('required')) {
    return `${label} is required.`;
  }
  const maxLength: unknown = control.getError('maxlength');
  if (maxLength && typeof maxLength === 'object' && 'requiredLength' in maxLength) {
    return `Use at most ${String(maxLength.requiredLength)} characters.`;
  }
  if (control.hasError('email')) {
    return 'Enter an e-mail address like invoices@example.com.';
  }
  if (control.hasError('pattern')) {
    return 'Use 1 to 8 capital letters or digits, e.g. INV.';
  }
  if (control.hasError('min') || control.hasError('max') || control.hasError('integer')) {
    return `Enter a whole number of days from 0 to ${COMPANY_LIMITS.maxPaymentTermsDays}.`;
  }
  return `${label} is not valid.`;
}

/** Country codes with their names in English, sorted by name ("Germany" under G, not D). */
export function countryOptions(locale = 'en'): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}

/** "EUR – Euro" for the currency select. */
export function currencyOptions(locale = 'en'): { code: CurrencyCode; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' });
  return CURRENCIES.map((code) => ({ code, name: `${code} – ${names.of(code) ?? code}` }));
}

/** Whether a file may be sent as the logo; the message says why not. */
export function logoFileProblem(file: Pick<File, 'type' | 'size'>): string | null {
  if (!(COMPANY_LIMITS.logoTypes as readonly string[]).includes(file.type)) {
    return 'The logo must be a PNG or JPEG image. Save it in one of these formats, then upload it again.';
  }
  if (file.size === 0) {
    return 'This file is empty. Choose the image file of your logo.';
  }
  if (file.size > COMPANY_LIMITS.logoMaxBytes) {
    return `This image is ${formatSize(file.size)}; the logo may be at most ${formatSize(COMPANY_LIMITS.logoMaxBytes)}. Save a smaller version and upload that.`;
  }
  return null;
}

/** "512 KB", "1.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) {
    return `${Math.ceil(bytes / 1024)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
