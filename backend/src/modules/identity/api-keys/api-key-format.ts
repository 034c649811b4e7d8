import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_KEY_PREFIX } from '../../../platform/auth/principal';

/**
 * `dpk_<prefix>_<secret>`. Secrets are base62, so `_` only ever separates the parts (keys made
 * before 2026-12 used base64url secrets, which may contain `_` and `-`; they stay valid).
 */
const KEY_PATTERN = /^dpk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 43 base62 characters carry 256 bits. */
const SECRET_LENGTH = 43;

/** Uniform base62 characters by rejection sampling (248 = 4 x 62, so no modulo bias). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A new key: `dpk_<12-char public prefix>_<256-bit base62 secret>`, and what is stored of it. */
export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(8).toString('hex').slice(0, 12);
  const key = `${API_KEY_PREFIX}${prefix}_${randomBase62(SECRET_LENGTH)}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function parseApiKey(key: string): { prefix: string } | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { prefix: match[1] } : null;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
