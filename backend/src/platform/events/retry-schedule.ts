/**
 * Delay before retry `attempt` (1-based) from a schedule of seconds, with ±20 % jitter so that
 * messages which failed together (a receiver or SMTP server that was down) do not all come back
 * at the same instant. `null` once the schedule is exhausted: give up.
 */
export function retryDelayMs(schedule: readonly number[], attempt: number, random = Math.random): number | null {
  if (attempt < 1 || attempt > schedule.length) return null;
  const base = schedule[attempt - 1] * 1000;
  return Math.round(base * (0.8 + random() * 0.4));
}
