import { COMPANY_LIMITS, COUNTRY_CODES } from '@depot/contracts';

import { companySettingsDto, emptyCompanySettingsDto } from '../../../../testing/company-settings-data';
import { setServerError } from '../../../shared/forms/server-errors';
import {
  countryOptions,
  createCompanySettingsForm,
  currencyOptions,
  exampleNumber,
  fieldError,
  formValueOf,
  logoFileProblem,
  sameFormValue,
  toUpdateRequest,
} from './company-settings-form';

describe('company settings form', () => {
  it('takes the stored settings, showing empty values as empty fields', () => {
    const form = createCompanySettingsForm();
    form.reset(formValueOf(emptyCompanySettingsDto({ paymentTermsDays: 30 })));
    expect(form.controls.legalName.value).toBe('');
    expect(form.controls.countryCode.value).toBe('');
    expect(form.controls.paymentTermsDays.value).toBe(30);
    expect(form.controls.numberPrefixes.getRawValue()).toEqual({
      invoice: 'INV',
      credit_note: 'CN',
      sales_order: 'SO',
      purchase_order: 'PO',
    });
    expect(form.valid).toBe(true);
  });

  it('sends every field trimmed, empty ones as null, with the version it was loaded at', () => {
    const form = createCompanySettingsForm();
    form.reset(formValueOf(companySettingsDto()));
    form.controls.legalName.setValue('  Depot Demo GmbH  ');
    form.controls.registration.setValue('   ');
    form.controls.countryCode.setValue('');
    form.controls.iban.setValue(' de89 3704 0044 0532 0130 00 ');
    form.controls.invoiceFooter.setValue('Managing director: Ada Admin\n');
    form.controls.paymentTermsDays.setValue(30);
    form.controls.numberPrefixes.controls.invoice.setValue('RE');

    expect(toUpdateRequest(form.getRawValue(), 3)).toEqual({
      version: 3,
      legalName: 'Depot Demo GmbH',
      registration: null,
      street: 'Friedrichstraße 1',
      postalCode: '10117',
      city: 'Berlin',
      countryCode: null,
      vatId: 'DE123456789',
      taxNumber: null,
      email: 'invoices@depot.example',
      phone: null,
      website: null,
      bankAccountHolder: 'Depot Demo GmbH',
      bankName: 'Demo Bank',
      // The server normalises it (upper case, no spaces).
      iban: 'de89 3704 0044 0532 0130 00',
      bic: 'COBADEFFXXX',
      invoiceFooter: 'Managing director: Ada Admin',
      defaultCurrency: 'EUR',
      defaultLanguage: 'en',
      paymentTermsDays: 30,
      numberPrefixes: { invoice: 'RE', credit_note: 'CN', sales_order: 'SO', purchase_order: 'PO' },
    });
  });

  it('refuses text longer than the server takes', () => {
    const form = createCompanySettingsForm();
    form.controls.legalName.setValue('x'.repeat(COMPANY_LIMITS.legalNameMaxLength + 1));
    form.controls.vatId.setValue('D'.repeat(COMPANY_LIMITS.vatIdMaxLength + 1));
    form.controls.invoiceFooter.setValue('x'.repeat(COMPANY_LIMITS.footerMaxLength + 1));
    expect(fieldError(form.controls.legalName, 'Legal name')).toBe(
      `Use at most ${COMPANY_LIMITS.legalNameMaxLength} characters.`,
    );
    expect(form.controls.vatId.hasError('maxlength')).toBe(true);
    expect(form.controls.invoiceFooter.hasError('maxlength')).toBe(true);

    form.controls.legalName.setValue('x'.repeat(COMPANY_LIMITS.legalNameMaxLength));
    expect(form.controls.legalName.valid).toBe(true);
  });

  it('checks the e-mail address', () => {
    const form = createCompanySettingsForm();
    form.controls.email.setValue('not an address');
    expect(fieldError(form.controls.email, 'E-mail')).toBe('Enter an e-mail address like invoices@example.com.');
    form.controls.email.setValue('');
    expect(form.controls.email.valid).toBe(true);
  });

  it('takes payment terms from 0 to 365 whole days', () => {
    const control = createCompanySettingsForm().controls.paymentTermsDays;
    for (const valid of [0, 14, COMPANY_LIMITS.maxPaymentTermsDays]) {
      control.setValue(valid);
      expect(control.valid).toBe(true);
    }
    for (const invalid of [-1, COMPANY_LIMITS.maxPaymentTermsDays + 1, 2.5]) {
      control.setValue(invalid);
      expect(fieldError(control, 'Payment terms')).toBe('Enter a whole number of days from 0 to 365.');
    }
    control.setValue(null);
    expect(fieldError(control, 'Payment terms')).toBe('Payment terms is required.');
  });

  it('takes prefixes of 1 to 8 capital letters or digits, writing what is typed in capitals', () => {
    const prefix = createCompanySettingsForm().controls.numberPrefixes.controls.invoice;
    prefix.setValue('re2');
    expect(prefix.value).toBe('RE2');
    expect(prefix.valid).toBe(true);

    for (const invalid of ['RE-1', 'TOOLONGPX', 'RÉ']) {
      prefix.setValue(invalid);
      expect(fieldError(prefix, 'Invoices prefix')).toBe('Use 1 to 8 capital letters or digits, e.g. INV.');
    }
    prefix.setValue('');
    expect(fieldError(prefix, 'Invoices prefix')).toBe('Invoices prefix is required.');
  });

  it("shows the server's message first", () => {
    const form = createCompanySettingsForm();
    setServerError(form.controls.iban, 'The IBAN has a wrong check digit.');
    expect(fieldError(form.controls.iban, 'IBAN')).toBe('The IBAN has a wrong check digit.');
  });

  it('shows what a number looks like with a prefix', () => {
    expect(exampleNumber('INV', 2026)).toBe('INV-2026-000001');
    expect(exampleNumber('RE')).toBe(`RE-${new Date().getFullYear()}-000001`);
  });

  it('tells whether two stored versions differ in anything the form edits', () => {
    const stored = companySettingsDto();
    expect(sameFormValue(stored, { ...stored, version: 4, logoUrl: '/logo.png' })).toBe(true);
    expect(sameFormValue(stored, { ...stored, city: 'Hamburg' })).toBe(false);
  });

  it('offers every country by its name, sorted by name', () => {
    const countries = countryOptions();
    expect(countries).toHaveLength(COUNTRY_CODES.length);
    expect(countries.find((country) => country.code === 'DE')?.name).toBe('Germany');
    expect(countries.find((country) => country.code === 'CH')?.name).toBe('Switzerland');
    const names = countries.map((country) => country.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(names.indexOf('Germany')).toBeGreaterThan(names.indexOf('France'));
  });

  it('names the currencies', () => {
    expect(currencyOptions()[0]).toEqual({ code: 'EUR', name: 'EUR – Euro' });
  });

  describe('logo file', () => {
    it('takes a PNG or JPEG up to the size limit', () => {
      expect(logoFileProblem({ type: 'image/png', size: 2048 })).toBeNull();
      expect(logoFileProblem({ type: 'image/jpeg', size: COMPANY_LIMITS.logoMaxBytes })).toBeNull();
    });

    it('refuses other kinds of file', () => {
      for (const type of ['image/svg+xml', 'image/gif', 'application/pdf', '']) {
        expect(logoFileProblem({ type, size: 2048 })).toBe(
          'The logo must be a PNG or JPEG image. Save it in one of these formats, then upload it again.',
        );
      }
    });

    it('refuses a file that is too large, saying how large it is', () => {
      expect(logoFileProblem({ type: 'image/png', size: COMPANY_LIMITS.logoMaxBytes + 1 })).toBe(
        'This image is 513 KB; the logo may be at most 512 KB. Save a smaller version and upload that.',
      );
      expect(logoFileProblem({ type: 'image/png', size: 3 * 1024 * 1024 })).toContain('This image is 3.0 MB');
    });

    it('refuses an empty file', () => {
      expect(logoFileProblem({ type: 'image/png', size: 0 })).toBe(
        'This file is empty. Choose the image file of your logo.',
      );
    });
  });
});
