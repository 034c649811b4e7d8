import type { FastifyReply } from 'fastify';
import { formatPolicy, formatState, secondsUntil, setRateLimitHeaders } from './rate-limit-headers';

/** Just enough of a Fastify reply to hold headers. */
function fakeReply(): FastifyReply & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  const reply = {
    headers,
    getHeader: (name: string) => headers[name],
    header(name: string, value: string) {
      headers[name] = value;
      return reply;
    },
  };
  return reply as unknown as FastifyReply & { headers: Record<string, string> };
}

describe('rate-limit headers', () => {
  it('announces a policy as a structured-field item with its quota and window', () => {
    expect(formatPolicy({ name: 'default', quota: 1200, windowSeconds: 60 })).toBe('"default";q=1200;w=60');
  });

  it('states what is left and the whole seconds until the window resets, rounded up', () => {
    expect(formatState('default', 1187, 41_200)).toBe('"default";r=1187;t=42');
    expect(formatState('bulk', 0, 1)).toBe('"bulk";r=0;t=1');
    expect(formatState('default', -3, 0)).toBe('"default";r=0;t=0');
    expect(secondsUntil(-5)).toBe(0);
  });

  it('lists every policy that counted the request, in the order they counted it', () => {
    const reply = fakeReply();
    setRateLimitHeaders(reply, '"default";q=1200;w=60', '"default";r=10;t=5');
    setRateLimitHeaders(reply, '"auth-ip";q=120;w=60', '"auth-ip";r=119;t=60');
    expect(reply.headers['ratelimit-policy']).toBe('"default";q=1200;w=60, "auth-ip";q=120;w=60');
    expect(reply.headers.ratelimit).toBe('"default";r=10;t=5, "auth-ip";r=119;t=60');
  });
});
