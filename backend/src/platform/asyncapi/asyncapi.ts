import type { INestApplication } from '@nestjs/common';
import {
  DOMAIN_EVENT_AGGREGATE_TYPES,
  DomainEventName,
  EVENT_READ_PERMISSION,
  REALTIME_EVENT,
  REALTIME_SESSION_ENDED,
  BULK_PROGRESS_EVENT,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '@depot/contracts';
import { loadEventSchemas, type EventSchemas, type JsonSchema } from './event-schemas';

/** Where the document is served (beside `/api/openapi.json`, under the same switch). */
export const ASYNCAPI_PATH = '/api/asyncapi.json';

/** The AsyncAPI 3.0 document, as plain JSON. */
export type AsyncApiDocument = JsonSchema & {
  asyncapi: '3.0.0';
  components: { schemas: Record<string, JsonSchema>; messages: Record<string, JsonSchema> } & JsonSchema;
};

const WEBHOOK_TEST = 'webhook.test';
const ref = (path: string) => ({ $ref: `#/${path}` });
const code = (text: string) => `\`${text}\``;

/** `purchase_order.status_changed` → `PurchaseOrderStatusChanged`. */
export function eventKey(type: string): string {
  return type
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** Points the generator's `#/definitions/X` references at `#/components/schemas/X`. */
function rebased(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebased);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string'
        ? inner.replace('#/definitions/', '#/components/schemas/')
        : rebased(inner),
    ]),
  );
}

function descriptionOf(schema: JsonSchema): string {
  return typeof schema.description === 'string' ? schema.description : '';
}

function aggregateTypeOf(type: string): string {
  return type === WEBHOOK_TEST ? 'webhook_endpoint' : DOMAIN_EVENT_AGGREGATE_TYPES[type as DomainEventName];
}

/** Name of the payload definition of an event (from the generated `DomainEventPayloads` map). */
function payloadNameOf(schemas: EventSchemas, type: string): string {
  if (type === WEBHOOK_TEST) return 'WebhookTestPayload';
  const map = schemas.definitions.DomainEventPayloads as { properties?: Record<string, { $ref?: string }> };
  const target = map.properties?.[type]?.$ref;
  if (!target) throw new Error(`No payload schema for ${type}: run \`npm run openapi\` after changing the contracts.`);
  return target.replace('#/definitions/', '');
}

const EVENT_ID = {
  type: 'string',
  format: 'uuid',
  description: 'Stable event id: the same on every delivery, attempt and replay. De-duplicate on it.',
};
const AGGREGATE_ID = {
  type: 'string',
  format: 'uuid',
  description: 'Id of the aggregate (for `stock.changed`: the product).',
};

/** The WebSocket envelope of one event type (`DomainEventEnvelope<T>`). */
function envelopeSchema(type: DomainEventName, payloadName: string, payload: JsonSchema): JsonSchema {
  return {
    type: 'object',
    title: `${type} envelope`,
    description:
      `${code(type)} as the WebSocket ${code(REALTIME_EVENT)} message carries it. ${descriptionOf(payload)}`.trim(),
    required: ['id', 'type', 'aggregateType', 'aggregateId', 'occurredAt', 'payload'],
    properties: {
      id: EVENT_ID,
      type: { type: 'string', const: type },
      aggregateType: { type: 'string', const: aggregateTypeOf(type) },
      aggregateId: AGGREGATE_ID,
      occurredAt: { type: 'string', format: 'date-time', description: 'When the change was committed.' },
      payload: ref(`components/schemas/${payloadName}`),
    },
  };
}

/** The webhook body of one event type (`WebhookMessage<T>`): `data` = aggregate + the payload's fields. */
function webhookBodySchema(type: WebhookEventType, payload: JsonSchema): JsonSchema {
  const fields = (payload.properties ?? {}) as Record<string, JsonSchema>;
  const required = (payload.required ?? []) as string[];
  return {
    type: 'object',
    title: `${type} webhook body`,
    description: `The body POSTed for ${code(type)}; the bytes signed by ${code('webhook-signature')}.`,
    required: ['id', 'type', 'timestamp', 'data'],
    properties: {
      id: { ...EVENT_ID, description: 'The event id, equal to the `webhook-id` header. De-duplicate on it.' },
      type: { type: 'string', const: type },
      timestamp: {
        type: 'string',
        format: 'date-time',
        description: 'When the event happened (not when this attempt was sent).',
      },
      data: {
        type: 'object',
        description: descriptionOf(payload),
        required: ['aggregateType', 'aggregateId', ...required],
        properties: {
          aggregateType: { type: 'string', const: aggregateTypeOf(type) },
          aggregateId: AGGREGATE_ID,
          ...fields,
        },
      },
    },
  };
}

