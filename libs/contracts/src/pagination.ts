/** Limits shared by every list endpoint. */
export const PAGINATION = {
  defaultLimit: 25,
  maxLimit: 100,
  maxSearchLength: 100,
  /** `includeTotal` counts exactly up to this many rows; beyond it answers this number and `totalCapped: true`. */
  maxExactTotal: 10_000,
} as const;

/** A page of a keyset-paginated list. */
export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; `null` on the last page. */
  nextCursor: string | null;
  /** Total number of matching rows, only when `includeTotal=true` was asked for. */
  total?: number;
  /** `true` when there are more than `PAGINATION.maxExactTotal` matching rows (`total` is then that cap). */
  totalCapped?: boolean;
}

/** Query parameters every list endpoint accepts. */
export interface ListQuery {
  limit?: number;
  cursor?: string;
  /** Field name, prefixed with `-` for descending order. */
  sort?: string;
  q?: string;
  includeTotal?: boolean;
}

/** The `sort` values a list accepts: each allowed field, ascending and (`-` prefix) descending. */
export function sortValues<F extends string>(fields: readonly F[]): (F | `-${F}`)[] {
  return fields.flatMap((field) => [field, `-${field}` as const]);
}

/** Query parameters of the small lists answered whole (roles, sessions, webhooks...): sort, optional paging, total. */
export type WholeListQuery = Pick<ListQuery, 'limit' | 'cursor' | 'sort' | 'includeTotal'>;

// Sort fields of the lists that had none before; the bigger lists declare theirs beside their DTOs.
/** Audit trail and security log. */
export const AUDIT_EVENT_SORT_FIELDS = ['occurredAt'] as const;
/** Outgoing mail queue. */
export const MAIL_MESSAGE_SORT_FIELDS = ['createdAt'] as const;
/** A webhook endpoint's delivery log. */
export const WEBHOOK_DELIVERY_SORT_FIELDS = ['createdAt'] as const;
/** Stock levels below their reorder point. */
export const LOW_STOCK_SORT_FIELDS = ['sku'] as const;
export const ROLE_SORT_FIELDS = ['name', 'createdAt'] as const;
export const PERMISSION_GROUP_SORT_FIELDS = ['module'] as const;
export const SESSION_SORT_FIELDS = ['createdAt', 'lastUsedAt'] as const;
export const API_KEY_SORT_FIELDS = ['name', 'createdAt'] as const;
export const WEBHOOK_ENDPOINT_SORT_FIELDS = ['url', 'createdAt'] as const;
export const CATEGORY_SORT_FIELDS = ['name', 'createdAt'] as const;
export const INCOMING_STOCK_SORT_FIELDS = ['warehouseCode', 'quantity'] as const;
export const STOCK_AVAILABILITY_SORT_FIELDS = ['productId'] as const;
