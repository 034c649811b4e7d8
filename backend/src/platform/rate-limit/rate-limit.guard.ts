import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse } from '@nestjs/swagger';
import { applyDecorators, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RateLimits, type RateLimitBucket } from './rate-limits';

const RATE_LIMIT_BUCKET = 'depot:rateLimitBucket';

/** Counts each request per client IP in the bucket before the handler runs. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.get<RateLimitBucket | undefined>(RATE_LIMIT_BUCKET, context.getHandler());
    if (!bucket) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await this.limits.consume(bucket, request.ip);
    return true;
  }
}

/** Limits a route per client IP (`auth-ip`: sign-in, refresh, reset, MFA) and documents the 429. */
export function RateLimitedByIp(): MethodDecorator {
  return applyDecorators(
    SetMetadata(RATE_LIMIT_BUCKET, 'auth-ip' satisfies RateLimitBucket),
    UseGuards(RateLimitGuard),
    ApiResponse({
      status: 429,
      description: 'Too many requests; retry after `Retry-After` seconds.',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
    }),
  );
}
