/** Decimals a percentage may have: basis points are hundredths of a percent. */
const PERCENT_DECIMALS = 2;

/**
 * Parses a percentage typed by a user ("19", "12.5", "7,25") into integer basis points (1250 for
 * 12.5 %) without floating-point rounding. Empty text is 0. Returns `null` for anything that is
 * not a non-negative number with at most two decimals, or above `maxBps`.
 */
export function parsePercentToBps(text: string, maxBps = 10_000): number | null {
  const compact = text.trim().replace(/\s|%/g, '').replace(',', '.');
  if (compact === '') {
    return 0;
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(compact) ?? /^()\.(\d+)$/.exec(compact);
  if (!match) {
    return null;
  }
  const fraction = match[2] ?? '';
  if (fraction.length > PERCENT_DECIMALS) {
    return null;
  }
  const bps = Number((match[1] || '0') + fraction.padEnd(PERCENT_DECIMALS, '0'));
  return Number.isSafeInteger(bps) && bps <= maxBps ? bps : null;
}

/** Basis points as the plain percentage shown in an input (1250 -> "12.5", 1900 -> "19"). */
export function formatBpsAsPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const fraction = String(Math.abs(bps % 100))
    .padStart(PERCENT_DECIMALS, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