const STANDARD_WEBHOOK_HEADERS: JsonSchema = {
  type: 'object',
  required: ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'content-type'],
  properties: {
    'webhook-id': {
      type: 'string',
      description: 'The event id (the body `id`): the same on every attempt and replay.',
    },
    'webhook-timestamp': {
      type: 'string',
      pattern: '^[0-9]+$',
      description: 'Unix time in seconds when this attempt was signed. Reject values far from your clock (5 minutes).',
    },
    'webhook-signature': {
      type: 'string',
      pattern: '^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$',
      description:
        '`v1,` + base64(HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<raw body>")), where key is the ' +
        'base64-decoded part of the endpoint secret after `whsec_`. Space-separated when there are several.',
    },
    'content-type': { type: 'string', const: 'application/json' },
    'user-agent': { type: 'string', description: 'Depot-Webhooks/<version>' },
    traceparent: {
      type: 'string',
      pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
      description:
        'W3C Trace Context, sent when Depot exports traces (OTEL_EXPORTER_OTLP_ENDPOINT): the delivery continues ' +
        'the trace of the request that caused the event.',
    },
  },
};

function permissionTable(): string {
  const rows = Object.entries(EVENT_READ_PERMISSION).map(([aggregate, permission]) => {
    const events = Object.values(DomainEventName).filter((type) => DOMAIN_EVENT_AGGREGATE_TYPES[type] === aggregate);
    return `| ${code(aggregate)} | ${events.map(code).join(', ')} | ${code(permission)} |`;
  });
  return ['| aggregateType | events | permission needed |', '|---|---|---|', ...rows].join('\n');
}

function description(): string {
  return `Events Depot sends when data changes, described once for both ways of receiving them.
Every event is recorded in the same transaction as its change and delivered after commit, at least
once, in commit order: receivers de-duplicate on the event id. Payload schemas are generated from
the TypeScript contracts (\`@depot/contracts\`, \`DomainEventPayloads\`). New fields may be added to
any object: ignore fields you do not know. The REST API is described by the OpenAPI document at
\`/api/openapi.json\` (Swagger UI: \`/api/docs\`).

## Webhooks (channel \`webhook\`)
An administrator registers an endpoint (\`POST /api/v1/webhooks\`) with the event types it wants
and gets its secret (\`whsec_...\`) once. Each event is POSTed to the endpoint's URL as JSON in the
[Standard Webhooks](https://www.standardwebhooks.com/) shape \`{ id, type, timestamp, data }\`,
where \`data\` holds \`aggregateType\`, \`aggregateId\` and the payload's fields. Answer 2xx within
the timeout (5 s by default); anything else, a redirect included, is retried later with backoff.

To verify a delivery: take the raw body, \`webhook-id\` and \`webhook-timestamp\`; check the timestamp
is within 5 minutes of now; compute base64(HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<raw body>"))
with key = base64-decode(secret without \`whsec_\`); compare it in constant time with each \`v1,<signature>\`
of \`webhook-signature\`. Any Standard Webhooks library does this (\`new Webhook(secret).verify(body, headers)\`).

## Live updates (channel \`realtime\`, socket.io 4)
Connect with the socket.io client to the server's origin, path \`/socket.io\`, passing the access
token from \`POST /api/v1/auth/login\` in the handshake: \`io(origin, { path: '/socket.io', auth: { token } })\`.
A missing or invalid token fails the connection with \`unauthorized\`; API keys are not accepted.
Each event arrives as a \`${REALTIME_EVENT}\` message, the same envelope for every type, only on
sockets whose user holds the permission of its aggregate (followed as roles change):

${permissionTable()}

When the socket's session ends (logout, revocation, disabled user; the internal \`session.revoked\`
event), the server sends \`${REALTIME_SESSION_ENDED}\` and disconnects; sign in again to reconnect.
Reconnect after a loss and reload what you show: events missed while disconnected are not replayed.`;
}

/**
 * Builds the AsyncAPI 3.0 document of Depot's events from the generated payload schemas and the
 * contract constants (event names, aggregates, permissions). No database, no TypeScript compiler.
 */
