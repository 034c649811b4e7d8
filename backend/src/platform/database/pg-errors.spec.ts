import { QueryFailedError } from 'typeorm';
import { PgError, violatedConstraint } from './pg-errors';

describe('violatedConstraint', () => {
  const failure = (driverError: object) =>
    new QueryFailedError('INSERT ...', [], Object.assign(new Error('x'), driverError));

  it('names the constraint of a matching SQLSTATE', () => {
    const error = failure({ code: '23505', constraint: 'ux_products_sku_lower' });
    expect(violatedConstraint(error, PgError.UniqueViolation)).toBe('ux_products_sku_lower');
    expect(violatedConstraint(error, PgError.CheckViolation)).toBeUndefined();
  });

  it('answers an empty name when PostgreSQL gives none, and undefined for other errors', () => {
    expect(violatedConstraint(failure({ code: '23514' }), PgError.CheckViolation)).toBe('');
    expect(violatedConstraint(new Error('23505'), PgError.UniqueViolation)).toBeUndefined();
  });
});
