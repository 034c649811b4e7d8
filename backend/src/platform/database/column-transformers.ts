import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns BIGINT as a string; Depot's amounts stay within Number.MAX_SAFE_INTEGER. */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
