import { Check, Column, Entity, Index } from 'typeorm';
import type { CurrencyCode, ProductStatus } from '@depot/contracts';
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

  @Column({ type: 'char', length: 3 })
  currency!: CurrencyCode;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: ProductStatus;

  /** Optimistic lock: updates are guarded with `WHERE version = :expected`. */
  @Column({ type: 'integer', default: 1 })
  version!: number;
}
