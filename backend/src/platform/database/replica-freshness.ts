/** A PostgreSQL WAL position (`16/B374D848`) as a number, for comparisons. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim());
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

interface Sample {
  /** When the primary was asked (ms since the epoch), before it answered. */
  at: number;
  /** Its WAL insert position then: every transaction committed before `at` lies before it. */
  lsn: bigint;
}

/**
 * How current a replica is, measured against the primary's own WAL positions rather than
 * clocks or commit timestamps: every probe samples the primary's insert position, and a
 * replica whose replay position has passed a sample holds every transaction committed before
 * that sample was taken. Staleness is then "now minus the newest sample replayed", exact to
 * the probe interval, right on an idle primary (where commit timestamps make a replica look
 * ever more behind) and independent of the replica host's clock.
 */
export class ReplicaFreshness {
  private readonly samples: Sample[] = [];

  /** `keepMs`: how far back samples are kept; a replica further behind is "unknown" (too stale). */
  constructor(private readonly keepMs: number) {}

  /** Records the primary's insert position, asked at `at`. */
  recordPrimary(at: number, lsn: bigint): void {
    this.samples.push({ at, lsn });
    while (this.samples.length > 1 && this.samples[0].at < at - this.keepMs) this.samples.shift();
  }

  /**
   * Milliseconds of commits the replica may be missing, given its replay position: `now` minus
   * the time of the newest primary sample it has replayed past. Undefined when it has replayed
   * none of the kept samples (behind by more than `keepMs`, or nothing sampled yet).
   */
  stalenessMs(replay: bigint, now: number): number | undefined {
    for (let index = this.samples.length - 1; index >= 0; index--) {
      const sample = this.samples[index];
      if (sample.lsn <= replay) return Math.max(0, now - sample.at);
    }
    return undefined;
  }
}
