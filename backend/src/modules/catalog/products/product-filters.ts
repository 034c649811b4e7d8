import { escapeLike, type SqlParams } from '../../../platform/http/pagination/keyset-page';
import type { ProductExportQueryDto } from './dto/product-list-query.dto';

/** SQL conditions for the product list's filters (shared by the list and the CSV export). */
export function productFilters(query: ProductExportQueryDto, params: SqlParams): string[] {
  const where: string[] = [];
  if (query.status) where.push(`status = ${params.add(query.status)}`);
  if (query.q && query.q.trim().length > 0) {
    const pattern = params.add(`%${escapeLike(query.q.trim())}%`);
    where.push(`(sku ILIKE ${pattern} OR name ILIKE ${pattern} OR barcode ILIKE ${pattern})`);
  }
  if (query.categoryId) {
    // The category and everything below it, in the same statement.
    where.push(
      `category_id IN (WITH RECURSIVE sub AS (SELECT id FROM categories WHERE id = ${params.add(query.categoryId)}
         UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub)`,
    );
  }
  for (const pair of query.attribute ?? []) {
    const separator = pair.indexOf(':');
    const filter = { [pair.slice(0, separator)]: pair.slice(separator + 1) };
    where.push(`attributes @> ${params.add(JSON.stringify(filter))}::jsonb`);
  }
  if (query.belowReorderPoint) {
    where.push(
      'EXISTS (SELECT 1 FROM stock_levels l WHERE l.product_id = products.id AND l.available < products.reorder_point)',
    );
  }
  return where;
}
