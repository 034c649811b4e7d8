import { BadRequestException, ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError, VersionConflictError } from './app-error';
import { mapError } from './error-mapper';

const request = { id: 'req-1', url: '/api/v1/things?x=1', method: 'GET' };

describe('mapError', () => {
  it('keeps the status, code and field errors of business errors', () => {
    const { problem, unexpected } = mapError(
      new AppError(422, 'X.Y', 'Unprocessable', 'nope', [{ field: 'a', message: 'bad' }]),
      request,
    );
    expect(unexpected).toBe(false);
    expect(problem).toEqual({
      type: 'https://depot.dev/problems/422',
      title: 'Unprocessable',
      status: 422,
      detail: 'nope',
      code: 'X.Y',
      instance: request.url,
      requestId: 'req-1',
      errors: [{ field: 'a', message: 'bad' }],
    });
  });

  it('explains a stale version', () => {
    const { problem } = mapError(new VersionConflictError('product', 3), request);
    expect(problem.status).toBe(409);
    expect(problem.code).toBe('REQUEST.VERSION_CONFLICT');
    expect(problem.detail).toMatch(/version 3 is stale/);
  });

  it('rewrites Nest route-not-found messages without echoing internals', () => {
    const { problem } = mapError(new NotFoundException('Cannot GET /api/v1/things?x=1'), request);
    expect(problem).toMatchObject({
      status: 404,
      code: 'REQUEST.NOT_FOUND',
      detail: 'No resource at GET /api/v1/things.',
    });
  });

  it('treats framework 400s with a plain message as malformed bodies', () => {
    const { problem } = mapError(new HttpException('Body is not valid JSON', 400), request);
    expect(problem.code).toBe('REQUEST.MALFORMED_BODY');
    expect(mapError(new BadRequestException(), request).problem.code).toBe('REQUEST.VALIDATION_FAILED');
    expect(mapError(new ForbiddenException(), request).problem.code).toBe('AUTH.FORBIDDEN');
  });

  it('maps a database type error to 400 and a serialization failure to 409', () => {
    const invalid = new QueryFailedError(
      'SELECT',
      [],
      Object.assign(new Error('invalid input syntax'), { code: '22P02' }),
    );
    expect(mapError(invalid, request).problem.status).toBe(400);
    const serialization = new QueryFailedError(
      'UPDATE',
      [],
      Object.assign(new Error('could not serialize'), { code: '40001' }),
    );
    expect(mapError(serialization, request).problem.status).toBe(409);
  });

  it('answers 503 SERVER.UNAVAILABLE (an answer, not a fault) when the database cannot be reached', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection'), { code: '57P01' })),
      Object.assign(new Error('Query runner already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }),
    ]) {
      const { problem, unexpected } = mapError(error, request);
      expect([problem.status, problem.code, unexpected]).toEqual([503, 'SERVER.UNAVAILABLE', false]);
    }
  });

  it('turns data exceptions and constraint violations the services did not translate into 4xx', () => {
    const failed = (code: string) => new QueryFailedError('INSERT', [], Object.assign(new Error('x'), { code }));
    expect(mapError(failed('22021'), request).problem).toMatchObject({
      status: 400,
      code: 'REQUEST.VALIDATION_FAILED',
    });
    expect(mapError(failed('22007'), request).problem.status).toBe(400);
    expect(mapError(failed('23502'), request).problem.status).toBe(400);
    expect(mapError(failed('23505'), request).problem).toMatchObject({ status: 409, code: 'REQUEST.CONFLICT' });
    expect(mapError(failed('42P01'), request).problem.status).toBe(500);
  });

  it('gives every problem a code, falling back to one for its status class', () => {
    const teapot = Object.assign(new Error('no'), { statusCode: 418 });
    expect(mapError(teapot, request).problem).toMatchObject({ status: 418, code: 'REQUEST.BAD_REQUEST' });
    expect(mapError(new HttpException('gone', 410), request).problem.code).toBe('REQUEST.BAD_REQUEST');
    expect(mapError(new HttpException('x', 502), request).problem.code).toBe('SERVER.INTERNAL');
  });

  it("maps the router's own refusals", () => {
    const badUrl = Object.assign(new Error('bad'), { code: 'FST_ERR_BAD_URL', statusCode: 400 });
    const longParam = Object.assign(new Error('long'), { code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 });
    expect(mapError(badUrl, request).problem).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_URL' });
    expect(mapError(longParam, request).problem).toMatchObject({ status: 414, code: 'REQUEST.URI_TOO_LONG' });
  });

  it('turns anything else into a 500 that reveals nothing', () => {
    const { problem, unexpected } = mapError(new Error('secret table users_private is missing'), request);
    expect(unexpected).toBe(true);
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('users_private');
  });
});
