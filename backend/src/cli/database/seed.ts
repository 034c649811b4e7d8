import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module';
import { DemoDataSeeder } from '../../seed/demo-data.seeder';
import { runMigrations } from '../../platform/database/migrations-runner';
import { withDatabase } from './with-database';

/** `npm run db:seed`: migrates, then seeds demo users and products into an empty database. */
void withDatabase(async (config) => {
  await runMigrations({ url: config.database.directUrl, ssl: config.database.ssl });
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    await app.init();
    const seeded = await app.get(DemoDataSeeder).seed();
    process.stdout.write(seeded ? 'seeded demo data\n' : 'the database already has users; nothing seeded\n');
  } finally {
    await app.close();
  }
}).catch((error: unknown) => {
  process.stderr.write(`seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
