import { compactIdentifier, isValidBic, isValidIban, taxNumberProblem, vatIdProblem } from './tax-identifiers';

describe('tax identifiers', () => {
  it('accepts IBANs with correct check digits, spaced or not, and refuses wrong ones', () => {
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('de89370400440532013000')).toBe(true);
    expect(isValidIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false); // check digits
    expect(isValidIban('DE89 3704 0044 0532 0130')).toBe(false); // German IBANs have 22 characters
    expect(isValidIban('XX89370400440532013000')).toBe(false);
  });

  it('accepts 8 and 11 character BICs', () => {
    expect(isValidBic('COBADEFF')).toBe(true);
    expect(isValidBic('cobadeffxxx')).toBe(true);
    expect(isValidBic('COBADE')).toBe(false);
    expect(isValidBic('COBA1EFFXXX')).toBe(false);
  });

  it('checks a VAT id against the format of the country its prefix names', () => {
    expect(vatIdProblem('DE123456789')).toBeNull();
    expect(vatIdProblem('de 123 456 789')).toBeNull();
    expect(vatIdProblem('ATU12345678')).toBeNull();
    expect(vatIdProblem('EL123456789')).toBeNull();
    expect(vatIdProblem('FRXX123456789')).toBeNull();
    expect(vatIdProblem('DE12345678')).toBe('not a valid DE VAT id');
    expect(vatIdProblem('ATU1234567')).toBe('not a valid AT VAT id');
    expect(vatIdProblem('123456789')).toMatch(/country prefix/);
    // A prefix validator.js has no rules for: the general shape is all that is checked.
    expect(vatIdProblem('XX12345')).toBeNull();
  });

  it('checks German and Austrian tax numbers by their digits, others by their characters', () => {
    expect(taxNumberProblem('12/345/67890', 'DE')).toBeNull();
    expect(taxNumberProblem('2181508150011', 'DE')).toBeNull();
    expect(taxNumberProblem('12/345', 'DE')).toMatch(/not a valid DE tax number/);
    expect(taxNumberProblem('12 345/6789', 'AT')).toBeNull();
    expect(taxNumberProblem('12 345/67890', 'AT')).toMatch(/AT/);
    expect(taxNumberProblem('AB-123.45', 'FR')).toBeNull();
    expect(taxNumberProblem('12;345', null)).toMatch(/digits and letters/);
  });

  it('compacts identifiers the way they are stored', () => {
    expect(compactIdentifier(' de89 3704-0044.0532 0130 00 ')).toBe('DE89370400440532013000');
  });
});
