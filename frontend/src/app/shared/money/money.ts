import { CURRENCY_MINOR_DIGITS, type CurrencyCode } from '@depot/contracts';

/** Digits after the decimal point for a currency (2 for EUR, 0 for JPY). */
export function minorDigits(currency: CurrencyCode): number {
  return CURRENCY_MINOR_DIGITS[currency];
}

/**
 * Parses a decimal amount in major units typed by a user ("19.99", "1,234.5", "19,99") into
 * integer minor units, without floating-point rounding. Returns `null` when the text is not a
 * non-negative amount with at most the currency's number of decimals.
 */
export function parseMajorToMinor(text: string, currency: CurrencyCode): number | null {
  const digits = minorDigits(currency);
  const compact = text.trim().replace(/[\s_']/g, '');
  const normalised = normaliseDecimalSeparator(compact);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(normalised) ?? /^()\.(\d+)$/.exec(normalised);
  if (!match) {
    return null;
  }
  const whole = match[1] || '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return null;
  }
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Integer minor units as the plain decimal string shown in an input ("19.99", "1999" for JPY). */
export function formatMinorAsMajor(minor: number, currency: CurrencyCode): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(Math.trunc(minor)));
  if (digits === 0) {
    return sign + abs;
  }
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const currencyFormats = new Map<string, Intl.NumberFormat>();

/** Minor units as a localised money string, e.g. "€19.99" or "¥1,999". */
export function formatMoney(minor: number, currency: CurrencyCode, locale = 'en-US'): string {
  const key = `${locale}|${currency}`;
  let format = currencyFormats.get(key);
  if (!format) {
    const digits = minorDigits(currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    currencyFormats.set(key, format);
  }
  // The division is only for display; Intl rounds to the same digits, so no drift is visible.
  return format.format(minor / 10 ** minorDigits(currency));
}

/**
 * Accepts "1,234.56" (comma groups) and "19,99" (comma decimal): a single comma followed by at
 * most two digits at the end is read as the decimal separator, other commas as grouping.
 */
function normaliseDecimalSeparator(text: string): string {
  if (text.includes('.')) {
    return text.replace(/,(?=\d{3}(?:\D|$))/g, '');
  }
  const commas = text.split(',').length - 1;
  if (commas === 1 && /,\d{1,2}$/.test(text)) {
    return text.replace(',', '.');
  }
  return text.replace(/,(?=\d{3}(?:\D|$))/g, '');
}
