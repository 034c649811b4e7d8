import { applyDecorators } from '@nestjs/common';
// eslint-disable-next-line no-restricted-imports -- the one place class-validator's IsOptional is wrapped
import { IsOptional, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { Transform } from 'class-transformer';
import { ApiProperty } from '@nestjs/swagger';

/**
 * The field may be left out; when present it must satisfy the other validators, so `null`
 * is refused like any wrong type. class-validator's own IsOptional also waves `null` through,
 * which let `null` reach NOT NULL columns (500): it is only allowed through OptionalOrNull.
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** The field may be left out or be `null` (clears the value); declare its type `T | null`. */
export function OptionalOrNull(): PropertyDecorator {
  return IsOptional();
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/i;

/**
 * A full ISO 8601 calendar date (`2026-11-01`, meaning 00:00 UTC that day) or date-time with
 * seconds optional and a zone required (`2026-11-01T09:30:00Z`, `2026-11-01T10:30+01:00`), as a
 * Date; null for anything else: partial dates (`2020`, `2020-06`), week or ordinal dates, times
 * without a zone (ambiguous), impossible days (`2026-02-30`), years outside 0001–9999.
 */
export function parseIsoInstant(value: string): Date | null {
  const date = DATE.exec(value);
  const dateTime = date ? null : DATE_TIME.exec(value);
  const parts = date ?? dateTime;
  if (!parts) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(2000, month, 0)).getUTCDate()) return null; // 2000 is a leap year
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return null;
  let [hour, minute, second, offsetMinutes] = [0, 0, 0, 0];
  let millis = 0;
  if (dateTime) {
    [hour, minute, second] = [Number(dateTime[4]), Number(dateTime[5]), Number(dateTime[6] ?? 0)];
    millis = Math.floor(Number(`0.${dateTime[7] ?? '0'}`) * 1000);
    if (hour > 23 || minute > 59 || second > 59) return null;
    if (dateTime[9]) {
      const [offsetHours, offsetMins] = [Number(dateTime[10]), Number(dateTime[11])];
      if (offsetHours > 14 || offsetMins > 59) return null;
      offsetMinutes = (dateTime[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
    }
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return new Date(utc.getTime() - offsetMinutes * 60_000);
}

/** A calendar date `YYYY-MM-DD` that exists (no time, no zone): due dates, expected dates. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    ValidateBy(
      {
        name: 'isIsoDate',
        validator: {
          validate: (value: unknown) =>
            typeof value === 'string' && DATE.test(value) && parseIsoInstant(value) !== null,
          defaultMessage: (args) => `${args?.property ?? 'value'} must be a calendar date like 2026-12-24`,
        },
      },
      options,
    ),
    // What the swagger plugin's classValidatorShim does for class-validator's own format validators.
    ApiProperty({ format: 'date' }),
  );
}

/**
 * A date or date-time parameter (see parseIsoInstant). Valid values are normalised to the UTC
 * ISO string (`2026-11-01T00:00:00.000Z`) before they reach the service, so every query means the
 * same instant whatever the database session's time zone.
 */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      return parseIsoInstant(value)?.toISOString() ?? value;
    }),
    ValidateBy(
      {
        name: 'isIsoInstant',
        validator: {
          validate: (value: unknown) => typeof value === 'string' && parseIsoInstant(value) !== null,
          defaultMessage: (args) =>
            `${args?.property ?? 'value'} must be an ISO 8601 date (2026-11-01) or date-time with a zone (2026-11-01T09:30:00Z)`,
        },
      },
      options,
    ),
    // Documented as a date-time, the form every client can send (a bare date is accepted too).
    ApiProperty({ format: 'date-time' }),
  );
}
