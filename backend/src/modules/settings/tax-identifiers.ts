import isIBAN from 'validator/lib/isIBAN';
import isBIC from 'validator/lib/isBIC';
import isVAT from 'validator/lib/isVAT';

/**
 * Format checks of the identifiers an invoice carries, with validator.js (the library behind
 * class-validator): IBAN country format and mod-97 check digits, BIC, and VAT ids per the
 * country their prefix names. A format check cannot tell whether a number was issued; the EU's
 * VIES service can, and is out of reach of a server that may not call out.
 */

/** Upper-case without spaces: how IBANs and VAT ids are stored and printed in machine form. */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}

export function isValidIban(value: string): boolean {
  return isIBAN(compactIdentifier(value));
}

export function isValidBic(value: string): boolean {
  return isBIC(value.trim().toUpperCase());
}

/** VAT ids start with their country's prefix (`EL` for Greece, `XI` for Northern Ireland). */
const VAT_PREFIX = /^([A-Z]{2})([0-9A-Z+*]{2,13})$/;
/** validator.js names Greece `EL`, as VAT ids do, and has no rules for these prefixes. */
const VAT_COUNTRY_ALIASES: Record<string, string> = { XI: 'GB' };

/** Why a VAT id is not well-formed, or null when it is. */
export function vatIdProblem(value: string): string | null {
  const compact = compactIdentifier(value);
  const match = VAT_PREFIX.exec(compact);
  if (!match) return 'a VAT id starts with its two-letter country prefix, e.g. DE123456789';
  const country = VAT_COUNTRY_ALIASES[match[1]] ?? match[1];
  try {
    return isVAT(compact, country as Parameters<typeof isVAT>[1]) ? null : `not a valid ${match[1]} VAT id`;
  } catch {
    // A country validator.js has no rules for: the prefix and the general shape are all we check.
    return null;
  }
}

/** National tax number formats Depot knows; other countries' numbers are checked for shape only. */
const TAX_NUMBER_DIGITS: Record<string, { min: number; max: number; example: string }> = {
  // Steuernummer: 10 or 11 digits in a state's format (12/345/67890), 13 in the federal one.
  DE: { min: 10, max: 13, example: '12/345/67890' },
  // Steuernummer: 2-digit tax office and 7 digits (12 345/6789).
  AT: { min: 9, max: 9, example: '12 345/6789' },
};

/** Why a tax number is not well-formed for the company's country, or null when it is. */
export function taxNumberProblem(value: string, countryCode: string | null): string | null {
  if (!/^[0-9A-Za-z][0-9A-Za-z /.-]*$/.test(value)) return 'use digits and letters with spaces, "/", "." or "-"';
  const rule = countryCode ? TAX_NUMBER_DIGITS[countryCode] : undefined;
  if (!rule) return null;
  const digits = value.replace(/[ /.-]/g, '');
  if (!/^\d+$/.test(digits) || digits.length < rule.min || digits.length > rule.max) {
    return `not a valid ${countryCode} tax number (e.g. ${rule.example})`;
  }
  return null;
}
