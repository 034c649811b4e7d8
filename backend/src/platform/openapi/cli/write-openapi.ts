import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '../../../app.module';
import { loadConfig } from '../../config/app-config';
import { configureRouting } from '../../http/configure-http';
import { buildOpenApiDocument } from '../openapi';

/** Default output: the committed document the SDK is generated from. */
export const OPENAPI_FILE = join(__dirname, '..', '..', '..', '..', '..', 'libs', 'sdk', 'openapi.json');

/**
 * `npm run openapi`: writes the OpenAPI document without a database. Preview mode builds the
 * module graph and routes but runs no provider factories, so nothing connects anywhere.
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
  writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`wrote ${output} (${Object.keys(document.paths).length} paths)\n`);
  process.exit(0);
}

void main();
