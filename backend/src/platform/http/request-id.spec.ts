import type { IncomingMessage } from 'node:http';
import { requestIdFor } from './request-id';

const requestWith = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as IncomingMessage;

describe('requestIdFor', () => {
  it('keeps a well-formed incoming id', () => {
    expect(requestIdFor(requestWith({ 'x-request-id': 'abc-123.def:9' }))).toBe('abc-123.def:9');
  });

  it('replaces ids that could forge log lines or are too long', () => {
    for (const bad of ['line\nbreak', 'a b', 'x'.repeat(129), '<script>']) {
      expect(requestIdFor(requestWith({ 'x-request-id': bad }))).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
