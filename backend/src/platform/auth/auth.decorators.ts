import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiSecurity,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Permission } from '@depot/contracts';
import { EXTENSIONS } from '../openapi/document/extensions';
import { ProblemDetailsDto } from '../openapi/problem-details.dto';
import { API_RATE_LIMIT_POLICY, type ApiRateLimitPolicy } from '../rate-limit/api-rate-limit';

export const IS_PUBLIC = 'depot:isPublic';
export const REQUIRED_PERMISSION = 'depot:requiredPermission';
export const ALLOW_WITHOUT_MFA = 'depot:allowWithoutMfa';

/** Marks a route as open to anonymous callers. Every other route requires authentication. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(EXTENSIONS.public, true));

/**
 * Keeps an account-setup route open to users whose role requires MFA but who have not enrolled
 * yet, and to users who must replace a temporary password (who am I, own profile, password,
 * sessions, MFA enrolment). Every other route answers 403 for them.
 */
export const AllowWithoutMfa = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ALLOW_WITHOUT_MFA, true), ApiExtension(EXTENSIONS.allowWithoutMfa, true));

/**
 * Requires a signed-in caller and, when given, one permission. Documents the security
 * requirement, the permission (`x-permission`) and the 401/403 problems in OpenAPI (the 429 and
 * the rate-limit headers are added to every secured operation by `buildOpenApiDocument`).
 * `rateLimit: 'bulk'` counts the route against the lower bulk budget (`x-rate-limit-policy`).
 */
export function Authenticated(
  options: { permission?: Permission; rateLimit?: ApiRateLimitPolicy } = {},
): MethodDecorator & ClassDecorator {
  const decorators = [
    ApiBearerAuth('bearer'),
    ApiSecurity('apiKey'),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired credentials.', type: ProblemDetailsDto }),
  ];
  if (options.permission) {
    decorators.push(
      SetMetadata(REQUIRED_PERMISSION, options.permission),
      ApiExtension('x-permission', options.permission),
      ApiForbiddenResponse({ description: `Requires permission \`${options.permission}\`.`, type: ProblemDetailsDto }),
    );
  }
  if (options.rateLimit && options.rateLimit !== 'default') {
    decorators.push(
      SetMetadata(API_RATE_LIMIT_POLICY, options.rateLimit),
      ApiExtension('x-rate-limit-policy', options.rateLimit),
    );
  }
  return applyDecorators(...decorators);
}
