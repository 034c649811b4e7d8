import { PollingLoop } from './polling-loop';

const logger = { warn: jest.fn(), error: jest.fn() };
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('PollingLoop', () => {
  afterEach(() => jest.clearAllMocks());

  it('runs a pass at start, again at once after a full batch, and waits the interval when idle', async () => {
    const results = [10, 3, 0];
    const pass = jest.fn(() => Promise.resolve(results.shift() ?? 0));
    const loop = new PollingLoop({ name: 'test', pass, batchSize: 10, intervalMs: 60_000, logger });
    loop.start();
    await until(() => pass.mock.calls.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(pass).toHaveBeenCalledTimes(2);
    loop.wake();
    await until(() => pass.mock.calls.length >= 3);
    expect(pass).toHaveBeenCalledTimes(3);
    await loop.stop();
  });

  it('logs an outage as a warning and a bug as an error', async () => {
    const errors = [Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), new Error('bug')];
    const pass = jest.fn(() => Promise.reject(errors.shift() ?? new Error('again')));
    const loop = new PollingLoop({ name: 'test', pass, batchSize: 10, intervalMs: 1, logger });
    loop.start();
    await until(() => pass.mock.calls.length >= 2);
    await loop.stop();
    expect(logger.warn).toHaveBeenCalledWith({ failures: 1 }, 'test waiting for the database');
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ failures: 2 }), 'test failed; will retry');
  });

  it('stop() waits for the pass in progress and prevents further passes', async () => {
    let finish!: () => void;
    const pass = jest.fn(() => new Promise<number>((resolve) => (finish = () => resolve(0))));
    const loop = new PollingLoop({ name: 'test', pass, batchSize: 10, intervalMs: 1, logger });
    loop.start();
    await until(() => pass.mock.calls.length === 1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    loop.wake();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pass).toHaveBeenCalledTimes(1);
  });
});
