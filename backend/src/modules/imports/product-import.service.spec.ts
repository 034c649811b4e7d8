import { parseAttributes, parseMoney } from './product-import.service';

describe('product CSV cells', () => {
  it.each([
    ['19.99', 'EUR', 1999],
    ['19.9', 'EUR', 1990],
    ['19', 'EUR', 1900],
    ['0.05', 'USD', 5],
    ['1999', 'JPY', 1999],
  ] as const)('reads %s %s as %d minor units', (text, currency, minor) => {
    expect(parseMoney(text, currency)).toBe(minor);
  });

  it.each([
    ['19.999', 'EUR'],
    ['-1', 'EUR'],
    ['1,50', 'EUR'],
    ['19.5', 'JPY'],
    ['', 'EUR'],
    ['1e3', 'EUR'],
  ] as const)('refuses %s %s', (text, currency) => {
    expect(parseMoney(text, currency)).toBeNull();
  });

  it('reads key=value pairs and refuses malformed or repeated keys', () => {
    expect(parseAttributes('color=red; size = M ;')).toEqual({ color: 'red', size: 'M' });
    expect(parseAttributes('')).toEqual({});
    expect(parseAttributes('a=1=2')).toEqual({ a: '1=2' });
    expect(parseAttributes('novalue')).toMatch(/not key=value/);
    expect(parseAttributes('a=1;a=2')).toMatch(/twice/);
  });
});
