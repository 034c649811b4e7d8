import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../platform/config/app-config';
import { PasswordHasher } from '../modules/identity/users/password-hasher';
import { newId } from '../platform/database/ids';
import { COMPANY_SETTINGS_ID } from '@depot/contracts';
import { seedDemoOrders, type StockedProduct } from './demo-orders';
import { DEMO_PRODUCTS } from './demo-products';

/** Demo category tree: root -> children, and which SKU prefixes go where. */
const DEMO_CATEGORIES: { name: string; parent?: string; prefixes: string[] }[] = [
  { name: 'Furniture', prefixes: ['CHAIR', 'TABLE', 'DESK', 'SHELF', 'LAMP'] },
  { name: 'Warehouse equipment', prefixes: ['PALLET', 'TROLLEY', 'LADDER', 'SCALE', 'JACK', 'KNIFE'] },
  { name: 'Packaging', parent: 'Warehouse equipment', prefixes: ['BOX', 'WRAP', 'TAPE', 'LABEL', 'BIN'] },
  { name: 'Safety', prefixes: ['HELMET', 'VEST', 'GLOVE', 'BOOT'] },
  { name: 'Office', prefixes: ['PAPER', 'PEN', 'MARKER'] },
  { name: 'IT accessories', parent: 'Office', prefixes: ['KEYB', 'MOUSE', 'MON', 'SCAN', 'CABLE', 'PRINT'] },
  { name: 'Breakroom', prefixes: ['COFFEE', 'TEA', 'WATER', 'SOAP', 'TOWEL'] },
];

export const DEMO_WAREHOUSES = [
  { code: 'BER-1', name: 'Berlin central', address: 'Lagerstraße 1, 10115 Berlin' },
  { code: 'HAM-1', name: 'Hamburg port', address: 'Kaiweg 12, 20457 Hamburg' },
  { code: 'MUC-1', name: 'Munich south', address: 'Industriestraße 7, 81379 München' },
] as const;

/** A valid EAN-13 from 12 digits (GS1 check digit appended). */
function ean13(first12: string): string {
  const sum = [...first12]
    .reverse()
    .reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 3 : 1), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

/** The demo company that issues the demo documents (a valid-format VAT id and IBAN, not real ones). */
export const DEMO_COMPANY = {
  legalName: 'Depot Demo GmbH',
  street: 'Lagerstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  countryCode: 'DE',
  vatId: 'DE123456789',
  taxNumber: '12/345/67890',
  registration: 'Amtsgericht Berlin-Charlottenburg HRB 123456',
  email: 'billing@depot-demo.example',
  phone: '+49 30 1234567',
  website: 'https://depot-demo.example',
  bankName: 'Commerzbank Berlin',
  bankAccountHolder: 'Depot Demo GmbH',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  invoiceFooter: 'Managing director: Ada Admin · Thank you for your business.',
} as const;

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
      // The demo company first: the demo orders below issue invoices, which need a seller.
      await manager.query(
        `UPDATE company_settings SET legal_name = $2, street = $3, postal_code = $4, city = $5, country_code = $6,
           vat_id = $7, tax_number = $8, registration = $9, email = $10, phone = $11, website = $12, bank_name = $13,
           bank_account_holder = $14, iban = $15, bic = $16, invoice_footer = $17
         WHERE id = $1`,
        [
          COMPANY_SETTINGS_ID,
          DEMO_COMPANY.legalName,
          DEMO_COMPANY.street,
          DEMO_COMPANY.postalCode,
          DEMO_COMPANY.city,
          DEMO_COMPANY.countryCode,
          DEMO_COMPANY.vatId,
          DEMO_COMPANY.taxNumber,
          DEMO_COMPANY.registration,
          DEMO_COMPANY.email,
          DEMO_COMPANY.phone,
          DEMO_COMPANY.website,
          DEMO_COMPANY.bankName,
          DEMO_COMPANY.bankAccountHolder,
          DEMO_COMPANY.iban,
          DEMO_COMPANY.bic,
          DEMO_COMPANY.invoiceFooter,
        ],
      );
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
      const categoryIds = new Map<string, string>();
      for (const category of DEMO_CATEGORIES) {
        const id = newId();
        categoryIds.set(category.name, id);
        await manager.query('INSERT INTO categories (id, name, parent_id) VALUES ($1, $2, $3)', [
          id,
          category.name,
          category.parent ? categoryIds.get(category.parent) : null,
        ]);
      }
      const warehouseIds: string[] = [];
      for (const warehouse of DEMO_WAREHOUSES) {
        const id = newId();
        warehouseIds.push(id);
        await manager.query('INSERT INTO warehouses (id, code, name, address) VALUES ($1, $2, $3, $4)', [
          id,
          warehouse.code,
          warehouse.name,
          warehouse.address,
        ]);
      }
      const stocked: StockedProduct[] = [];
      for (const [index, product] of DEMO_PRODUCTS.entries()) {
        const id = newId();
        const prefix = product.sku.split('-')[0];
        const category = DEMO_CATEGORIES.find((entry) => entry.prefixes.includes(prefix));
        await manager.query(
          `INSERT INTO products (id, sku, name, description, unit, price_minor, cost_minor, currency, barcode, category_id,
             attributes, reorder_point, reorder_quantity, status, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'active', 1)`,
          [
            id,
            product.sku,
            product.name,
            product.description,
            product.unit,
            product.priceMinor,
            Math.round(product.priceMinor * 0.55),
            product.currency,
            ean13(`400638${String(133393 + index).padStart(6, '0')}`),
            category ? categoryIds.get(category.name) : null,
            JSON.stringify({ origin: index % 3 === 0 ? 'DE' : index % 3 === 1 ? 'PL' : 'NL' }),
            10,
            40,
          ],
        );
        // Opening stock through the ledger (the only way stock levels change); a few start low.
        const quantities = [(index * 37) % 90, (index * 53) % 45, (index * 29) % 20];
        if (quantities[0] >= 20 && product.currency === 'EUR') stocked.push({ id, priceMinor: product.priceMinor });
        for (const [slot, quantity] of quantities.entries()) {
          if (quantity === 0) continue;
          await manager.query(
            `INSERT INTO stock_movements (id, type, product_id, warehouse_id, on_hand_change, reason_code, note, actor_type)
             VALUES ($1, 'adjustment', $2, $3, $4, 'opening_balance', 'Demo opening stock', 'system')`,
            [newId(), id, warehouseIds[slot], quantity],
          );
        }
      }
      await seedDemoOrders(manager, stocked, warehouseIds[0]);
    });
    this.logger.log(
      `seeded demo data: ${DEMO_USERS.length} users, ${DEMO_PRODUCTS.length} products, ` +
        `${DEMO_CATEGORIES.length} categories, ${DEMO_WAREHOUSES.length} warehouses with opening stock, suppliers, customers and sales history`,
    );
    return true;
  }
}
