import type { AppConfig } from '../config/app-config';
import { RecentWriters } from './recent-writers';

const config = {
  database: { read: { url: 'postgres://replica/depot', poolMax: 5, maxLagSeconds: 5 } },
  rateLimits: { keyPrefix: 'depot' },
  redisUrl: undefined,
} as unknown as AppConfig;

describe('RecentWriters', () => {
  it('sends a writer to the primary for the lag bound plus two probe intervals, then no longer', async () => {
    const writers = new RecentWriters(config);
    expect(writers.windowMs).toBe(7_000);
    await writers.remember('user-1', 1_000);
    expect(await writers.wroteRecently('user-1', 1_001)).toBe(true);
    expect(await writers.wroteRecently('user-1', 7_999)).toBe(true);
    expect(await writers.wroteRecently('user-1', 8_000)).toBe(false);
  });

  it('keeps each user apart', async () => {
    const writers = new RecentWriters(config);
    await writers.remember('user-1', 1_000);
    expect(await writers.wroteRecently('user-2', 1_001)).toBe(false);
  });

  it('extends the window with every new write', async () => {
    const writers = new RecentWriters(config);
    await writers.remember('user-1', 1_000);
    await writers.remember('user-1', 6_000);
    expect(await writers.wroteRecently('user-1', 12_000)).toBe(true);
  });
});
