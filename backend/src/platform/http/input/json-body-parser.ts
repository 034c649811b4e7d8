import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '@depot/contracts';
import { AppError, ValidationError } from '../app-error';
import { BodyShapeError, exceedsDepth, inspectJson, INPUT_LIMITS } from './inspect-input';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function malformed(detail: string): AppError {
  return new AppError(400, ErrorCode.MalformedBody, 'Bad Request', detail);
}

/**
 * Turns a JSON request body into a value, or throws the 400 the client should get:
 * not UTF-8, empty, not JSON, nested deeper than INPUT_LIMITS.maxDepth, too many entries,
 * prototype keys, or strings with control characters (named by field).
 */
export function parseJsonBody(raw: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw malformed('The body is not valid UTF-8.');
  }
  if (text.trim().length === 0) throw malformed('The body is empty but Content-Type is application/json.');
  if (exceedsDepth(text, INPUT_LIMITS.maxDepth)) {
    throw malformed(`The body is nested deeper than ${INPUT_LIMITS.maxDepth} levels.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed('The body is not valid JSON.');
  }
  let errors;
  try {
    errors = inspectJson(value);
  } catch (error) {
    if (error instanceof BodyShapeError) throw malformed(error.message);
    throw error;
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return value;
}

/** Replaces Fastify's JSON parser with parseJsonBody, for every route. */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
