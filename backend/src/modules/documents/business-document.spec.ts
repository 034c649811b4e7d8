import { addressLines, bankLines, formatDate, formatIban, formatMoney, formatPercent } from './business-document';
import { SELLER } from './document.spec-fixtures';

describe('business document formatting', () => {
  it('formats amounts by the currency minor digits', () => {
    expect(formatMoney(123456, 'EUR')).toBe('€1,234.56');
    expect(formatMoney(1999, 'JPY')).toBe('JP¥1,999');
  });

  it('formats date-only values as that calendar day, and instants in UTC', () => {
    expect(formatDate('2027-01-02')).toBe('Jan 2, 2027');
    expect(formatDate('2026-12-31T23:30:00.000Z')).toBe('Dec 31, 2026');
  });

  it('prints IBANs in groups of four, percentages from basis points, addresses line by line', () => {
    expect(formatIban('GB82WEST12345698765432')).toBe('GB82 WEST 1234 5698 7654 32');
    expect(formatPercent(1900)).toBe('19 %');
    expect(formatPercent(1250)).toBe('12.50 %');
    expect(addressLines(' Storgatan 1 \r\n\n111 22 Stockholm ')).toEqual(['Storgatan 1', '111 22 Stockholm']);
    expect(addressLines(null)).toEqual([]);
  });

  it('lists bank details only with an IBAN', () => {
    expect(bankLines(SELLER)).toHaveLength(4);
    expect(bankLines({ ...SELLER, iban: null })).toEqual([]);
  });
});
