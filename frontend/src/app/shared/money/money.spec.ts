import { formatMinorAsMajor, formatMoney, parseMajorToMinor } from './money';

describe('money', () => {
  describe('parseMajorToMinor', () => {
    it.each([
      ['19.99', 'EUR', 1999],
      ['19.9', 'EUR', 1990],
      ['19', 'EUR', 1900],
      ['0.01', 'EUR', 1],
      ['.5', 'USD', 50],
      ['19,99', 'EUR', 1999],
      ['1,234.56', 'USD', 123456],
      ['1 234.56', 'USD', 123456],
      ['  7.10 ', 'GBP', 710],
      ['1999', 'JPY', 1999],
      ['100000000.00', 'EUR', 10_000_000_000],
    ] as const)('reads %s %s as %d minor units', (text, currency, minor) => {
      expect(parseMajorToMinor(text, currency)).toBe(minor);
    });

    it('does not suffer from floating-point rounding', () => {
      // 0.29 * 100 = 28.999999999999996 in floating point.
      expect(parseMajorToMinor('0.29', 'EUR')).toBe(29);
      expect(parseMajorToMinor('1.15', 'EUR')).toBe(115);
    });

    it.each([
      ['19.999', 'EUR'],
      ['19.5', 'JPY'],
      ['-1', 'EUR'],
      ['abc', 'EUR'],
      ['1.2.3', 'EUR'],
      ['', 'EUR'],
      ['1e5', 'EUR'],
      ['99999999999999999999', 'EUR'],
    ] as const)('rejects %s for %s', (text, currency) => {
      expect(parseMajorToMinor(text, currency)).toBeNull();
    });
  });

  describe('formatMinorAsMajor', () => {
    it.each([
      [1999, 'EUR', '19.99'],
      [5, 'EUR', '0.05'],
      [0, 'USD', '0.00'],
      [1999, 'JPY', '1999'],
      [10_000_000_000, 'EUR', '100000000.00'],
    ] as const)('shows %d %s as %s', (minor, currency, text) => {
      expect(formatMinorAsMajor(minor, currency)).toBe(text);
    });

    it('round-trips with parseMajorToMinor', () => {
      for (const minor of [0, 1, 10, 99, 100, 12345, 987654321]) {
        expect(parseMajorToMinor(formatMinorAsMajor(minor, 'CHF'), 'CHF')).toBe(minor);
      }
    });
  });

  describe('formatMoney', () => {
    it('formats with the currency symbol and its number of decimals', () => {
      expect(formatMoney(1999, 'EUR')).toBe('€19.99');
      expect(formatMoney(123456, 'USD')).toBe('$1,234.56');
      expect(formatMoney(1999, 'JPY')).toBe('¥1,999');
    });
  });
});
