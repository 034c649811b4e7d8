import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** The description of an error response, by status (also used for responses the post-processors add). */
export const PROBLEM_RESPONSE_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: malformed JSON, unknown or invalid fields (see `errors`).',
  401: 'Not signed in: the access token or API key is missing, invalid or expired.',
  403: 'Signed in, but not allowed to do this.',
  404: 'No such resource.',
  409: 'Conflict: stale `version`, duplicate key or a state that does not allow this.',
  413: 'Request body too large.',
  415: 'Unsupported Content-Type.',
  414: 'A path segment or the URL is longer than the server accepts.',
  422: 'Unprocessable request.',
  429: 'Too many requests; retry after `Retry-After` seconds.',
  503: 'Temporarily unavailable (database unreachable, restarting or shutting down); retry after `Retry-After` seconds.',
};

/** Documents problem+json error responses of an operation. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_RESPONSE_DESCRIPTIONS[status] ?? 'Error.',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
      }),
    ),
  );
}
