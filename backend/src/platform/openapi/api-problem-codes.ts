import { ApiExtension } from '@nestjs/swagger';
import type { ErrorCode } from '@depot/contracts';
import { EXTENSIONS } from './document/extensions';

/** A code, sent with its usual status (PROBLEM_CATALOGUE), or with the one named here. */
export type DeclaredProblemCode = ErrorCode | { status: number; code: ErrorCode };

/**
 * Documents the business error codes an operation can answer with (`CATALOG.SKU_TAKEN`, …). The
 * codes every operation of its kind can answer (401/403 for signed-in routes, validation and body
 * errors, cursor, idempotency, version conflicts, 503) are derived and need not be listed. Each
 * error response of the document then lists its codes in `x-problem-codes` and shows one
 * example per code in Swagger UI.
 */
export function ApiProblemCodes(...codes: DeclaredProblemCode[]): MethodDecorator {
  return ApiExtension(EXTENSIONS.problemCodes, codes);
}
