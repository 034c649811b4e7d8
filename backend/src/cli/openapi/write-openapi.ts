import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '../../app.module';
import { buildAsyncApiDocument } from '../../platform/asyncapi/asyncapi';
import { generateEventSchemas } from '../../platform/asyncapi/event-schema-generator';
import { EVENT_SCHEMAS_FILE } from '../../platform/asyncapi/event-schemas';
import { loadConfig } from '../../platform/config/app-config';
import { configureRouting } from '../../platform/http/configure-http';
import { buildOpenApiDocument } from '../../platform/openapi/openapi';

/** Default output: the committed document the SDK is generated from. */
export const OPENAPI_FILE = join(__dirname, '..', '..', '..', '..', 'libs', 'sdk', 'openapi.json');
/** Written beside it: the committed AsyncAPI document (events). */
export const ASYNCAPI_FILE = join(OPENAPI_FILE, '..', 'asyncapi.json');

const asJson = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;

/**
 * `npm run openapi`: writes the OpenAPI document without a database. Preview mode builds the
 * module graph and routes but runs no provider factories, so nothing connects anywhere.
 * Also regenerates the event payload schemas from the contract types
 * (libs/contracts/event-schemas.json) and writes the AsyncAPI document built from them beside
 * the OpenAPI one. With an argument, only the OpenAPI document is written, there.
 */
async function main(): Promise<void> {
  const output = process.argv[2] ? resolve(process.argv[2]) : OPENAPI_FILE;
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATABASE_URL: 'postgres://openapi@127.0.0.1:1/none',
      JWT_SECRET: 'o'.repeat(40),
      DEPOT_ENCRYPTION_KEY: `${'A'.repeat(43)}=`,
      LOG_LEVEL: 'silent',
    },
    { dotenv: false },
  );
  const app = await NestFactory.create(AppModule.register(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  configureRouting(app);
  const document = buildOpenApiDocument(app);
  writeFileSync(output, asJson(document));
  process.stdout.write(`wrote ${output} (${Object.keys(document.paths).length} paths)\n`);
  if (!process.argv[2]) {
    const eventSchemas = generateEventSchemas();
    writeFileSync(EVENT_SCHEMAS_FILE, asJson(eventSchemas));
    const asyncApi = buildAsyncApiDocument(eventSchemas);
    writeFileSync(ASYNCAPI_FILE, asJson(asyncApi));
    process.stdout.write(
      `wrote ${EVENT_SCHEMAS_FILE} and ${ASYNCAPI_FILE} (${Object.keys(asyncApi.components.messages).length} messages)\n`,
    );
  }
  process.exit(0);
}

void main();
