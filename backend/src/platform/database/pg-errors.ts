import { QueryFailedError } from 'typeorm';

/** PostgreSQL SQLSTATE codes the services translate into API errors. */
export const PgError = {
  UniqueViolation: '23505',
  ForeignKeyViolation: '23503',
  CheckViolation: '23514',
} as const;

/**
 * The constraint a failed query violated with this SQLSTATE (`''` when PostgreSQL names none),
 * or undefined for any other error.
 */
export function violatedConstraint(error: unknown, sqlState: string): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === sqlState ? (driverError.constraint ?? '') : undefined;
}
