import { plainToInstance } from 'class-transformer';
import { IsInt, validateSync } from 'class-validator';
import { IsIsoDate, IsIsoInstant, Optional, OptionalOrNull, parseIsoInstant } from './validators';

class Query {
  @Optional()
  @IsIsoInstant()
  from?: string;

  @Optional()
  @IsInt()
  count?: number;

  @OptionalOrNull()
  @IsInt()
  clearable?: number | null;
}

const errorsOf = (plain: object) => validateSync(plainToInstance(Query, plain)).map((error) => error.property);

describe('parseIsoInstant', () => {
  it.each([
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T09:30:00Z', '2026-11-01T09:30:00.000Z'],
    ['2026-11-01T09:30Z', '2026-11-01T09:30:00.000Z'],
    ['2026-11-01T10:30:00.123456+01:00', '2026-11-01T09:30:00.123Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['0001-01-01', '0001-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59.000Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseIsoInstant(input)?.toISOString()).toBe(expected);
  });

  it.each([
    '2020',
    '2020-06',
    '1547',
    '',
    ' ',
    '2026-13-01',
    '2026-02-30',
    '2025-02-29',
    '0000-01-01',
    '2026-11-01T09:30:00',
    '2026-11-01T24:00:00Z',
    '2026-11-01T09:60Z',
    '2026-11-01T09:30:60Z',
    '2026-W44-1',
    '2026-305',
    '2026-11-01T09:30:00+15:00',
    '2026-11-01 09:30:00Z',
    '+002026-11-01',
    '2026-11-01T09:30:00ZZ',
    'tomorrow',
    '1e309',
    '2026-11-01\u0000',
  ])('refuses %j', (input) => {
    expect(parseIsoInstant(input)).toBeNull();
  });
});

describe('Optional, OptionalOrNull and IsIsoInstant', () => {
  it('lets a field be left out, but refuses null unless it is declared clearable', () => {
    expect(errorsOf({})).toEqual([]);
    expect(errorsOf({ count: null })).toEqual(['count']);
    expect(errorsOf({ clearable: null })).toEqual([]);
    expect(errorsOf({ from: null })).toEqual(['from']);
  });

  it('normalises dates to UTC ISO strings and refuses partial ones', () => {
    const query = plainToInstance(Query, { from: '2026-11-01T10:30+01:00' });
    expect(validateSync(query)).toEqual([]);
    expect(query.from).toBe('2026-11-01T09:30:00.000Z');
    expect(errorsOf({ from: '2020' })).toEqual(['from']);
    expect(errorsOf({ from: '' })).toEqual(['from']);
    expect(errorsOf({ from: 20201101 })).toEqual(['from']);
  });
});

describe('IsIsoDate', () => {
  class Order {
    @Optional()
    @IsIsoDate()
    due?: string;
  }
  const errors = (due: unknown) => validateSync(plainToInstance(Order, { due })).length;

  it('accepts calendar dates and nothing else', () => {
    expect(errors('2026-12-24')).toBe(0);
    expect(errors('2024-02-29')).toBe(0);
    for (const bad of ['2026-12-24T00:00:00Z', '2026-02-30', '2026-12', '24.12.2026', '', 20261224]) {
      expect(errors(bad)).toBe(1);
    }
  });
});
