import { ErrorCode } from '@depot/contracts';
import { PROBLEM_CATALOGUE } from './problem-catalogue';
import { documentProblemCodes, problemExample } from './problem-codes';
import type { Document, ResponseObject } from './walk';

function documentWith(operation: Record<string, unknown>): Document {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: { '/api/v1/things': { post: { responses: { '201': { description: 'Created.' } }, ...operation } } },
    components: {
      schemas: { UpdateThingDto: { type: 'object', properties: { version: { type: 'integer' } } } },
    },
  };
}

function responses(document: Document): Record<string, ResponseObject & { 'x-problem-codes'?: string[] }> {
  return document.paths['/api/v1/things'].post!.responses as Record<string, ResponseObject>;
}

describe('documentProblemCodes', () => {
  it('derives the codes of a signed-in operation with a JSON body, a cursor and an Idempotency-Key', () => {
    const document = documentWith({
      security: [{ bearer: [] }],
      parameters: [
        { name: 'cursor', in: 'query' },
        { name: 'Idempotency-Key', in: 'header' },
      ],
      requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/UpdateThingDto' } } } },
    });
    documentProblemCodes(document);
    const codes = Object.fromEntries(
      Object.entries(responses(document)).map(([status, response]) => [status, response['x-problem-codes']]),
    );
    expect(codes).toEqual({
      '201': undefined,
      '400': [ErrorCode.ValidationFailed, ErrorCode.InvalidCursor, ErrorCode.MalformedBody],
      '401': [ErrorCode.Unauthenticated],
      '403': [ErrorCode.Forbidden, ErrorCode.MfaEnrollmentRequired, ErrorCode.PasswordChangeRequired],
      '409': [ErrorCode.IdempotencyKeyInProgress, ErrorCode.VersionConflict],
      '413': [ErrorCode.PayloadTooLarge],
      '415': [ErrorCode.UnsupportedMediaType],
      '422': [ErrorCode.IdempotencyKeyReused],
      '503': undefined,
    });
    expect(responses(document)['503']).toEqual({ $ref: '#/components/responses/ServiceUnavailable' });
  });

  it('adds declared codes under their usual status, or the one named, keeping the description', () => {
    const document = documentWith({
      'x-public': undefined,
      'x-problem-codes': [ErrorCode.SkuTaken, { status: 409, code: ErrorCode.Forbidden }, ErrorCode.ProductNotFound],
      responses: { '201': { description: 'Created.' }, '409': { description: 'Taken.' } },
    });
    documentProblemCodes(document);
    expect(responses(document)['409']).toMatchObject({
      description: 'Taken.',
      'x-problem-codes': [ErrorCode.SkuTaken, ErrorCode.Forbidden],
    });
    expect(responses(document)['404']['x-problem-codes']).toEqual([ErrorCode.ProductNotFound]);
    expect(document.paths['/api/v1/things'].post).not.toHaveProperty('x-problem-codes');
  });

  it('leaves out the MFA and password-change refusals on routes open without MFA', () => {
    const document = documentWith({ security: [{ bearer: [] }], 'x-allow-without-mfa': true });
    documentProblemCodes(document);
    expect(responses(document)['403']['x-problem-codes']).toEqual([ErrorCode.Forbidden]);
    expect(document.paths['/api/v1/things'].post).not.toHaveProperty('x-allow-without-mfa');
  });

  it('shows one example per code, with the status of the response it is listed under', () => {
    const document = documentWith({ 'x-problem-codes': [{ status: 409, code: ErrorCode.Forbidden }] });
    documentProblemCodes(document);
    const media = responses(document)['409'].content?.['application/problem+json'];
    expect(media?.examples).toEqual({ [ErrorCode.Forbidden]: { $ref: '#/components/examples/AUTH.FORBIDDEN.409' } });
    expect(document.components?.examples?.['AUTH.FORBIDDEN.409']).toMatchObject({
      summary: ErrorCode.Forbidden,
      value: { status: 409, title: 'Conflict', code: ErrorCode.Forbidden },
    });
  });

  it('knows a status and a typical detail for every error code', () => {
    for (const code of Object.values(ErrorCode)) {
      expect([code, PROBLEM_CATALOGUE[code].detail.length > 0]).toEqual([code, true]);
      expect(problemExample(PROBLEM_CATALOGUE[code].status, code)).toMatchObject({ code, type: expect.any(String) });
    }
  });
});
