/**
 * A short-lived cache of resolved principals that can be dropped at once. `begin()` returns the
 * generation a lookup started in; `set()` keeps a result only if no `clear()` happened since, so
 * a lookup that read the database just before a revocation committed cannot re-cache the old
 * answer. `enabled` false (nobody can tell us about revocations) turns caching off entirely.
 */
export class PrincipalCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly enabled: () => boolean,
  ) {}

  get(key: string, now = Date.now()): { value: V } | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.until <= now || !this.enabled()) return undefined;
    return { value: entry.value };
  }

  begin(): number {
    return this.generation;
  }

  set(key: string, value: V, startedIn: number, now = Date.now()): void {
    if (startedIn !== this.generation || !this.enabled()) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: now + this.ttlMs });
  }

  delete(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
