import { Injectable } from '@nestjs/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CATEGORY_LIMITS, DomainEventName, type CategoryDto } from '@depot/contracts';
import { AuditService } from '../../audit/audit.service';
import { OutboxService } from '../../../platform/events/outbox.service';
import { newId } from '../../../platform/database/ids';
import { PgError, violatedConstraint } from '../../../platform/database/pg-errors';
import { VersionConflictError } from '../../../platform/http/app-error';
import {
  CategoryCycleError,
  CategoryNameTakenError,
  CategoryNotEmptyError,
  CategoryNotFoundError,
  CategoryTooDeepError,
} from '../catalog.errors';
import type { CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto';
import { assertExpectedVersion } from '../../../platform/http/conditional/conditional-requests';

interface CategoryRow {
  id: string;
  name: string;
  parent_id: string | null;
  path: string[];
  depth: number;
  product_count: number;
  child_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The whole tree with paths, depths and counts; `$1` optionally narrows it to one id. */
const TREE_SQL = `
  WITH RECURSIVE tree AS (
    SELECT id, name, parent_id, version, created_at, updated_at, ARRAY[name]::text[] AS path, 1 AS depth
      FROM categories WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, c.name, c.parent_id, c.version, c.created_at, c.updated_at, tree.path || c.name::text, tree.depth + 1
      FROM categories c JOIN tree ON c.parent_id = tree.id
  )
  SELECT t.*,
         (SELECT count(*) FROM products p WHERE p.category_id = t.id)::int AS product_count,
         (SELECT count(*) FROM categories c WHERE c.parent_id = t.id)::int AS child_count
    FROM tree t
   WHERE $1::uuid IS NULL OR t.id = $1::uuid
   ORDER BY t.path`;

/** Serialises moves, so two concurrent moves can never build a cycle between them. */
const TREE_LOCK = `SELECT pg_advisory_xact_lock(hashtext('depot.categories.tree'))`;

function toDto(row: CategoryRow): CategoryDto {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    path: row.path,
    depth: row.depth,
    productCount: row.product_count,
    childCount: row.child_count,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Category tree: create, rename, move (no cycles, bounded depth), delete only when empty. */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  async list(): Promise<CategoryDto[]> {
    return (await this.db.query<CategoryRow[]>(TREE_SQL, [null])).map(toDto);
  }

  async get(id: string): Promise<CategoryDto> {
    const [row] = await this.db.query<CategoryRow[]>(TREE_SQL, [id]);
    if (!row) throw new CategoryNotFoundError(id);
    return toDto(row);
  }

  @Transactional()
  async create(input: CreateCategoryDto): Promise<CategoryDto> {
    await this.db.query(TREE_LOCK);
    const parentId = input.parentId ?? null;
    if (parentId) {
      const parent = await this.get(parentId);
      if (parent.depth + 1 > CATEGORY_LIMITS.maxDepth) throw new CategoryTooDeepError(CATEGORY_LIMITS.maxDepth);
    }
    const id = newId();
    try {
      await this.db.query('INSERT INTO categories (id, name, parent_id) VALUES ($1, $2, $3)', [
        id,
        input.name,
        parentId,
      ]);
    } catch (error) {
      if (violatedConstraint(error, PgError.UniqueViolation) === 'ux_categories_sibling_name')
        throw new CategoryNameTakenError(input.name);
      throw error;
    }
    const created = await this.get(id);
    await this.audit.record({
      action: 'create',
      entityType: 'category',
      entityId: id,
      changes: { name: { before: null, after: created.name }, parentId: { before: null, after: parentId } },
    });
    await this.record(DomainEventName.CategoryCreated, created);
    return created;
  }

  @Transactional()
  async update(id: string, input: UpdateCategoryDto): Promise<CategoryDto> {
    await this.db.query(TREE_LOCK);
    const before = await this.get(id);
    if (before.version !== input.version) throw new VersionConflictError('category', input.version);
    const name = input.name ?? before.name;
    const parentId = input.parentId === undefined ? before.parentId : input.parentId;
    // Saving without changing anything writes nothing: no new version, no audit row, no event.
    if (name === before.name && parentId === before.parentId) return before;

    if (parentId !== before.parentId && parentId !== null) {
      const parent = await this.get(parentId);
      // The new parent may not lie in the moved subtree (that would make a cycle).
      const [{ inside, height }] = await this.db.query<[{ inside: boolean; height: number }]>(
        `WITH RECURSIVE sub AS (SELECT id, 1 AS level FROM categories WHERE id = $1
           UNION ALL SELECT c.id, sub.level + 1 FROM categories c JOIN sub ON c.parent_id = sub.id)
         SELECT bool_or(id = $2) AS inside, max(level)::int AS height FROM sub`,
        [id, parentId],
      );
      if (inside) throw new CategoryCycleError();
      if (parent.depth + height > CATEGORY_LIMITS.maxDepth) throw new CategoryTooDeepError(CATEGORY_LIMITS.maxDepth);
    }

    let affected = 0;
    try {
      const [, count] = await this.db.query<[unknown[], number]>(
        `UPDATE categories SET name = $3, parent_id = $4, version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2`,
        [id, input.version, name, parentId],
      );
      affected = count;
    } catch (error) {
      if (violatedConstraint(error, PgError.UniqueViolation) === 'ux_categories_sibling_name')
        throw new CategoryNameTakenError(name);
      throw error;
    }
    if (affected !== 1) throw new VersionConflictError('category', input.version);

    const after = await this.get(id);
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (before.name !== after.name) changes.name = { before: before.name, after: after.name };
    if (before.parentId !== after.parentId) changes.parentId = { before: before.parentId, after: after.parentId };
    await this.audit.record({ action: 'update', entityType: 'category', entityId: id, changes });
    await this.record(DomainEventName.CategoryUpdated, after);
    return after;
  }

  @Transactional()
  async remove(id: string, expectedVersion?: number): Promise<void> {
    await this.db.query(TREE_LOCK);
    const category = await this.get(id);
    assertExpectedVersion(category.version, expectedVersion);
    if (category.childCount > 0 || category.productCount > 0) {
      throw new CategoryNotEmptyError(category.childCount, category.productCount);
    }
    try {
      await this.db.query('DELETE FROM categories WHERE id = $1', [id]);
    } catch (error) {
      // A product was put into it meanwhile (the foreign key refuses the delete).
      if (violatedConstraint(error, PgError.ForeignKeyViolation) !== undefined) throw new CategoryNotEmptyError(0, 1);
      throw error;
    }
    await this.audit.record({
      action: 'delete',
      entityType: 'category',
      entityId: id,
      changes: { name: { before: category.name, after: null }, parentId: { before: category.parentId, after: null } },
    });
    await this.record(DomainEventName.CategoryDeleted, category);
  }

  private async record(
    type: (typeof DomainEventName)['CategoryCreated' | 'CategoryUpdated' | 'CategoryDeleted'],
    category: CategoryDto,
  ): Promise<void> {
    await this.outbox.record({ type, aggregateType: 'category', aggregateId: category.id, payload: { category } });
  }
}
