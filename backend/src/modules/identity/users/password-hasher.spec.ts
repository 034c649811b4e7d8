import { ConcurrencyGate, DEFAULT_HASH_CONCURRENCY, PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  it('hashes with argon2id at OWASP parameters (19 MiB, 2 passes, 1 lane) and verifies', async () => {
    const hasher = new PasswordHasher();
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(hasher.verify(hash, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'wrong horse battery staple')).resolves.toBe(false);
  });

  it('answers false, not an error, for a malformed stored hash', async () => {
    await expect(new PasswordHasher().verify('not-a-hash', 'whatever')).resolves.toBe(false);
  });

  it('runs no more hashes at once than its gate allows; the rest wait their turn and all get answers', async () => {
    const hasher = new PasswordHasher();
    const hash = await hasher.hash('correct horse battery staple');
    const pending = Array.from({ length: 6 }, () => hasher.verify(hash, 'correct horse battery staple'));
    expect(hasher.gate.load).toEqual({ active: DEFAULT_HASH_CONCURRENCY, waiting: 6 - DEFAULT_HASH_CONCURRENCY });
    await expect(Promise.all(pending)).resolves.toEqual(Array(6).fill(true));
    expect(hasher.gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it('leaves at least two of libuv’s four default threads free', () => {
    expect(DEFAULT_HASH_CONCURRENCY).toBeGreaterThanOrEqual(1);
    expect(DEFAULT_HASH_CONCURRENCY).toBeLessThanOrEqual(2);
  });
});

describe('ConcurrencyGate', () => {
  it('starts waiting work in arrival order as slots free up', async () => {
    const gate = new ConcurrencyGate(1);
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const task = (id: number) =>
      gate.run(async () => {
        order.push(id);
        await new Promise<void>((resolve) => releases.push(resolve));
      });
    const all = [task(1), task(2), task(3)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([1]);
    expect(gate.load).toEqual({ active: 1, waiting: 2 });
    releases[0]();
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([1, 2]);
    releases[1]();
    await new Promise((resolve) => setImmediate(resolve));
    releases[2]();
    await Promise.all(all);
    expect(order).toEqual([1, 2, 3]);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it('frees the slot when the work fails', async () => {
    const gate = new ConcurrencyGate(1);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(() => Promise.resolve('next'))).resolves.toBe('next');
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses a limit below one', () => {
    expect(() => new ConcurrencyGate(0)).toThrow(RangeError);
  });
});
