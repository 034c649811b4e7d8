import type { CategoryDto } from '@depot/contracts';

/** Separator between the names of a category path, as shown to people ("Tools / Hand tools"). */
export const PATH_SEPARATOR = ' / ';

/** One entry of a category picker: the id and the full path as its label. */
export interface CategoryOption {
  id: string;
  label: string;
  depth: number;
}

/** "Tools / Hand tools". */
export function categoryLabel(category: Pick<CategoryDto, 'path'>): string {
  return category.path.join(PATH_SEPARATOR);
}

/** The categories as picker options, in tree order (parents before their children). */
export function categoryOptions(categories: readonly CategoryDto[]): CategoryOption[] {
  return sortByPath(categories).map((category) => ({
    id: category.id,
    label: categoryLabel(category),
    depth: category.depth,
  }));
}

/**
 * Tree order: parents before children, siblings by name. The API already sends this order;
 * sorting again keeps the UI right if a cached list was patched locally.
 */
export function sortByPath(categories: readonly CategoryDto[]): CategoryDto[] {
  return [...categories].sort((a, b) => comparePaths(a.path, b.path));
}

/** Ids of `rootId` and everything below it. */
export function subtreeIds(categories: readonly CategoryDto[], rootId: string): Set<string> {
  const children = new Map<string | null, string[]>();
  for (const category of categories) {
    children.set(category.parentId, [...(children.get(category.parentId) ?? []), category.id]);
  }
  const ids = new Set<string>();
  const pending = [rootId];
  while (pending.length) {
    const id = pending.pop()!;
    if (!ids.has(id)) {
      ids.add(id);
      pending.push(...(children.get(id) ?? []));
    }
  }
  return ids;
}

/**
 * The rows a collapsible tree shows: a category is visible when all its ancestors are expanded.
 * Relies on tree order (parents first).
 */
export function visibleCategories(categories: readonly CategoryDto[], expanded: ReadonlySet<string>): CategoryDto[] {
  const visible = new Set<string>();
  const rows: CategoryDto[] = [];
  for (const category of sortByPath(categories)) {
    const parentShown =
      category.parentId === null || (visible.has(category.parentId) && expanded.has(category.parentId));
    if (parentShown) {
      visible.add(category.id);
      rows.push(category);
    }
  }
  return rows;
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const order =
      a[index].localeCompare(b[index], undefined, { sensitivity: 'base' }) ||
      (a[index] < b[index] ? -1 : a[index] > b[index] ? 1 : 0);
    if (order !== 0) {
      return order;
    }
  }
  return a.length - b.length;
}
