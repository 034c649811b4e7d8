import { DEFAULT_NUMBER_PREFIXES } from '@depot/contracts';
import { logoUrlOf, missingForInvoicing } from './company-settings.service';

const EMPTY = {
  legalName: null,
  street: null,
  postalCode: null,
  city: null,
  countryCode: null,
  vatId: null,
  taxNumber: null,
  registration: null,
  email: null,
  phone: null,
  website: null,
  bankName: null,
  bankAccountHolder: null,
  iban: null,
  bic: null,
  defaultCurrency: 'EUR' as const,
  defaultLanguage: 'en' as const,
  paymentTermsDays: 30,
  numberPrefixes: DEFAULT_NUMBER_PREFIXES,
  invoiceFooter: null,
};

describe('company settings', () => {
  it('names everything an invoice needs while the settings are empty', () => {
    expect(missingForInvoicing(EMPTY)).toEqual([
      'legalName',
      'street',
      'postalCode',
      'city',
      'countryCode',
      'vatIdOrTaxNumber',
      'iban',
    ]);
  });

  it('is complete with the legal name, address, a VAT id or a tax number, and an IBAN', () => {
    const filled = {
      ...EMPTY,
      legalName: 'Depot Demo GmbH',
      street: 'Lagerstraße 1',
      postalCode: '10115',
      city: 'Berlin',
      countryCode: 'DE',
      iban: 'DE89370400440532013000',
    };
    expect(missingForInvoicing(filled)).toEqual(['vatIdOrTaxNumber']);
    expect(missingForInvoicing({ ...filled, taxNumber: '12/345/67890' })).toEqual([]);
    expect(missingForInvoicing({ ...filled, vatId: 'DE123456789' })).toEqual([]);
  });

  it('serves each logo under a path of its own hash', () => {
    expect(logoUrlOf(null)).toBeNull();
    expect(logoUrlOf('3f1f2b9d4c10a59e'.padEnd(64, '0'))).toBe('/api/v1/settings/company/logo/3f1f2b9d4c10a59e');
  });
});
