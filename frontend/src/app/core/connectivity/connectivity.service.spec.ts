import { TestBed } from '@angular/core/testing';

import {
  ConnectivityService,
  RETRY_BASE_DELAY_MS,
  RETRY_MAX_DELAY_MS,
  retryAfterMs,
  retryDelay,
} from './connectivity.service';

describe('retryDelay', () => {
  it('doubles with every failed round, with jitter between half and all of the backoff', () => {
    expect(retryDelay(1, null, 0)).toBe(RETRY_BASE_DELAY_MS / 2);
    expect(retryDelay(1, null, 0.999_999)).toBe(RETRY_BASE_DELAY_MS);
    expect(retryDelay(3, null, 0)).toBe(2 * RETRY_BASE_DELAY_MS);
    expect(retryDelay(3, null, 0.999_999)).toBe(4 * RETRY_BASE_DELAY_MS);
  });

  it('never retries sooner than the server asked with Retry-After', () => {
    expect(retryDelay(1, 5_000, 0)).toBe(5_000);
    expect(retryDelay(4, 1_000, 0.5)).toBe(6_000);
  });

  it('never waits longer than the cap, whatever the backoff or Retry-After say', () => {
    expect(retryDelay(30, null, 0.999_999)).toBe(RETRY_MAX_DELAY_MS);
    expect(retryDelay(1, 600_000, 0)).toBe(RETRY_MAX_DELAY_MS);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-01T10:00:00Z');

  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('5', now)).toBe(5_000);
    expect(retryAfterMs('Sun, 01 Mar 2026 10:00:07 GMT', now)).toBe(7_000);
    expect(retryAfterMs('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('', now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});

describe('ConnectivityService', () => {
  let connectivity: ConnectivityService;

  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-03-01T10:00:00Z') });
    jest.spyOn(Math, 'random').mockReturnValue(0);
    connectivity = TestBed.inject(ConnectivityService);
  });

  afterEach(() => jest.useRealTimers());

  /** One waiting request: holds the outage and records when it is told to go. */
  function wait(retryAfter: number | null = null) {
    const release = connectivity.hold();
    const state = { went: false };
    connectivity.nextRound(retryAfter).subscribe(() => (state.went = true));
    return { state, release };
  }

  it('reports no outage while all is well', () => {
    expect(connectivity.outage()).toBeNull();
  });

  it('lets a request go when the round is due, honouring Retry-After', () => {
    const { state } = wait(2_000);

    expect(connectivity.outage()).toEqual({ attempt: 1, retryAt: Date.now() + 2_000 });
    jest.advanceTimersByTime(1_999);
    expect(state.went).toBe(false);
    jest.advanceTimersByTime(1);
    expect(state.went).toBe(true);
  });

  it('puts requests that fail meanwhile into the same round', () => {
    const first = wait(3_000);
    jest.advanceTimersByTime(1_000);
    const second = wait(null);

    expect(connectivity.outage()?.attempt).toBe(1);
    jest.advanceTimersByTime(2_000);
    expect(first.state.went).toBe(true);
    expect(second.state.went).toBe(true);
  });

  it('counts the rounds that fail in a row and backs off', () => {
    wait(null);
    jest.advanceTimersByTime(RETRY_BASE_DELAY_MS);
    wait(null);
    expect(connectivity.outage()).toEqual({ attempt: 2, retryAt: Date.now() + RETRY_BASE_DELAY_MS });
    jest.advanceTimersByTime(RETRY_BASE_DELAY_MS);
    wait(null);
    expect(connectivity.outage()).toEqual({ attempt: 3, retryAt: Date.now() + 2 * RETRY_BASE_DELAY_MS });
  });

  it('sends everything at once when the user asks', () => {
    const first = wait(20_000);
    const second = wait(null);

    connectivity.retryNow();

    expect(first.state.went).toBe(true);
    expect(second.state.went).toBe(true);
    expect(connectivity.outage()?.retryAt).toBe(Date.now());
  });

  it('ends the outage when the server answers, and sends whoever still waits', () => {
    const waiting = wait(20_000);

    connectivity.reachable();

    expect(connectivity.outage()).toBeNull();
    expect(waiting.state.went).toBe(true);
    // The next outage starts counting again.
    wait(null);
    expect(connectivity.outage()?.attempt).toBe(1);
  });

  it('shows the outage only while some request waits it out', () => {
    const { release } = wait(5_000);
    expect(connectivity.outage()).not.toBeNull();

    release();

    expect(connectivity.outage()).toBeNull();
  });
});
