import { HttpErrorResponse } from '@angular/common/http';
import { COMPANY_REQUIRED_FOR_INVOICING } from '@depot/contracts';
import { lastValueFrom, throwError } from 'rxjs';

import {
  MISSING_FIELD_WORDS,
  captureMissingFields,
  missingFieldWords,
  missingFieldsText,
  readMissingFields,
} from './missing-fields';

function conflict(body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status: 409, statusText: 'Conflict', error: body });
}

describe('missing company fields', () => {
  it('has words for every field an invoice needs', () => {
    for (const field of COMPANY_REQUIRED_FOR_INVOICING) {
      expect(MISSING_FIELD_WORDS[field]).toBeTruthy();
    }
    expect(missingFieldWords('vatIdOrTaxNumber')).toBe('VAT ID or tax number');
    expect(missingFieldWords('iban')).toBe('IBAN');
  });

  it('splits a field name it does not know into words', () => {
    expect(missingFieldWords('bankAccountHolder')).toBe('bank account holder');
  });

  it('lists the fields as a sentence', () => {
    expect(missingFieldsText(['legalName'])).toBe('legal name');
    expect(missingFieldsText(['legalName', 'iban'])).toBe('legal name and IBAN');
    expect(missingFieldsText(['legalName', 'vatIdOrTaxNumber', 'iban'])).toBe(
      'legal name, VAT ID or tax number, and IBAN',
    );
    expect(missingFieldsText([])).toBe('');
  });

  it("reads the problem's missing list from the raw error", () => {
    expect(readMissingFields(conflict({ code: 'SETTINGS.COMPANY_INCOMPLETE', missing: ['iban', 7, 'city'] }))).toEqual([
      'iban',
      'city',
    ]);
    expect(readMissingFields(conflict({ code: 'REQUEST.VERSION_CONFLICT' }))).toBeNull();
    expect(readMissingFields(conflict('not json'))).toBeNull();
    expect(readMissingFields(new Error('boom'))).toBeNull();
  });

  it('hands the missing list to a sink and passes the error on unchanged', async () => {
    const error = conflict({ missing: ['legalName'] });
    const sink = jest.fn();
    await expect(lastValueFrom(throwError(() => error).pipe(captureMissingFields(sink)))).rejects.toBe(error);
    expect(sink).toHaveBeenCalledWith(['legalName']);
  });
});
