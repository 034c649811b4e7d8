import type { FastifyReply, FastifyRequest } from 'fastify';
import { IMPORT_LIMITS } from '@depot/contracts';
import { DRAIN_REFUSED_BODY_BYTES, refuseDeclaredOversizeBody } from './declared-body-size';

function requestWith(headers: Record<string, string>, bodyLimit = 1000): FastifyRequest {
  return { headers, routeOptions: { bodyLimit } } as unknown as FastifyRequest;
}

function reply(): FastifyReply & { sent: Record<string, string> } {
  const sent: Record<string, string> = {};
  return {
    sent,
    header(name: string, value: string) {
      sent[name] = value;
      return this;
    },
  } as unknown as FastifyReply & { sent: Record<string, string> };
}

describe('refuseDeclaredOversizeBody', () => {
  it('lets a body within the route limit, or without a declared length, through', () => {
    expect(refuseDeclaredOversizeBody(requestWith({ 'content-length': '1000' }), reply())).toBeUndefined();
    expect(refuseDeclaredOversizeBody(requestWith({}), reply())).toBeUndefined();
    expect(refuseDeclaredOversizeBody(requestWith({ 'content-length': 'junk' }), reply())).toBeUndefined();
  });

  it('refuses a declared body over the limit with 413, keeping the connection to read it away', () => {
    const answer = reply();
    const error = refuseDeclaredOversizeBody(requestWith({ 'content-length': '1001' }), answer);
    expect(error).toMatchObject({ status: 413, code: 'REQUEST.PAYLOAD_TOO_LARGE' });
    expect(answer.sent).toEqual({});
  });

  it('closes the connection when the refused body is too large to read away', () => {
    const answer = reply();
    refuseDeclaredOversizeBody(requestWith({ 'content-length': String(DRAIN_REFUSED_BODY_BYTES + 1) }), answer);
    expect(answer.sent).toEqual({ connection: 'close' });
  });

  it('measures CSV imports against their own, larger limit', () => {
    const csv = { 'content-type': 'text/csv; charset=utf-8', 'content-length': String(IMPORT_LIMITS.maxBytes) };
    expect(refuseDeclaredOversizeBody(requestWith(csv), reply())).toBeUndefined();
    const over = { ...csv, 'content-length': String(IMPORT_LIMITS.maxBytes + 1) };
    expect(refuseDeclaredOversizeBody(requestWith(over), reply())).toMatchObject({ status: 413 });
  });
});
