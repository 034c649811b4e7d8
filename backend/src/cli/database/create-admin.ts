import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { BuiltInRole } from '@depot/contracts';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../app.module';
import { UsersService } from '../../modules/identity/users/users.service';
import { runMigrations } from '../../platform/database/migrations-runner';
import { withDatabase } from './with-database';

/**
 * `ADMIN_PASSWORD=... npm run db:create-admin -- <email> "<display name>"`: creates the first
 * administrator of a production database (there is no default admin outside the demo data).
 * The password is read from the environment, never from the command line (shell history), and
 * must pass the password policy. Refuses when an active administrator already exists.
 */
void withDatabase(async (config) => {
  const [email, displayName] = process.argv.slice(2);
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !displayName || !password) {
    throw new Error('usage: ADMIN_PASSWORD=<password> npm run db:create-admin -- <email> "<display name>"');
  }
  await runMigrations({ url: config.database.directUrl, ssl: config.database.ssl });
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: ['error', 'warn'] });
  try {
    await app.init();
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const [{ admins }] = await dataSource.query<[{ admins: number }]>(
      `SELECT count(*)::int AS admins FROM users u JOIN user_roles ur ON ur.user_id = u.id
         JOIN roles r ON r.id = ur.role_id WHERE r.name = $1 AND u.status = 'active'`,
      [BuiltInRole.Admin],
    );
    if (admins > 0) throw new Error('an active administrator already exists; sign in as them to add more');
    const user = await app.get(UsersService).create({
      email,
      displayName,
      roles: [BuiltInRole.Admin],
      initialPassword: password,
    });
    // The operator chose this password: no need to replace it at first sign-in.
    await dataSource.query('UPDATE users SET must_change_password = false WHERE id = $1', [user.id]);
    process.stdout.write(`created administrator ${user.email}\n`);
  } finally {
    await app.close();
  }
}).catch((error: unknown) => {
  const detail =
    typeof error === 'object' && error !== null && 'errors' in error && Array.isArray(error.errors)
      ? (error.errors as { message: string }[]).map((entry) => entry.message).join('; ')
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`creating the administrator failed: ${detail}\n`);
  process.exit(1);
});
