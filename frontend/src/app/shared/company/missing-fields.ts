import { HttpErrorResponse } from '@angular/common/http';
import { COMPANY_REQUIRED_FOR_INVOICING, type CompanyRequiredField } from '@depot/contracts';
import { type Observable, catchError, throwError } from 'rxjs';

/** Where the company settings are edited (by users with `settings.company.manage`). */
export const COMPANY_SETTINGS_PATH = '/admin/settings';

/** What each field an invoice needs is called in a sentence ("… still missing: legal name and IBAN"). */
export const MISSING_FIELD_WORDS: Readonly<Record<CompanyRequiredField, string>> = {
  legalName: 'legal name',
  street: 'street',
  postalCode: 'postal code',
  city: 'city',
  countryCode: 'country',
  vatIdOrTaxNumber: 'VAT ID or tax number',
  iban: 'IBAN',
};

const list = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

function isRequiredField(field: string): field is CompanyRequiredField {
  return (COMPANY_REQUIRED_FOR_INVOICING as readonly string[]).includes(field);
}

/** One missing field in words; a name this version of the UI does not know is split into words. */
export function missingFieldWords(field: string): string {
  return isRequiredField(field) ? MISSING_FIELD_WORDS[field] : field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The missing fields as one phrase: "legal name, VAT ID or tax number, and IBAN". */
export function missingFieldsText(missing: readonly string[]): string {
  return list.format(missing.map(missingFieldWords));
}

/**
 * The `missing` extension of a 409 `SETTINGS.COMPANY_INCOMPLETE` problem, or `null` when the error
 * has none. (`toProblemDetails` keeps only the standard members, so it is read from the raw error.)
 */
export function readMissingFields(error: unknown): string[] | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const body: unknown = error.error;
  if (typeof body !== 'object' || body === null || !('missing' in body) || !Array.isArray(body.missing)) {
    return null;
  }
  return (body.missing as unknown[]).filter((field): field is string => typeof field === 'string');
}

/** Passes errors on unchanged, handing the missing company fields they carry to `sink` first. */
export function captureMissingFields<T>(sink: (missing: string[]) => void) {
  return (source: Observable<T>): Observable<T> =>
    source.pipe(
      catchError((error: unknown) => {
        const missing = readMissingFields(error);
        if (missing) {
          sink(missing);
        }
        return throwError(() => error);
      }),
    );
}
