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
  /**
   * Contains condition on identifiers (uses $5 = `%query%`); used for queries of 3+ characters.
   * Identifiers (SKU, barcode, numbers, codes, e-mail addresses) never hold whitespace: for a
   * query with a space, this part and the exact and prefix parts are left out.
   */
  fuzzy: string;
  /** Contains condition on free text that may hold spaces (names), or null. */
  names: string | null;
  /**
   * Text column matched word by word with typos forgiven: every query word of 3+ characters must
   * be word-similar (`<%`, pg_trgm's word_similarity_threshold) to a part of it. Each word is its
   * own trigram index scan and the scans are intersected, so common words stay cheap.
   */
  words: string | null;
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
    fuzzy: 't.sku ILIKE $5 OR t.name ILIKE $5 OR t.barcode ILIKE $5',
    names: 't.name ILIKE $5',
    words: 't.name',
    score: 'greatest(similarity(t.sku, $1), word_similarity($1, t.name))',
  },
  [SearchResultType.SalesOrder]: {
    type: SearchResultType.SalesOrder,
    from: 'sales_orders t JOIN partners p ON p.id = t.customer_id',
    scope: null,
    title: 't.number',
    subtitle: `p.name || ' · ' || replace(t.status, '_', ' ')`,
    exact: 'lower(t.number) = $2',
    prefix: 'lower(t.number)',
    fuzzy: 't.number ILIKE $5',
    names: null,
    words: null,
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
    fuzzy: 't.number ILIKE $5',
    names: null,
    words: null,
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
    fuzzy: 't.number ILIKE $5',
    names: null,
    words: null,
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
    fuzzy: 't.email ILIKE $5 OR t.display_name ILIKE $5',
    names: 't.display_name ILIKE $5',
    words: 't.display_name',
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
    fuzzy: 't.code ILIKE $5 OR t.name ILIKE $5 OR t.email ILIKE $5',
    names: 't.name ILIKE $5',
    words: 't.name',
    score: 'greatest(similarity(t.code, $1), word_similarity($1, t.name))',
  };
}

/** What the query looks like, which decides the parts each branch runs. */
export interface QueryShape {
  /** 3+ characters: contains and word matches run (trigrams need three characters). */
  fuzzy: boolean;
  /** Holds whitespace: no identifier can match it, only names are searched. */
  phrase: boolean;
}

/** Whether a branch can match a query of this shape at all (order numbers cannot hold a space). */
export function branchApplies(branch: SearchBranch, shape: QueryShape): boolean {
  return !shape.phrase || (shape.fuzzy && (branch.names !== null || branch.words !== null));
}

/**
 * One branch as SQL. `$4` is the per-group limit (per part; the caller merges the parts). Exact and
 * prefix matches come from their own (index-ordered) scans. The costlier parts only run when the
 * cheaper ones left room: the contains match when there is no exact match and fewer prefix matches
 * than the limit, the word-by-word typo match only when the contains match found fewer than the
 * limit too (each gate is a one-time filter, so a skipped part costs nothing). Fuzzy candidates are
 * capped, then ranked by score. A phrase (a query with a space) runs only the name parts: fewer
 * parts to plan and no identifier index scanned for a pattern it cannot hold.
 */
export function branchSql(branch: SearchBranch, shape: QueryShape, wordParams: readonly string[] = []): string {
  const scope = branch.scope ? `(${branch.scope}) AND ` : '';
  const columns = `t.id, ${branch.title} AS title, ${branch.subtitle} AS subtitle`;
  const ctes: string[] = [];
  const parts: string[] = [];
  let room = 'true';
  if (!shape.phrase) {
    ctes.push(
      `e AS (SELECT ${columns}, 0 AS tier, 1::real AS score FROM ${branch.from} WHERE ${scope}(${branch.exact}) LIMIT $4)`,
      `p AS (SELECT ${columns}, 1 AS tier, 1::real AS score FROM ${branch.from}
       WHERE ${scope}${branch.prefix} LIKE $3 ORDER BY ${branch.prefix} LIMIT $4)`,
    );
    parts.push('SELECT * FROM e', 'SELECT * FROM p');
    room = 'NOT EXISTS (SELECT FROM e) AND (SELECT count(*) FROM p) < $4';
  }
  if (shape.fuzzy) {
    const candidates = (condition: string, gate: string) =>
      `SELECT ${columns}, 2 AS tier, (${branch.score})::real AS score FROM ${branch.from}
        WHERE ${gate} AND ${scope}(${condition}) LIMIT ${FUZZY_CANDIDATES}`;
    const contains = shape.phrase ? branch.names : branch.fuzzy;
    if (contains) {
      ctes.push(`c AS (${candidates(contains, room)})`);
      parts.push('(SELECT * FROM c ORDER BY score DESC LIMIT $4)');
      room = `${room} AND (SELECT count(*) FROM c) < $4`;
    }
    if (branch.words && wordParams.length > 0) {
      const words = wordParams.map((param) => `${param} <% ${branch.words}`).join(' AND ');
      ctes.push(`w AS (${candidates(words, room)})`);
      parts.push('(SELECT * FROM w ORDER BY score DESC LIMIT $4)');
    }
  }
  // A record may come from several parts (an exact SKU is its own prefix): the caller keeps its
  // best rank and the group's first `limit` (see groupRows).
  return `(WITH ${ctes.join(',\n  ')}
  SELECT '${branch.type}' AS type, m.* FROM (${parts.join(' UNION ALL ')}) m)`;
}

/** At most this many query words are matched one by one (the longest). */
export const MAX_WORDS = 4;

/** The words of a query matched one by one: 3+ characters, distinct, longest first. */
export function queryWords(query: string): string[] {
  const words = [
    ...new Set(
      query
        .toLowerCase()
        .split(/\s+/)
        .filter((word) => word.length >= 3),
    ),
  ];
  return words.sort((a, b) => b.length - a.length).slice(0, MAX_WORDS);
}

/**
 * The whole statement for the given branches. Parameters: $1 query, $2 lower(query), $3 prefix
 * pattern, $4 limit per group, $5 contains pattern, then one per word. The unused CTE fixes every
 * parameter's type whichever branches and parts reference it.
 */
export function searchSql(branches: readonly SearchBranch[], shape: QueryShape, wordCount = 0): string {
  const wordParams = Array.from({ length: wordCount }, (_, index) => `$${index + 6}`);
  const typed = [
    '$1::text',
    '$2::text',
    '$3::text',
    '$4::int',
    '$5::text',
    ...wordParams.map((param) => `${param}::text`),
  ];
  // The branches are wrapped: a lone branch's own WITH may not follow this one directly.
  return `WITH search_params AS (SELECT ${typed.map((param, index) => `${param} AS p${index + 1}`).join(', ')})
  SELECT * FROM (${branches.map((branch) => branchSql(branch, shape, wordParams)).join('\n  UNION ALL\n  ')}) found`;
}
