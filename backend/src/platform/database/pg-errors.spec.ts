import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, PgError, violatedConstraint } from './pg-errors';

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

describe('isDatabaseUnavailable', () => {
  it('recognises refused, dropped and restarting connections, directly or wrapped', () => {
    const cases: unknown[] = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      new QueryFailedError('SELECT', [], Object.assign(new Error('x'), { code: '57P01' })),
      Object.assign(new Error('outer'), { cause: Object.assign(new Error('inner'), { code: 'ECONNRESET' }) }),
      Object.assign(new Error('released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }),
    ];
    for (const error of cases) expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('does not mistake ordinary failures for an outage', () => {
    for (const error of [
      new Error('boom'),
      new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: '23505' })),
      { code: 42 },
      null,
      'ECONNREFUSED',
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
