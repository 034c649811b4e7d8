import pino from 'pino';
import { runShutdown } from './graceful-shutdown';

const silent = pino({ level: 'silent' });

describe('runShutdown', () => {
  it('runs the steps in order and reports a clean run', async () => {
    const order: string[] = [];
    const clean = await runShutdown(
      ['http', 'workers', 'pool'].map((name) => ({ name, run: () => Promise.resolve(void order.push(name)) })),
      1000,
      silent,
    );
    expect(order).toEqual(['http', 'workers', 'pool']);
    expect(clean).toBe(true);
  });

  it('moves on past a failing or stuck step and still finishes within the grace period', async () => {
    const order: string[] = [];
    const started = Date.now();
    const clean = await runShutdown(
      [
        { name: 'stuck', run: () => new Promise(() => undefined) },
        { name: 'fails', run: () => Promise.reject(new Error('boom')) },
        { name: 'last', run: () => void order.push('last') },
      ],
      1200,
      silent,
    );
    expect(order).toEqual(['last']);
    expect(clean).toBe(false);
    expect(Date.now() - started).toBeLessThan(1400);
  });
});
