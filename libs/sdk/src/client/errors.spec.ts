import { DepotApiError, DepotError, DepotTimeoutError, ErrorCode, parseRetryAfter } from './errors';

describe('errors', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('builds DepotApiError from a problem response, with retryAfter', () => {
    const response = new Response(null, { status: 429, headers: { 'retry-after': '7', 'x-request-id': 'hdr-id' } });
    const error = DepotApiError.fromResponse(
      response,
      { type: 'about:blank', title: 'Too many requests', status: 429, code: ErrorCode.TooManyRequests },
      'POST',
    );
    expect(error).toBeInstanceOf(DepotError);
    expect(error).toMatchObject({ status: 429, code: 'REQUEST.TOO_MANY_REQUESTS', retryAfter: 7, requestId: 'hdr-id' });
    expect(error.message).toBe('429 REQUEST.TOO_MANY_REQUESTS: Too many requests');
  });

  it('keeps the code type open to codes added after this SDK version', () => {
    const error = new DepotApiError({ status: 400, problem: { type: 'x', title: 't', status: 400, code: 'NEW.CODE' } });
    const known: boolean = error.code === ErrorCode.ValidationFailed;
    expect(known).toBe(false);
    expect(error.code).toBe('NEW.CODE');
  });

  it('names timeouts', () => {
    const error = new DepotTimeoutError(1500);
    expect(error.name).toBe('DepotTimeoutError');
    expect(error.message).toBe('No answer within 1500 ms');
  });
});
