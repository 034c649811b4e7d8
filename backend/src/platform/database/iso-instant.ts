/**
 * An instant as the exact text `Date.prototype.toISOString()` gives (UTC, milliseconds), made by
 * PostgreSQL: rows that are only serialised skip parsing into a Date and formatting it back, which
 * cost more than everything else the list does per row.
 */
export const isoInstant = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
