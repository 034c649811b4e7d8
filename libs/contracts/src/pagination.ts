/** Limits shared by every list endpoint. */
export const PAGINATION = {
  defaultLimit: 25,
  maxLimit: 100,
  maxSearchLength: 100,
  /** With `includeTotal=true`, counts stop here; a larger set answers this number and `totalCapped: true`. */
  maxExactTotal: 10_000,
} as const;

/** A page of a keyset-paginated list. */
export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page; `null` on the last page. */
  nextCursor: string | null;
  /** Total number of matching rows, only when `includeTotal=true` was asked for. */
  total?: number;
  /** True when there are more than `PAGINATION.maxExactTotal` matching rows (then `total` is that cap). */
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
