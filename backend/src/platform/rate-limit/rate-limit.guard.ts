import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse } from '@nestjs/swagger';
import { applyDecorators, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimits } from './rate-limits';

const RATE_LIMIT_BY_IP = 'depot:rateLimitByIp';

/** Counts each request per client IP in the `auth-ip` bucket before the handler runs. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.reflector.get<boolean | undefined>(RATE_LIMIT_BY_IP, context.getHandler())) return true;
    const http = context.switchToHttp();
    await this.limits.limit(
      'auth-ip',
      http.getRequest<FastifyRequest>().ip.toLowerCase(),
      http.getResponse<FastifyReply>(),
    );
    return true;
  }
}

/** Limits a route per client IP (`auth-ip`: sign-in, refresh, reset, MFA) and documents the 429. */
export function RateLimitedByIp(): MethodDecorator {
  return applyDecorators(
    SetMetadata(RATE_LIMIT_BY_IP, true),
    UseGuards(RateLimitGuard),
    ApiResponse({
      status: 429,
      description: 'Too many requests; retry after `Retry-After` seconds.',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
    }),
  );
}
