import { Writable } from 'node:stream';
import pino from 'pino';
import { PinoNestLogger } from './nest-logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: new PinoNestLogger(pino({ level: 'debug' }, stream)) };
}

describe('PinoNestLogger', () => {
  it("writes Nest's (message, context) as one line with the context", () => {
    const { lines, logger } = capture();
    logger.log('started', 'Outbox');
    logger.warn({ event: 'x' }, 'Webhooks');
    logger.verbose('hidden', 'Outbox');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, msg: 'started', context: 'Outbox' }),
      expect.objectContaining({ level: 40, event: 'x', context: 'Webhooks' }),
    ]);
  });

  it('keeps the stack Nest passes to error() and serialises errors', () => {
    const { lines, logger } = capture();
    logger.error('failed', 'Error: boom\n    at somewhere (file.js:1:1)', 'Mail');
    logger.error(new Error('broken'), 'Mail');
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'failed',
      context: 'Mail',
      stack: expect.stringContaining('boom'),
    });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'broken', context: 'Mail', err: { message: 'broken' } });
  });
});
