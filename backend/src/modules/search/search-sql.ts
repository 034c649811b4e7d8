import { SearchResultType } from '@depot/contracts';

/**
 * How one result type is searched. Every branch answers the same columns
 * (`type, id, title, subtitle, tier, score`) so the branches of all readable types run as one
 * statement (one round trip). Ranking: tier 0 exact match, 1 prefix, 2 trigram/contains match;
 * within a tier the higher similarity score first.
 */
export interface SearchBranch {
  type: SearchResultType;
  /** FROM clause (with joins); the searched table is aliased `t`. */
  from: string;
  /** Extra condition every row must meet (e.g. the partner kind), or null. */
  scope: string | null;
  /** `title` and `subtitle` expressions (text). */
  title: string;
  subtitle: string;
  /** Exact match condition (may use $1 = query, $2 = lower(query)). */
  exact: string;
  /** Expression whose `LIKE $3` (lower-cased, escaped prefix pattern) is a prefix match, read in index order. */
  prefix: string;
  /** Contains / trigram condition (uses $1 and $5 = `%query%`); used for queries of 3+ characters. */
  fuzzy: string;
  /** Similarity score (real, 0..1) of a row against $1. */
  score: string;
}

/**
 * Fuzzy matches considered per type before ranking. Bounds the cost of a query that matches
 * most of a table (`bulk` on 100k "Bulk …" products) at the price of ranking only the first
 * candidates found; exact and prefix matches are always found through their own indexes.
 */
export const FUZZY_CANDIDATES = 200;

export const SEARCH_BRANCHES: Record<SearchResultType, SearchBranch> = {
  [SearchResultType.Product]: {
    type: SearchResultType.Product,
    from: 'products t',
    scope: null,
    title: 't.sku',
    subtitle: `t.name || CASE WHEN t.status = 'archived' THEN ' · archived' ELSE '' END`,
    exact: 'lower(t.sku) = $2 OR t.barcode = $1',
    prefix: '(lower(t.sku) COLLATE "C")',
    fuzzy: 't.sku ILIKE $5 OR t.name ILIKE $5 OR t.barcode ILIKE $5 OR $1 <% t.name OR t.name % $1 OR t.sku % $1',
    score: 'greatest(similarity(t.sku, $1), word_similarity($1, t.name), similarity(t.name, $1))',
  },
  [SearchResultType.SalesOrder]: {
    type: SearchResultType.SalesOrder,
    from: 'sales_orders t JOIN partners p ON p.id = t.customer_id',
    scope: null,
    title: 't.number',
    subtitle: `p.name || ' · ' || replace(t.status, '_', ' ')`,
    exact: 'lower(t.number) = $2',
    prefix: 'lower(t.number)',
    fuzzy: 't.number ILIKE $5 OR t.number % $1',
    score: 'similarity(t.number, $1)',
  },
  [SearchResultType.PurchaseOrder]: {
    type: SearchResultType.PurchaseOrder,
    from: 'purchase_orders t JOIN partners p ON p.id = t.supplier_id',
    scope: null,
    title: 't.number',
    subtitle: `p.name || ' · ' || replace(t.status, '_', ' ')`,
    exact: 'lower(t.number) = $2',
    prefix: 'lower(t.number)',
    fuzzy: 't.number ILIKE $5 OR t.number % $1',
    score: 'similarity(t.number, $1)',
  },
  [SearchResultType.Invoice]: {
    type: SearchResultType.Invoice,
    from: 'invoices t',
    scope: null,
    title: 't.number',
    subtitle: `(t.customer->>'name') || CASE WHEN t.kind = 'credit_note' THEN ' · credit note' ELSE '' END`,
    exact: 'lower(t.number) = $2',
    prefix: 'lower(t.number)',
    fuzzy: 't.number ILIKE $5 OR t.number % $1',
    score: 'similarity(t.number, $1)',
  },
  [SearchResultType.Customer]: partnerBranch(SearchResultType.Customer),
  [SearchResultType.Supplier]: partnerBranch(SearchResultType.Supplier),
  [SearchResultType.User]: {
    type: SearchResultType.User,
    from: 'users t',
    scope: null,
    title: 't.display_name',
    subtitle: `t.email || CASE WHEN t.status = 'disabled' THEN ' · disabled' ELSE '' END`,
    exact: 'lower(t.email) = $2',
    prefix: 'lower(t.email)',
    fuzzy: 't.email ILIKE $5 OR t.display_name ILIKE $5 OR $1 <% t.display_name',
    score: 'greatest(similarity(t.email, $1), word_similarity($1, t.display_name))',
  },
};

function partnerBranch(type: 'customer' | 'supplier'): SearchBranch {
  return {
    type,
    from: 'partners t',
    scope: `t.kind = '${type}'`,
    title: 't.name',
    subtitle: `t.code || coalesce(' · ' || t.email, '') || CASE WHEN t.active THEN '' ELSE ' · inactive' END`,
    exact: 'lower(t.code) = $2 OR lower(t.email) = $2',
    prefix: 'lower(t.code)',
    fuzzy: 't.code ILIKE $5 OR t.name ILIKE $5 OR t.email ILIKE $5 OR $1 <% t.name OR t.name % $1',
    score: 'greatest(similarity(t.code, $1), word_similarity($1, t.name), similarity(t.name, $1))',
  };
}

/**
 * One branch as SQL. `$4` is the per-group limit. Exact and prefix matches come from their own
 * (index-ordered) sub-queries; fuzzy candidates are capped, then ranked by score.
 */
export function branchSql(branch: SearchBranch, withFuzzy: boolean): string {
  const scope = branch.scope ? `(${branch.scope}) AND ` : '';
  const columns = `t.id, ${branch.title} AS title, ${branch.subtitle} AS subtitle`;
  const parts = [
    `(SELECT ${columns}, 0 AS tier, 1::real AS score FROM ${branch.from} WHERE ${scope}(${branch.exact}) LIMIT $4)`,
    `(SELECT ${columns}, 1 AS tier, 1::real AS score FROM ${branch.from}
       WHERE ${scope}${branch.prefix} LIKE $3 ORDER BY ${branch.prefix} LIMIT $4)`,
  ];
  if (withFuzzy) {
    parts.push(
      `(SELECT c.id, c.title, c.subtitle, 2 AS tier, c.score FROM (
         SELECT ${columns}, (${branch.score})::real AS score FROM ${branch.from}
          WHERE ${scope}(${branch.fuzzy}) LIMIT ${FUZZY_CANDIDATES}) c
        ORDER BY c.score DESC LIMIT $4)`,
    );
  }
  return `(SELECT '${branch.type}' AS type, m.id, m.title, m.subtitle, min(m.tier) AS tier, max(m.score) AS score
     FROM (${parts.join(' UNION ALL ')}) m
    GROUP BY m.id, m.title, m.subtitle
    ORDER BY min(m.tier), max(m.score) DESC, m.title
    LIMIT $4)`;
}

/**
 * The whole statement for the given branches. Parameters: $1 query, $2 lower(query), $3 prefix
 * pattern, $4 limit per group, $5 contains pattern. The unused CTE fixes every parameter's type
 * whichever branches and parts reference it.
 */
export function searchSql(branches: readonly SearchBranch[], withFuzzy: boolean): string {
  return `WITH search_params AS (SELECT $1::text AS q, $2::text AS q_lower, $3::text AS q_prefix, $4::int AS lim, $5::text AS q_contains)
  ${branches.map((branch) => branchSql(branch, withFuzzy)).join('\n  UNION ALL\n  ')}`;
}
