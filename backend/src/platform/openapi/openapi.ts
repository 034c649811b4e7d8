import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
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
        'Lists use keyset pagination (`limit`, `cursor` → `nextCursor`). Updates carry `version` for optimistic locking.',
    )
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
