import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ResponseObject,
} from '@nestjs/swagger';
import { ASYNCAPI_PATH } from '../asyncapi/asyncapi';
import { FieldErrorDto, ProblemDetailsDto } from './problem-details.dto';
import { API_VERSION } from './document/api-version';
import { composeExamples } from './document/examples';
import { documentDeprecations } from './document/deprecations';
import { documentProblemCodes } from './document/problem-codes';
import { documentResponseHeaders } from './document/response-headers';
import { integerTypes } from './document/integer-types';
import { describePathIds } from './document/path-parameters';
import { markPublicOperations } from './document/public-operations';
import { nameSharedEnums } from './document/shared-enums';
import { declareServers } from './document/servers';
import { stringFormats } from './document/string-formats';
import { declareTags } from './document/tags';

/** Builds the OpenAPI document from the controllers, DTOs and decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Depot API')
    .setDescription(
      'Inventory and order management. All errors are RFC 9457 `application/problem+json`. ' +
        'Lists use keyset pagination (`limit`, `cursor` → `nextCursor`). Updates carry `version` for optimistic locking. ' +
        'Every authenticated request counts against the rate limit of its user or API key; the `RateLimit` and ' +
        '`RateLimit-Policy` headers (draft-ietf-httpapi-ratelimit-headers) say what is left, and a spent budget ' +
        'answers 429 with `Retry-After`. ' +
        'Webhook bodies and WebSocket (socket.io) messages, with a JSON Schema for every event, are described by the ' +
        `AsyncAPI document at [${ASYNCAPI_PATH}](${ASYNCAPI_PATH}).`,
    )
    .setExternalDoc('Events: AsyncAPI document (webhooks, WebSocket)', ASYNCAPI_PATH)
    .setVersion(API_VERSION)
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'Access JWT from /auth/login, or an API key (dpk_...).' },
      'bearer',
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'API key (dpk_...).' }, 'apiKey')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
    extraModels: [ProblemDetailsDto, FieldErrorDto],
  });
  // Problem responses are declared with content type application/problem+json; make sure every
  // documented error response uses that media type even where Nest defaulted to application/json.
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      const responses = (operation as { responses?: Record<string, { content?: Record<string, unknown> }> }).responses;
      if (!responses) continue;
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && response.content?.['application/json']) {
          response.content = { 'application/problem+json': response.content['application/json'] };
        }
      }
    }
  }
  // Each step is one module under document/ with its own spec; the order matters where noted.
  declareServers(document);
  declareTags(document);
  markPublicOperations(document); // before documentProblemCodes: public operations answer no 401/403
  documentRateLimits(document); // secured operations: 429 and RateLimit headers
  integerTypes(document);
  stringFormats(document);
  describePathIds(document);
  documentProblemCodes(document);
  documentDeprecations(document);
  documentResponseHeaders(document); // after the steps that add responses and header references
  nameSharedEnums(document);
  composeExamples(document); // last: examples are built from the final schemas
  return document;
}

const PROBLEM_CONTENT = {
  'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } },
};

/**
 * Every authenticated operation is rate-limited per user or API key (in the global guard, so no
 * controller declares it): give each one the 429 problem, and the answers of a rate-limited
 * operation (those, and the public ones limited per address) the `RateLimit` headers. Not on
 * answers given before the request is counted: 413 and 415 (body parsing) and, on authenticated
 * operations, 401.
 */
function documentRateLimits(document: OpenAPIObject): void {
  document.components = {
    ...document.components,
    headers: {
      ...document.components?.headers,
      RateLimit: {
        description:
          'What is left of each quota policy that counted this request, as a Structured Field List ' +
          '(draft-ietf-httpapi-ratelimit-headers-09): `"default";r=1187;t=42` means 1187 requests left in the ' +
          'window of policy `default`, which resets in 42 seconds. Policies: `default` (authenticated operations, ' +
          'per user or API key), `bulk` (CSV imports and exports, per user or API key, instead of `default`), ' +
          '`auth-ip` (sign-in, refresh, password reset and MFA, per client address).',
        schema: { type: 'string', example: '"default";r=1187;t=42' },
      },
      'RateLimit-Policy': {
        description:
          'The quota policies that counted this request: `"default";q=1200;w=60` allows 1200 requests per ' +
          'window of 60 seconds. The figures are the server configuration.',
        schema: { type: 'string', example: '"default";q=1200;w=60' },
      },
      'Retry-After': {
        description: 'Seconds to wait before sending the request again.',
        schema: { type: 'integer', minimum: 1, example: 42 },
      },
    },
  };
  const rateLimitHeaders = {
    RateLimit: { $ref: '#/components/headers/RateLimit' },
    'RateLimit-Policy': { $ref: '#/components/headers/RateLimit-Policy' },
  };
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem) as OperationObject[]) {
      const responses = operation.responses as Record<string, ResponseObject> | undefined;
      if (!responses) continue;
      const secured = (operation.security?.length ?? 0) > 0;
      if (secured && !responses['429']) {
        responses['429'] = {
          description:
            'Too many requests: the rate limit of this user or API key is spent (see `RateLimit`); ' +
            'retry after `Retry-After` seconds.',
          content: PROBLEM_CONTENT,
        };
      }
      if (!responses['429']) continue;
      for (const [status, response] of Object.entries(responses)) {
        if (status === '413' || status === '415' || (secured && status === '401')) continue;
        response.headers = {
          ...response.headers,
          ...rateLimitHeaders,
          ...(status === '429' ? { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } : {}),
        };
      }
    }
  }
}

/** Serves Swagger UI at /api/docs and the document at /api/openapi.json. */
export function mountSwaggerUi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Depot API',
    swaggerOptions: {
      persistAuthorization: true,
      displayOperationId: true,
      tryItOutEnabled: true,
      showExtensions: true,
    },
  });
}
