import type { ListQuery } from './pagination';

export const WAREHOUSE_LIMITS = {
  codeMaxLength: 16,
  /** Upper-case letters, digits, `-` and `_`, starting with a letter or digit. */
  codePattern: '^[A-Z0-9][A-Z0-9_-]*$',
  nameMaxLength: 120,
  addressMaxLength: 500,
} as const;

export const WAREHOUSE_SORT_FIELDS = ['code', 'name', 'createdAt'] as const;
export type WarehouseSortField = (typeof WAREHOUSE_SORT_FIELDS)[number];

export interface WarehouseDto {
  id: string;
  /** Unique, case-insensitive, e.g. `BER-1`. */
  code: string;
  name: string;
  address: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateWarehouseRequest {
  code: string;
  name: string;
  address?: string | null;
}

export interface UpdateWarehouseRequest {
  version: number;
  code?: string;
  name?: string;
  address?: string | null;
  active?: boolean;
}

export interface WarehouseListQuery extends ListQuery {
  active?: boolean;
}