export function buildAsyncApiDocument(eventSchemas: EventSchemas = loadEventSchemas()): AsyncApiDocument {
  const definitions = rebased(eventSchemas.definitions) as Record<string, JsonSchema>;
  const { DomainEventPayloads: _map, ...payloadSchemas } = definitions;
  const schemas: Record<string, JsonSchema> = { ...payloadSchemas };
  const messages: Record<string, JsonSchema> = {};
  const realtimeMessages: Record<string, JsonSchema> = {};
  const webhookMessages: Record<string, JsonSchema> = {};

  for (const type of Object.values(DomainEventName)) {
    const payloadName = payloadNameOf(eventSchemas, type);
    const key = eventKey(type);
    schemas[`${key}Envelope`] = envelopeSchema(type, payloadName, definitions[payloadName]);
    const permission = EVENT_READ_PERMISSION[DOMAIN_EVENT_AGGREGATE_TYPES[type]];
    if (!permission) continue; // never pushed (session.revoked): its envelope is documented all the same
    messages[`${key}Event`] = {
      name: REALTIME_EVENT,
      title: type,
      summary: descriptionOf(definitions[payloadName]) || type,
      description: `Sent to sockets whose user holds ${code(permission)}.`,
      contentType: 'application/json',
      payload: ref(`components/schemas/${key}Envelope`),
    };
    realtimeMessages[`${key}Event`] = ref(`components/messages/${key}Event`);
  }
  messages.SessionEnded = {
    name: REALTIME_SESSION_ENDED,
    title: 'Session ended',
    summary: 'The socket session ended; the server disconnects right after this message.',
    description:
      'Sent when the session of the access token used to connect ends (a `session.revoked` event, ' +
      `schema ${code('SessionRevokedEnvelope')}) or is found expired or disabled. Carries no data.`,
  };
  realtimeMessages.SessionEnded = ref('components/messages/SessionEnded');
  messages.BulkProgress = {
    name: BULK_PROGRESS_EVENT,
    title: 'Bulk progress',
    summary: 'How far a bulk request of this user has got.',
    description:
      'Sent only to the sockets of the user who sent a bulk request (`POST /api/v1/products/bulk` and siblings) with ' +
      `an ${code('operationId')}: at the start, at most every 250 ms while it runs, and after the last row.`,
    contentType: 'application/json',
    payload: {
      type: 'object',
      required: ['operationId', 'done', 'total'],
      properties: {
        operationId: { type: 'string', format: 'uuid', description: 'The id the client sent with the request.' },
        done: { type: 'integer', minimum: 0, description: 'Rows handled so far.' },
        total: { type: 'integer', minimum: 1, description: 'Rows in the request.' },
      },
    },
  };
  realtimeMessages.BulkProgress = ref('components/messages/BulkProgress');

  for (const type of WEBHOOK_EVENT_TYPES) {
    const payloadName = payloadNameOf(eventSchemas, type);
    const key = eventKey(type);
    schemas[`${key}WebhookBody`] = webhookBodySchema(type, definitions[payloadName]);
    messages[`${key}Webhook`] = {
      name: type,
      title: type,
      summary: descriptionOf(definitions[payloadName]) || type,
      contentType: 'application/json',
      traits: [ref('components/messageTraits/StandardWebhook')],
      payload: ref(`components/schemas/${key}WebhookBody`),
    };
    webhookMessages[`${key}Webhook`] = ref(`components/messages/${key}Webhook`);
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Depot events',
      version: '1.0.0',
      description: description(),
      license: { name: 'MIT' },
    },
    defaultContentType: 'application/json',
    servers: {
      depot: {
        host: '{host}',
        protocol: 'ws',
        pathname: '/socket.io',
        title: 'Depot (socket.io)',
        description: 'Depot itself: socket.io 4 over WebSocket (HTTP long-polling as fallback); `wss` behind TLS.',
        variables: { host: { default: 'localhost:3000', description: 'Host and port of PUBLIC_URL.' } },
        security: [ref('components/securitySchemes/accessToken')],
      },
      subscriber: {
        host: '{host}',
        protocol: 'https',
        title: 'Your webhook receiver',
        description: 'The URL registered for the webhook endpoint (https; http only on private networks).',
        variables: { host: { default: 'shop.example.com', description: 'Host of the registered URL.' } },
      },
    },
    channels: {
      realtime: {
        address: '/socket.io',
        title: 'Live updates',
        description: `socket.io messages: ${code(REALTIME_EVENT)} (one per committed event), ${code(REALTIME_SESSION_ENDED)} and ${code(BULK_PROGRESS_EVENT)}.`,
        servers: [ref('servers/depot')],
        messages: realtimeMessages,
      },
      webhook: {
        address: null,
        title: 'Webhook deliveries',
        description: 'POST requests to the URL of each enabled endpoint subscribed to the event type.',
        servers: [ref('servers/subscriber')],
        messages: webhookMessages,
      },
    },
    operations: {
      pushLiveEvents: {
        action: 'send',
        channel: ref('channels/realtime'),
        title: 'Push events to connected browsers',
        summary: 'Each committed event goes to the sockets allowed to read its aggregate.',
        messages: Object.keys(realtimeMessages).map((key) => ref(`channels/realtime/messages/${key}`)),
      },
      deliverWebhook: {
        action: 'send',
        channel: ref('channels/webhook'),
        title: 'Deliver a webhook',
        summary: 'One signed POST per event and subscribed endpoint, retried until it gets a 2xx.',
        bindings: { http: { method: 'POST', bindingVersion: '0.3.0' } },
        messages: Object.keys(webhookMessages).map((key) => ref(`channels/webhook/messages/${key}`)),
      },
    },
    components: {
      schemas,
      messages,
      messageTraits: {
        StandardWebhook: { headers: STANDARD_WEBHOOK_HEADERS },
      },
      securitySchemes: {
        accessToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The access token from `POST /api/v1/auth/login`, sent in the socket.io handshake as ' +
            '`auth: { token }` (not an HTTP header). API keys are not accepted.',
        },
      },
    },
  };
}

/** Serves the document at /api/asyncapi.json (mounted with Swagger UI, under the same switch). */
export function mountAsyncApi(app: INestApplication, document: AsyncApiDocument): void {
  app.getHttpAdapter().get(ASYNCAPI_PATH, (_request: unknown, reply: { send(body: unknown): void }) => {
    reply.send(document);
  });
}
