import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { availableParallelism } from 'node:os';

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). Hashing runs on the
 * libuv thread pool, so logins never block the event loop.
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** libuv's thread pool size unless UV_THREADPOOL_SIZE says otherwise. */
const LIBUV_DEFAULT_POOL = 4;

/**
 * How many hashes may run at once: one per core, and never more than leaves two of libuv's four
 * default threads free. A storm of sign-ins then queues here, in memory, instead of filling the
 * thread pool: file reads, DNS look-ups, zlib and async crypto never wait behind a hash, and the
 * event loop keeps a core's share while the others hash (health checks stay fast). More hashes
 * at once would not sign anyone in sooner: each already takes a core for its whole run.
 */
export const DEFAULT_HASH_CONCURRENCY = Math.max(1, Math.min(availableParallelism(), LIBUV_DEFAULT_POOL - 2));

/** A FIFO gate of `limit` slots. */
export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency limit must be >= 1, got ${limit}`);
  }

  /** Work running now and work waiting for a slot. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line (active stays the same), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

@Injectable()
export class PasswordHasher {
  // Verified against for unknown e-mails, so response time does not reveal which accounts exist.
  private dummyHash?: Promise<string>;
  /** Every hash and verification passes through it (see DEFAULT_HASH_CONCURRENCY). */
  readonly gate = new ConcurrencyGate(DEFAULT_HASH_CONCURRENCY);

  hash(password: string): Promise<string> {
    return this.gate.run(() => argon2.hash(password, PASSWORD_HASH_OPTIONS));
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await this.gate.run(() => argon2.verify(hash, password));
    } catch {
      return false;
    }
  }

  async verifyAgainstDummy(password: string): Promise<void> {
    this.dummyHash ??= this.hash('depot-dummy-password-for-timing');
    await this.verify(await this.dummyHash, password);
  }
}
