import { ErrorCode, changedPrice } from '@depot/contracts';
import { ConflictError, NotFoundError } from '../app-error';
import { BulkRunner, type BulkRowOutcome } from './bulk-runner';

/** A transaction host whose "transactions" just run the callback (rollback = the error propagates). */
function runner(userId: string | undefined = 'user-1') {
  const sent: { userId: string; event: string; payload: unknown }[] = [];
  const txHost = { withTransaction: (_propagation: unknown, fn: () => Promise<unknown>) => fn() };
  const cls = { isActive: () => true, get: () => (userId ? { userId } : undefined) };
  const messages = { send: (to: string, event: string, payload: unknown) => sent.push({ userId: to, event, payload }) };
  return { runner: new BulkRunner(txHost as never, cls as never, messages as never), sent };
}

describe('BulkRunner', () => {
  const ok: BulkRowOutcome = { status: 'ok', before: { status: 'active' }, after: { status: 'archived' } };

  it('answers one result per id in order, with labels, and counts them', async () => {
    const { runner: bulk } = runner();
    const result = await bulk.run({
      ids: ['a', 'b', 'c'],
      labels: new Map([['a', 'A-1 Apple']]),
      row: (id) => {
        if (id === 'b') return Promise.resolve({ status: 'unchanged' });
        if (id === 'c') return Promise.reject(new NotFoundError(ErrorCode.ProductNotFound, 'No product with id c.'));
        return Promise.resolve(ok);
      },
    });
    expect(result).toEqual({
      dryRun: false,
      results: [
        { id: 'a', label: 'A-1 Apple', ...ok },
        { id: 'b', status: 'unchanged' },
        { id: 'c', status: 'failed', error: { code: ErrorCode.ProductNotFound, detail: 'No product with id c.' } },
      ],
      summary: { ok: 1, failed: 1, unchanged: 1 },
    });
  });

  it('lets anything that is not the row’s fault (a 5xx) abort the request', async () => {
    const { runner: bulk } = runner();
    await expect(bulk.run({ ids: ['a'], row: () => Promise.reject(new Error('boom')) })).rejects.toThrow('boom');
  });

  it('rolls a dry run back and still tells what would happen', async () => {
    const { runner: bulk } = runner();
    let rolledBack = false;
    const txHost = {
      withTransaction: async (_propagation: unknown, fn: () => Promise<unknown>) => {
        try {
          return await fn();
        } catch (error) {
          rolledBack = true;
          throw error;
        }
      },
    };
    Object.assign(bulk, { txHost });
    const result = await bulk.run({ ids: ['a'], dryRun: true, row: () => Promise.resolve(ok) });
    expect(rolledBack).toBe(true);
    expect(result).toMatchObject({ dryRun: true, results: [{ id: 'a', ...ok }], summary: { ok: 1 } });
  });

  it('pushes progress to the requesting user only when an operationId was given', async () => {
    const { runner: bulk, sent } = runner('user-7');
    await bulk.run({ ids: ['a', 'b'], operationId: 'op-1', row: () => Promise.resolve(ok) });
    expect(sent[0]).toEqual({
      userId: 'user-7',
      event: 'bulk.progress',
      payload: { operationId: 'op-1', done: 0, total: 2 },
    });
    expect(sent.at(-1)).toEqual({
      userId: 'user-7',
      event: 'bulk.progress',
      payload: { operationId: 'op-1', done: 2, total: 2 },
    });
    const quiet = runner();
    await quiet.runner.run({ ids: ['a'], row: () => Promise.reject(new ConflictError('X', 'no')) });
    expect(quiet.sent).toEqual([]);
  });
});

describe('changedPrice', () => {
  it('rounds to the minor unit, halves away from zero, never below 0', () => {
    expect(changedPrice(1005, 'percent', -10)).toBe(905);
    expect(changedPrice(999, 'percent', -10)).toBe(899);
    expect(changedPrice(1000, 'percent', 12.5)).toBe(1125);
    expect(changedPrice(333, 'percent', 33.33)).toBe(444);
    expect(changedPrice(500, 'amount', -900)).toBe(0);
    expect(changedPrice(500, 'percent', -100)).toBe(0);
    expect(changedPrice(1, 'percent', 50)).toBe(2);
  });
});
