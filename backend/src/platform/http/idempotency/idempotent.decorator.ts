import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { DepotRoute } from '../route-options';
import { IdempotencyInterceptor } from './idempotency.interceptor';

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } };

/**
 * Makes a state-changing operation safe to retry with an `Idempotency-Key` header (see
 * IdempotencyInterceptor). Every state-changing operation has it, except the few that cannot
 * honour a key, which refuse one with 400 (see registerIdempotencyRefusal).
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    DepotRoute({ idempotent: true }),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (e.g. a UUID) per logical request. A retry with the same key and body returns the ' +
        'first response (header `Idempotent-Replayed: true`) instead of acting twice; kept for 24 hours.',
      schema: { type: 'string', maxLength: 255, example: '5f0c2a9e-3b5d-4b8e-9a61-2c7d1e0f4a3b' },
    }),
    ApiResponse({
      status: 422,
      description: 'The Idempotency-Key was used before with a different body.',
      content: PROBLEM,
    }),
  );
}
