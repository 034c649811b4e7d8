import { parseLsn, ReplicaFreshness } from './replica-freshness';

describe('parseLsn', () => {
  it('orders WAL positions as PostgreSQL does', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
  });

  it('refuses text that is not a WAL position', () => {
    expect(() => parseLsn('abc')).toThrow('not a WAL position');
  });
});

describe('ReplicaFreshness', () => {
  it('knows nothing before the primary was sampled', () => {
    expect(new ReplicaFreshness(10_000).stalenessMs(100n, 1_000)).toBeUndefined();
  });

  it('counts a replica that replayed the newest sample as behind by the time since that sample', () => {
    const freshness = new ReplicaFreshness(10_000);
    freshness.recordPrimary(1_000, 100n);
    freshness.recordPrimary(2_000, 100n);
    expect(freshness.stalenessMs(100n, 2_300)).toBe(300);
  });

  it('stays fresh on an idle primary whose position does not move', () => {
    const freshness = new ReplicaFreshness(10_000);
    for (let at = 0; at <= 60_000; at += 1_000) freshness.recordPrimary(at, 500n);
    expect(freshness.stalenessMs(500n, 60_100)).toBe(100);
  });

  it('grows while the replica stays behind a busy primary', () => {
    const freshness = new ReplicaFreshness(10_000);
    freshness.recordPrimary(1_000, 100n);
    freshness.recordPrimary(2_000, 200n);
    freshness.recordPrimary(3_000, 300n);
    expect(freshness.stalenessMs(250n, 3_100)).toBe(1_100);
    expect(freshness.stalenessMs(100n, 3_100)).toBe(2_100);
  });

  it('forgets samples older than it keeps, so a replica that far behind is unknown', () => {
    const freshness = new ReplicaFreshness(5_000);
    freshness.recordPrimary(1_000, 100n);
    for (let at = 2_000; at <= 10_000; at += 1_000) freshness.recordPrimary(at, BigInt(at));
    expect(freshness.stalenessMs(100n, 10_000)).toBeUndefined();
    expect(freshness.stalenessMs(6_000n, 10_000)).toBe(4_000);
  });
});
