/** Saved views: a named set of a list's URL query parameters (filters, sort, `cols`, page size). */
export const SAVED_VIEW_LIMITS = {
  listKeyMaxLength: 64,
  /** Lower-case letters, digits, `-`, `_` and `.`, e.g. `products` or `stock.movements`. */
  listKeyPattern: '^[a-z0-9][a-z0-9._-]*$',
  nameMaxLength: 80,
  /** Query parameters per view. */
  maxStateKeys: 30,
  stateKeyMaxLength: 40,
  stateKeyPattern: '^[A-Za-z][A-Za-z0-9._-]*$',
  stateValueMaxLength: 500,
  /** Views per user per list (own views). */
  maxViewsPerList: 50,
} as const;

export interface SavedViewDto {
  id: string;
  /** Which list the view belongs to, e.g. `products`. */
  listKey: string;
  name: string;
  /** The list's URL query parameters (without the paging cursor). */
  state: Record<string, string>;
  /** Visible to every user (only the owner or an administrator may change it). */
  shared: boolean;
  /** The owner's default view for this list (applied when the list is opened without parameters). */
  isDefault: boolean;
  ownerId: string;
  ownerName: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SavedViewListQuery {
  listKey: string;
}

export interface CreateSavedViewRequest {
  listKey: string;
  name: string;
  state: Record<string, string>;
  shared?: boolean;
  isDefault?: boolean;
}

export interface UpdateSavedViewRequest {
  version: number;
  name?: string;
  state?: Record<string, string>;
  shared?: boolean;
  isDefault?: boolean;
}

export const SAVED_VIEW_SORT_FIELDS = ['name', 'createdAt'] as const;
export type SavedViewSortField = (typeof SAVED_VIEW_SORT_FIELDS)[number];

/** Problem with a view's `state` (the list's query parameters), or null when it is fine. */
export function savedViewStateProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'state must be an object';
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > SAVED_VIEW_LIMITS.maxStateKeys) {
    return `state may hold at most ${SAVED_VIEW_LIMITS.maxStateKeys} parameters`;
  }
  const key = new RegExp(SAVED_VIEW_LIMITS.stateKeyPattern);
  for (const [name, entry] of entries) {
    if (name.length > SAVED_VIEW_LIMITS.stateKeyMaxLength || !key.test(name)) {
      return `state parameter "${name.slice(0, 50)}" must be letters, digits, ".", "_" or "-" (at most ${SAVED_VIEW_LIMITS.stateKeyMaxLength})`;
    }
    if (typeof entry !== 'string' || entry.length > SAVED_VIEW_LIMITS.stateValueMaxLength) {
      return `state parameter "${name}" must be a string of at most ${SAVED_VIEW_LIMITS.stateValueMaxLength} characters`;
    }
  }
  return null;
}

/** Query parameters never stored in a view: the position in the list is not part of it. */
export const SAVED_VIEW_EXCLUDED_PARAMS: readonly string[] = ['cursor'];

/**
 * The view a list opens with when its URL has no parameters: the user's own default, else a
 * shared default of someone else (the most recently updated), else none.
 */
export function pickDefaultView<T extends Pick<SavedViewDto, 'isDefault' | 'shared' | 'ownerId' | 'updatedAt'>>(
  views: readonly T[],
  userId: string,
): T | null {
  const own = views.find((view) => view.isDefault && view.ownerId === userId);
  if (own) return own;
  const shared = views
    .filter((view) => view.isDefault && view.shared && view.ownerId !== userId)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return shared[0] ?? null;
}
