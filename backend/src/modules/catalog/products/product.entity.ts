import { Check, Column, Entity, Index } from 'typeorm';
import type { CurrencyCode, ProductAttributes, ProductStatus, TaxClass } from '@depot/contracts';
import { TimestampedEntity } from '../../../platform/database/base-columns';
import { bigintToNumber } from '../../../platform/database/column-transformers';

@Entity({ name: 'products' })
@Check('ck_products_price_minor', '"price_minor" >= 0')
@Check('ck_products_status', `"status" IN ('active', 'archived')`)
// Keyset pagination: one (sort column, id) index per allowlisted sort.
@Index('ix_products_created_at_id', ['createdAt', 'id'])
@Index('ix_products_updated_at_id', ['updatedAt', 'id'])
@Index('ix_products_name_id', ['name', 'id'])
@Index('ix_products_sku_id', ['sku', 'id'])
@Index('ix_products_price_minor_id', ['priceMinor', 'id'])
// Expression and trigram indexes TypeORM cannot describe; they live in the migrations only.
@Index('ux_products_sku_lower', { synchronize: false })
@Index('ix_products_sku_trgm', { synchronize: false })
@Index('ix_products_name_trgm', { synchronize: false })
@Index('ix_products_barcode_trgm', { synchronize: false })
@Index('ux_products_barcode', { synchronize: false })
@Index('ix_products_category_id', { synchronize: false })
@Index('ix_products_attributes', { synchronize: false })
@Check('ck_products_cost_minor', '"cost_minor" IS NULL OR "cost_minor" >= 0')
@Check('ck_products_barcode', `"barcode" IS NULL OR "barcode" ~ '^([0-9]{12}|[0-9]{13})$'`)
@Check('ck_products_attributes', `jsonb_typeof("attributes") = 'object'`)
@Check('ck_products_purchase_price_minor', '"purchase_price_minor" IS NULL OR "purchase_price_minor" >= 0')
@Index('ix_products_preferred_supplier_id', { synchronize: false })
@Check('ck_products_reorder', '"reorder_point" >= 0 AND "reorder_quantity" >= 0')
export class ProductEntity extends TimestampedEntity {
  /** Unique case-insensitively (index on lower(sku)). */
  @Column({ type: 'varchar', length: 64 })
  sku!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pcs' })
  unit!: string;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  priceMinor!: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  costMinor!: number | null;

  @Column({ type: 'char', length: 3 })
  currency!: CurrencyCode;

  /** EAN-13 / UPC-A; unique when set (partial index). */
  @Column({ type: 'varchar', length: 13, nullable: true })
  barcode!: string | null;

  /** Category (foreign key `fk_products_category`, declared in the migration). */
  @Column({ type: 'uuid', nullable: true })
  categoryId!: string | null;

  @Column({ type: 'jsonb', default: {} })
  attributes!: ProductAttributes;

  @Column({ type: 'integer', default: 0 })
  reorderPoint!: number;

  @Column({ type: 'integer', default: 0 })
  reorderQuantity!: number;

  /** Preferred supplier (foreign key `fk_products_preferred_supplier` to partners, declared in the migration). */
  @Column({ type: 'uuid', nullable: true })
  preferredSupplierId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  supplierSku!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: bigintToNumber })
  purchasePriceMinor!: number | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: ProductStatus;

  @Column({ type: 'varchar', length: 16, default: 'standard' })
  taxClass!: TaxClass;

  /** Optimistic lock: updates are guarded with `WHERE version = :expected`. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
