import { retryDelayMs } from './retry-schedule';

describe('retryDelayMs', () => {
  const schedule = [10, 60, 300];

  it('waits the scheduled seconds of each attempt, within ±20 %', () => {
    expect(retryDelayMs(schedule, 1, () => 0.5)).toBe(10_000);
    expect(retryDelayMs(schedule, 2, () => 0)).toBe(48_000);
    expect(retryDelayMs(schedule, 3, () => 0.999_999)).toBe(360_000);
  });

  it('gives up once the schedule is exhausted', () => {
    expect(retryDelayMs(schedule, 4)).toBeNull();
    expect(retryDelayMs([], 1)).toBeNull();
    expect(retryDelayMs(schedule, 0)).toBeNull();
  });
});
