import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import {
  Permission,
  SEARCH_LIMITS,
  SEARCH_RESULT_TYPES,
  SearchResultType,
  type SearchGroupDto,
  type SearchResponseDto,
} from '@depot/contracts';
import { escapeLike } from '../../platform/http/pagination/keyset-page';
import {
  branchApplies,
  queryWords,
  SEARCH_BRANCHES,
  searchSql,
  type QueryShape,
  type SearchBranch,
} from './search-sql';

/** What each result type needs, how its group is labelled and where its records open in the admin UI. */
export const SEARCH_TYPES: Record<
  SearchResultType,
  { permission: Permission; label: string; url: (row: SearchRow) => string }
> = {
  [SearchResultType.Product]: {
    permission: Permission.CatalogProductsRead,
    label: 'Products',
    url: (row) => `/products/${row.id}`,
  },
  [SearchResultType.SalesOrder]: {
    permission: Permission.SalesOrdersRead,
    label: 'Sales orders',
    url: (row) => `/sales-orders/${row.id}`,
  },
  [SearchResultType.PurchaseOrder]: {
    permission: Permission.PurchasingOrdersRead,
    label: 'Purchase orders',
    url: (row) => `/purchase-orders/${row.id}`,
  },
  [SearchResultType.Invoice]: {
    permission: Permission.SalesInvoicesRead,
    label: 'Invoices',
    url: (row) => `/invoices/${row.id}`,
  },
  // Partners have no page of their own: the list opens filtered to the one found.
  [SearchResultType.Customer]: {
    permission: Permission.SalesCustomersRead,
    label: 'Customers',
    url: (row) => `/customers?q=${encodeURIComponent(partnerCode(row))}`,
  },
  [SearchResultType.Supplier]: {
    permission: Permission.PurchasingSuppliersRead,
    label: 'Suppliers',
    url: (row) => `/suppliers?q=${encodeURIComponent(partnerCode(row))}`,
  },
  [SearchResultType.User]: {
    permission: Permission.IdentityUsersRead,
    label: 'Users',
    url: (row) => `/admin/users/${row.id}`,
  },
};

export interface SearchRow {
  type: SearchResultType;
  id: string;
  title: string;
  subtitle: string | null;
  tier: number;
  score: number;
}

/** A partner's subtitle starts with its code ("ACME · orders@acme.example"). */
function partnerCode(row: SearchRow): string {
  return (row.subtitle ?? '').split(' · ')[0] ?? '';
}

/** Word similarity (0..1) a name's word needs when the first attempt found nothing. */
export const TYPO_WORD_SIMILARITY = 0.4;

/** Below this length trigrams cannot help: only exact and prefix matches are looked for. */
const MIN_FUZZY_LENGTH = 3;

/** Global search across the record types the caller may read, as one ranked statement. */
@Injectable()
export class SearchService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  async search(
    q: string,
    limit: number = SEARCH_LIMITS.defaultLimit,
    permissions: ReadonlySet<Permission>,
  ): Promise<SearchResponseDto> {
    const started = performance.now();
    const query = q.trim();
    const shape: QueryShape = { fuzzy: query.length >= MIN_FUZZY_LENGTH, phrase: /\s/.test(query) };
    const types = SEARCH_RESULT_TYPES.filter(
      (type) => permissions.has(SEARCH_TYPES[type].permission) && branchApplies(SEARCH_BRANCHES[type], shape),
    );
    if (query === '' || types.length === 0) return { groups: [], tookMs: 0 };
    const lower = query.toLowerCase();
    const words = shape.fuzzy ? queryWords(query) : [];
    const params = [query, lower, `${escapeLike(lower)}%`, limit, `%${escapeLike(query)}%`, ...words];
    const branches = types.map((type) => SEARCH_BRANCHES[type]);
    let rows = await this.txHost.tx.query<SearchRow[]>(searchSql(branches, shape, words.length), params);
    if (rows.length === 0 && words.length > 0) rows = await this.forgivingTypos(branches, params, words.length);
    return { groups: groupRows(types, rows, limit), tookMs: Math.round(performance.now() - started) };
  }

  /**
   * Nothing found: the names again with more typos forgiven. pg_trgm's default word threshold
   * (0.6) misses a dropped letter in a short word ("soket" scores 0.44 against "socket"), while a
   * looser threshold on every query would widen each index scan; only empty answers pay for it.
   * `SET LOCAL` keeps the setting inside this transaction (safe behind a transaction pooler).
   */
  private forgivingTypos(branches: SearchBranch[], params: unknown[], wordCount: number): Promise<SearchRow[]> {
    const names = branches.filter((branch) => branch.words !== null);
    if (names.length === 0) return Promise.resolve([]);
    return this.txHost.withTransaction(async () => {
      await this.txHost.tx.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${TYPO_WORD_SIMILARITY}`);
      return this.txHost.tx.query<SearchRow[]>(searchSql(names, { fuzzy: true, phrase: true }, wordCount), params);
    });
  }
}

/**
 * Rows of the statement into groups: one item per record (its best rank), each group ranked and
 * cut at `limit`, empty groups left out. Groups are ordered by their best match (an exact order
 * number before products that merely resemble it), ties in `types` order.
 */
export function groupRows(
  types: readonly SearchResultType[],
  rows: readonly SearchRow[],
  limit: number = SEARCH_LIMITS.defaultLimit,
): SearchGroupDto[] {
  const best = new Map<string, SearchRow>();
  for (const row of rows) {
    const key = `${row.type}:${row.id}`;
    const known = best.get(key);
    if (!known || row.tier < known.tier || (row.tier === known.tier && row.score > known.score)) best.set(key, row);
  }
  const ranked = types
    .map((type) => ({
      type,
      rows: [...best.values()]
        .filter((row) => row.type === type)
        .sort((a, b) => a.tier - b.tier || b.score - a.score || a.title.localeCompare(b.title))
        .slice(0, limit),
    }))
    .filter((group) => group.rows.length > 0);
  ranked.sort((a, b) => a.rows[0].tier - b.rows[0].tier || b.rows[0].score - a.rows[0].score);
  return ranked.map(({ type, rows: items }) => ({
    type,
    label: SEARCH_TYPES[type].label,
    items: items.map((row) => ({
      id: row.id,
      type,
      title: row.title,
      subtitle: row.subtitle,
      url: SEARCH_TYPES[type].url(row),
    })),
  }));
}
