import type { CompanySettingsDto } from '@depot/contracts';

/** Complete company settings, as the demo company has them. */
export function companySettingsDto(overrides: Partial<CompanySettingsDto> = {}): CompanySettingsDto {
  return {
    legalName: 'Depot Demo GmbH',
    street: 'Friedrichstraße 1',
    postalCode: '10117',
    city: 'Berlin',
    countryCode: 'DE',
    vatId: 'DE123456789',
    taxNumber: null,
    registration: 'Amtsgericht Berlin-Charlottenburg HRB 123456',
    email: 'invoices@depot.example',
    phone: null,
    website: null,
    bankName: 'Demo Bank',
    bankAccountHolder: 'Depot Demo GmbH',
    iban: 'DE89370400440532013000',
    bic: 'COBADEFFXXX',
    defaultCurrency: 'EUR',
    defaultLanguage: 'en',
    paymentTermsDays: 14,
    numberPrefixes: { invoice: 'INV', credit_note: 'CN', sales_order: 'SO', purchase_order: 'PO' },
    invoiceFooter: null,
    logoUrl: null,
    complete: true,
    missing: [],
    version: 3,
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

/** Settings of a fresh installation: nothing filled in yet. */
export function emptyCompanySettingsDto(overrides: Partial<CompanySettingsDto> = {}): CompanySettingsDto {
  return companySettingsDto({
    legalName: null,
    street: null,
    postalCode: null,
    city: null,
    countryCode: null,
    vatId: null,
    registration: null,
    email: null,
    bankName: null,
    bankAccountHolder: null,
    iban: null,
    bic: null,
    complete: false,
    missing: ['legalName', 'street', 'postalCode', 'city', 'countryCode', 'vatIdOrTaxNumber', 'iban'],
    version: 1,
    ...overrides,
  });
}
