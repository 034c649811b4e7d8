import { randomBytes } from 'node:crypto';
import { ENCRYPTED_PREFIX, SecretBox, SecretBoxError, decodeEncryptionKey, keyIdOf } from './secret-box';

const CONTEXT = 'users.mfa_secret';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** Flips one character of a base64url part without changing its length. */
function flip(part: string, index = 0): string {
  const replacement = part[index] === 'A' ? 'B' : 'A';
  return part.slice(0, index) + replacement + part.slice(index + 1);
}

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox(key);

  it('round-trips a secret through the versioned, self-describing format', () => {
    const sealed = box.encrypt(SECRET, CONTEXT);
    expect(sealed).toMatch(/^enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(sealed.split(':')[2]).toBe(keyIdOf(key));
    expect(sealed).not.toContain(SECRET);
    expect(box.decrypt(sealed, CONTEXT)).toBe(SECRET);
  });

  it('uses a fresh IV every time, so equal secrets do not look equal', () => {
    expect(box.encrypt(SECRET, CONTEXT)).not.toBe(box.encrypt(SECRET, CONTEXT));
  });

  it('round-trips the empty string and non-ASCII text', () => {
    expect(box.decrypt(box.encrypt('', CONTEXT), CONTEXT)).toBe('');
    expect(box.decrypt(box.encrypt('whsec_ünïcødé ✓', CONTEXT), CONTEXT)).toBe('whsec_ünïcødé ✓');
  });

  it.each([
    ['ciphertext', 5],
    ['tag', 4],
    ['iv', 3],
  ] as const)('detects a tampered %s', (_name, part) => {
    const parts = box.encrypt(SECRET, CONTEXT).split(':');
    parts[part] = flip(parts[part]);
    expect(() => box.decrypt(parts.join(':'), CONTEXT)).toThrow(SecretBoxError);
    expect(() => box.decrypt(parts.join(':'), CONTEXT)).toThrow(/failed authentication/);
  });

  it('refuses a value moved to another column (the context is authenticated)', () => {
    expect(() => box.decrypt(box.encrypt(SECRET, CONTEXT), 'webhook_endpoints.secret')).toThrow(
      /failed authentication/,
    );
  });

  it.each([
    `${ENCRYPTED_PREFIX}`,
    `${ENCRYPTED_PREFIX}abcd1234:AAAA:AAAA`,
    `${ENCRYPTED_PREFIX}ABCD:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA`,
    `${ENCRYPTED_PREFIX}abcd1234:AAAA:AAAAAAAAAAAAAAAAAAAAAA:AAAA`,
    `${ENCRYPTED_PREFIX}abcd1234:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AA+A`,
  ])('refuses the malformed value %s rather than passing it through', (value) => {
    expect(() => box.decrypt(value, CONTEXT)).toThrow(/malformed/);
  });

  it('refuses a value encrypted with a key it does not have, naming the key id and how to fix it', () => {
    const other = randomBytes(32);
    const sealed = new SecretBox(other).encrypt(SECRET, CONTEXT);
    expect(() => box.decrypt(sealed, CONTEXT)).toThrow(SecretBoxError);
    expect(() => box.decrypt(sealed, CONTEXT)).toThrow(
      new RegExp(`key ${keyIdOf(other)}.*DEPOT_PREVIOUS_ENCRYPTION_KEYS`),
    );
  });

  it('passes legacy plaintext through unchanged, and marks it for re-encryption', () => {
    expect(box.decrypt(SECRET, CONTEXT)).toBe(SECRET);
    expect(box.decrypt('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', CONTEXT)).toBe(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    );
    expect(box.needsReencryption(SECRET)).toBe(true);
    expect(SecretBox.keyIdOfValue(SECRET)).toBeNull();
  });

  it('rotates: previous keys still decrypt, new values and re-encryption use the current key', () => {
    const oldKey = randomBytes(32);
    const oldBox = new SecretBox(oldKey);
    const sealedOld = oldBox.encrypt(SECRET, CONTEXT);

    const rotated = new SecretBox(key, [oldKey]);
    expect(rotated.knownKeyIds).toEqual([keyIdOf(key), keyIdOf(oldKey)]);
    expect(rotated.decrypt(sealedOld, CONTEXT)).toBe(SECRET);
    expect(rotated.needsReencryption(sealedOld)).toBe(true);

    const resealed = rotated.reencrypt(sealedOld, CONTEXT);
    expect(SecretBox.keyIdOfValue(resealed)).toBe(rotated.currentKeyId);
    expect(rotated.needsReencryption(resealed)).toBe(false);
    expect(rotated.reencrypt(resealed, CONTEXT)).toBe(resealed);
    // Once rotated, the old key alone cannot read the value, and the new key alone can.
    expect(() => oldBox.decrypt(resealed, CONTEXT)).toThrow(SecretBoxError);
    expect(new SecretBox(key).decrypt(resealed, CONTEXT)).toBe(SECRET);
    // Plaintext is encrypted by re-encryption too.
    expect(rotated.decrypt(rotated.reencrypt(SECRET, CONTEXT), CONTEXT)).toBe(SECRET);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
    expect(() => new SecretBox(key, [randomBytes(31)])).toThrow(/32 bytes/);
  });
});

describe('decodeEncryptionKey', () => {
  const key = randomBytes(32);

  it.each([
    ['base64', key.toString('base64')],
    ['base64url without padding', key.toString('base64url')],
    ['hex', key.toString('hex')],
    ['upper-case hex', key.toString('hex').toUpperCase()],
    ['base64 with surrounding whitespace', ` ${key.toString('base64')}\n`],
  ])('reads a key given as %s', (_name, text) => expect(decodeEncryptionKey(text)).toEqual(key));

  it.each([
    ['16 bytes of base64', randomBytes(16).toString('base64')],
    ['48 bytes of base64', randomBytes(48).toString('base64')],
    ['31 bytes of hex', randomBytes(31).toString('hex')],
    ['a passphrase', 'correct horse battery staple correct horse!!'],
    ['empty', ''],
  ])('refuses %s', (_name, text) => expect(decodeEncryptionKey(text)).toBeNull());
});
