import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Prefix of every value the box wrote; anything else is legacy plaintext. */
export const ENCRYPTED_PREFIX = 'enc:v1:';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A value that looks encrypted but cannot be opened: tampered, truncated, or under an unknown key. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * Decodes an encryption key given as base64 (44 characters, `openssl rand -base64 32`) or hex
 * (64 characters, `openssl rand -hex 32`). Null unless it is exactly 32 bytes.
 */
export function decodeEncryptionKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(value) || /^[A-Za-z0-9_-]{43}$/.test(value)) {
    const key = Buffer.from(value, value.endsWith('=') ? 'base64' : 'base64url');
    return key.length === KEY_BYTES ? key : null;
  }
  return null;
}

/** Short, non-secret name of a key (8 hex characters of a hash), written into every value it encrypts. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('depot secret box key id\0').update(key).digest('hex').slice(0, 8);
}

interface Envelope {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function parse(value: string): Envelope {
  const parts = value.slice(ENCRYPTED_PREFIX.length).split(':');
  const [keyId, iv, tag, ciphertext] = parts;
  const b64url = /^[A-Za-z0-9_-]*$/;
  if (parts.length !== 4 || !/^[0-9a-f]{8}$/.test(keyId) || ![iv, tag, ciphertext].every((part) => b64url.test(part))) {
    throw new SecretBoxError('malformed encrypted value');
  }
  const envelope = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
  if (envelope.iv.length !== IV_BYTES || envelope.tag.length !== TAG_BYTES) {
    throw new SecretBoxError('malformed encrypted value');
  }
  return envelope;
}

/**
 * Encrypts secrets kept in the database (TOTP seeds, webhook signing secrets) with a key that
 * lives outside it: AES-256-GCM, a random 96-bit IV per value, the 128-bit tag checked on
 * decryption. The text form is self-describing so keys can rotate:
 *
 *     enc:v1:<key id>:<iv b64url>:<tag b64url>:<ciphertext b64url>
 *
 * New values use the current key; previous keys only decrypt. `context` (e.g. the column) is
 * bound as additional authenticated data, so a value copied into another column does not open.
 */
export class SecretBox {
  private readonly current: { id: string; key: Buffer };
  private readonly keys: { id: string; key: Buffer }[];

  constructor(currentKey: Buffer, previousKeys: readonly Buffer[] = []) {
    for (const key of [currentKey, ...previousKeys]) {
      if (key.length !== KEY_BYTES) throw new SecretBoxError(`encryption keys must be ${KEY_BYTES} bytes`);
    }
    this.current = { id: keyIdOf(currentKey), key: currentKey };
    this.keys = [this.current, ...previousKeys.map((key) => ({ id: keyIdOf(key), key }))];
  }

  /** Id of the key new values are encrypted with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  /** Ids of every key this box can decrypt with, current first. */
  get knownKeyIds(): string[] {
    return [...new Set(this.keys.map((entry) => entry.id))];
  }

  static isEncrypted(value: string): boolean {
    return value.startsWith(ENCRYPTED_PREFIX);
  }

  /** The key id an encrypted value names, or null for plaintext. */
  static keyIdOfValue(value: string): string | null {
    return SecretBox.isEncrypted(value) ? parse(value).keyId : null;
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${ENCRYPTED_PREFIX}${this.current.id}:${iv.toString('base64url')}:${tag.toString('base64url')}:${ciphertext.toString('base64url')}`;
  }

  /** Opens a value written by `encrypt`; a value without the prefix is legacy plaintext, returned as is. */
  decrypt(value: string, context: string): string {
    if (!SecretBox.isEncrypted(value)) return value;
    const envelope = parse(value);
    const candidates = this.keys.filter((entry) => entry.id === envelope.keyId);
    if (candidates.length === 0) {
      throw new SecretBoxError(
        `value is encrypted with key ${envelope.keyId}, which is neither DEPOT_ENCRYPTION_KEY nor in DEPOT_PREVIOUS_ENCRYPTION_KEYS`,
      );
    }
    for (const { key } of candidates) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, envelope.iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(envelope.tag);
        return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]).toString('utf8');
      } catch {
        // Try the next key with the same id (a hash collision is unlikely but possible).
      }
    }
    throw new SecretBoxError(`encrypted value failed authentication with key ${envelope.keyId} (altered or moved)`);
  }

  /** True when the value is plaintext or under a key other than the current one. */
  needsReencryption(value: string): boolean {
    return !SecretBox.isEncrypted(value) || parse(value).keyId !== this.current.id;
  }

  /** The value under the current key (unchanged if it already is). */
  reencrypt(value: string, context: string): string {
    return this.needsReencryption(value) ? this.encrypt(this.decrypt(value, context), context) : value;
  }
}
