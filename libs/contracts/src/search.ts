/** Global search (`GET /api/v1/search`) and the command palette. */
export const SearchResultType = {
  Product: 'product',
  SalesOrder: 'sales_order',
  PurchaseOrder: 'purchase_order',
  Invoice: 'invoice',
  Customer: 'customer',
  Supplier: 'supplier',
  User: 'user',
} as const;
export type SearchResultType = (typeof SearchResultType)[keyof typeof SearchResultType];

/** Result types in the order their groups are listed. */
export const SEARCH_RESULT_TYPES: readonly SearchResultType[] = Object.values(SearchResultType);

export const SEARCH_LIMITS = {
  queryMinLength: 1,
  queryMaxLength: 100,
  /** Items per group. */
  defaultLimit: 5,
  maxLimit: 20,
} as const;

export interface SearchQuery {
  q: string;
  /** Items per group (default 5). */
  limit?: number;
}

export interface SearchItemDto {
  id: string;
  type: SearchResultType;
  /** What the user recognises first: SKU and name, order number, partner name, user name. */
  title: string;
  /** Secondary line (name, status, e-mail), or null. */
  subtitle: string | null;
  /** Where the admin UI shows the record (an app path such as `/products/<id>`). */
  url: string;
}

export interface SearchGroupDto {
  type: SearchResultType;
  /** Display label for the group, e.g. "Products". */
  label: string;
  items: SearchItemDto[];
}

export interface SearchResponseDto {
  /**
   * Groups with at least one item, the group with the best match first (ties in `SEARCH_RESULT_TYPES`
   * order); types the caller may not read are absent.
   */
  groups: SearchGroupDto[];
  /** Server time spent, in whole milliseconds. */
  tookMs?: number;
}
