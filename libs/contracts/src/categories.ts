/** Validation limits for categories. */
export const CATEGORY_LIMITS = {
  nameMaxLength: 120,
  /** Deepest nesting allowed (a root category has depth 1). */
  maxDepth: 8,
} as const;

/** A node of the category tree; `GET /categories` returns the whole tree flat, ordered by path. */
export interface CategoryDto {
  id: string;
  name: string;
  parentId: string | null;
  /** Names from the root down, e.g. `["Tools", "Hand tools"]`. */
  path: string[];
  depth: number;
  /** Products directly in this category. */
  productCount: number;
  /** Direct child categories. */
  childCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateCategoryRequest {
  name: string;
  parentId?: string | null;
}

/** Rename and/or move (set `parentId`; `null` makes it a root). A move into its own subtree is refused. */
export interface UpdateCategoryRequest {
  version: number;
  name?: string;
  parentId?: string | null;
}
