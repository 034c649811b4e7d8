import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PasswordHasher } from '../../../modules/identity/users/password-hasher';
import { newId } from '../ids';
import { DEMO_PRODUCTS } from './demo-products';

export const DEMO_USERS = [
  { email: 'admin@depot.local', displayName: 'Ada Admin', role: 'admin' },
  { email: 'manager@depot.local', displayName: 'Max Manager', role: 'manager' },
  { email: 'clerk@depot.local', displayName: 'Chris Clerk', role: 'clerk' },
  { email: 'viewer@depot.local', displayName: 'Vic Viewer', role: 'viewer' },
] as const;

/**
 * Demo data for a new user's first start: four users (one per built-in role) and a small
 * catalogue. Runs only on an empty database and only when demo data is wanted (the embedded
 * database by default; `npm run db:seed` or SEED_DEMO_DATA=true for an external one).
 */
@Injectable()
export class DemoDataSeeder {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Seeds when configured to and the database has no users yet. Returns whether it seeded. */
  async seedIfWanted(): Promise<boolean> {
    if (!this.config.database.seedDemoData) return false;
    return this.seed();
  }

  async seed(): Promise<boolean> {
    const [{ count }] = await this.dataSource.query<[{ count: number }]>('SELECT count(*)::int AS count FROM users');
    if (count > 0) return false;
    const passwordHash = await this.hasher.hash(this.config.demoPassword);
    await this.dataSource.transaction(async (manager) => {
      for (const user of DEMO_USERS) {
        const id = newId();
        await manager.query(
          `INSERT INTO users (id, email, display_name, password_hash, status, version) VALUES ($1, $2, $3, $4, 'active', 1)`,
          [id, user.email, user.displayName, passwordHash],
        );
        await manager.query(`INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE name = $2`, [
          id,
          user.role,
        ]);
      }
      for (const product of DEMO_PRODUCTS) {
        await manager.query(
          `INSERT INTO products (id, sku, name, description, unit, price_minor, currency, status, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', 1)`,
          [newId(), product.sku, product.name, product.description, product.unit, product.priceMinor, product.currency],
        );
      }
    });
    this.logger.log(`seeded demo data: ${DEMO_USERS.length} users, ${DEMO_PRODUCTS.length} products`);
    return true;
  }
}
