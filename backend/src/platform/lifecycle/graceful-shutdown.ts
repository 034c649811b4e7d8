import type { Logger } from 'pino';

export interface ShutdownStep {
  name: string;
  run(): unknown;
}

const STEP_FLOOR_MS = 250;

/**
 * Runs the shutdown steps in order, each logged with its duration and bounded by what is left
 * of the grace period, so the process exits in time whatever state it is in (the database
 * already gone, a worker stuck). Resolves true when every step completed cleanly.
 */
export async function runShutdown(steps: ShutdownStep[], graceMs: number, logger: Logger): Promise<boolean> {
  const deadline = Date.now() + graceMs;
  let clean = true;
  for (const [index, step] of steps.entries()) {
    const started = Date.now();
    // Leave every later step at least its floor, so the last ones (pool, database) still run.
    const reserved = STEP_FLOOR_MS * (steps.length - index - 1);
    const budget = Math.max(STEP_FLOOR_MS, deadline - started - reserved);
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      Promise.resolve()
        .then(() => step.run())
        .then(
          () => 'done' as const,
          (error: unknown) => {
            logger.error({ err: error, step: step.name }, 'shutdown step failed');
            return 'failed' as const;
          },
        ),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), budget);
      }),
    ]);
    clearTimeout(timer);
    const ms = Date.now() - started;
    if (outcome === 'done') logger.info({ step: step.name, ms }, `shutdown: ${step.name} done`);
    else if (outcome === 'timeout') logger.warn({ step: step.name, ms }, `shutdown: ${step.name} timed out`);
    if (outcome !== 'done') clean = false;
  }
  return clean;
}
