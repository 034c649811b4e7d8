import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ASYNCAPI_PATH } from '../asyncapi/asyncapi';
import { FieldErrorDto, ProblemDetailsDto } from './problem-details.dto';

/** Builds the OpenAPI document from the controllers, DTOs and decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Depot API')
    .setDescription(
      'Inventory and order management. All errors are RFC 9457 `application/problem+json`. ' +
        'Lists use keyset pagination (`limit`, `cursor` → `nextCursor`). Updates carry `version` for optimistic locking. ' +
        'Webhook bodies and WebSocket (socket.io) messages, with a JSON Schema for every event, are described by the ' +
        `AsyncAPI document at [${ASYNCAPI_PATH}](${ASYNCAPI_PATH}).`,
    )
    .setExternalDoc('Events: AsyncAPI document (webhooks, WebSocket)', ASYNCAPI_PATH)
    .setVersion('1.0.0')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'Access JWT from /auth/login, or an API key (dpk_...).' },
      'bearer',
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'API key (dpk_...).' }, 'apiKey')
    .addTag('identity', 'Users, roles, sessions and API keys')
    .addTag('audit', 'Audit trail and security log')
    .addTag('notifications', 'Webhooks')
    .addTag('mail', 'Outgoing e-mail: delivery state and retries')
    .addTag('auth', 'Sign in, refresh and sign out')
    .addTag('catalog', 'Products and categories')
    .addTag('inventory', 'Warehouses, stock levels and the stock ledger')
    .addTag('imports', 'CSV imports: products and opening stock')
    .addTag('health', 'Liveness and readiness')
    .addTag('development', 'Helpers for development and tests (not available in production)')
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
  return document;
}

/** Serves Swagger UI at /api/docs and the document at /api/openapi.json. */
export function mountSwaggerUi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Depot API',
    swaggerOptions: { persistAuthorization: true, displayOperationId: true, tryItOutEnabled: true },
  });
}
