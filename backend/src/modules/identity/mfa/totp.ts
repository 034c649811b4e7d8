import { generateSecret, generateURI, verifySync } from 'otplib';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_ISSUER = 'Depot';
const TOTP_CODE = /^[0-9]{6}$/;

/** A new 160-bit secret, base32 (32 characters). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** `otpauth://totp/Depot:<label>?secret=...&issuer=Depot`, for the QR code. */
export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret });
}

export function isTotpCode(code: string): boolean {
  return TOTP_CODE.test(code);
}

/**
 * The time step `code` belongs to, or null. Accepts the current step and one on either side
 * (clock drift of up to 30 s), and refuses steps at or before `afterStep` (a code already
 * used, or an older one: replay).
 */
export function matchTotp(
  secret: string,
  code: string,
  options: { afterStep?: number | null; now?: Date } = {},
): number | null {
  if (!isTotpCode(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor((options.now ?? new Date()).getTime() / 1000),
    epochTolerance: TOTP_PERIOD_SECONDS,
    afterTimeStep: options.afterStep ?? undefined,
  });
  // otplib types the result for TOTP and HOTP alike; a TOTP match carries its time step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
