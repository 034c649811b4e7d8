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

  it('answers 503 when the database connection is refused', () => {
    const { problem, unexpected } = mapError(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      request,
    );
    expect(problem.status).toBe(503);
    expect(unexpected).toBe(true);
  });

  it('turns anything else into a 500 that reveals nothing', () => {
    const { problem, unexpected } = mapError(new Error('secret table users_private is missing'), request);
    expect(unexpected).toBe(true);
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('users_private');
  });
});
