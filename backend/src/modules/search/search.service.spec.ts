import { Permission, SearchResultType } from '@depot/contracts';
import {
  branchApplies,
  branchSql,
  FUZZY_CANDIDATES,
  MAX_WORDS,
  queryWords,
  SEARCH_BRANCHES,
  searchSql,
} from './search-sql';
import { groupRows, SearchService, TYPO_WORD_SIMILARITY, type SearchRow } from './search.service';

const token = { fuzzy: true, phrase: false };
const phrase = { fuzzy: true, phrase: true };

const row = (type: SearchResultType, id: string, tier: number, score: number, title = id): SearchRow => ({
  type,
  id,
  title,
  subtitle: null,
  tier,
  score,
});

describe('groupRows', () => {
  it('groups rows by type, best group first, and ranks exact, then prefix, then by score', () => {
    const groups = groupRows(
      [SearchResultType.Product, SearchResultType.SalesOrder, SearchResultType.User],
      [
        row(SearchResultType.SalesOrder, 'so', 0, 1),
        row(SearchResultType.Product, 'fuzzy-high', 2, 0.9),
        row(SearchResultType.Product, 'prefix', 1, 1),
        row(SearchResultType.Product, 'fuzzy-low', 2, 0.4),
        row(SearchResultType.Product, 'exact', 0, 1),
      ],
    );
    expect(groups.map((group) => group.type)).toEqual(['product', 'sales_order']);
    expect(groups[0].items.map((item) => item.id)).toEqual(['exact', 'prefix', 'fuzzy-high', 'fuzzy-low']);
    expect(groups[0].label).toBe('Products');
    expect(groups[1].items[0].url).toBe('/sales-orders/so');
  });

  it('keeps one item per record, at its best rank, and cuts each group at the limit', () => {
    const [group] = groupRows(
      [SearchResultType.Product],
      [
        row(SearchResultType.Product, 'a', 1, 1),
        row(SearchResultType.Product, 'a', 0, 1),
        row(SearchResultType.Product, 'b', 2, 0.5),
        row(SearchResultType.Product, 'c', 2, 0.4),
      ],
      2,
    );
    expect(group.items.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('puts the group with an exact match before groups of mere look-alikes', () => {
    const groups = groupRows(
      [SearchResultType.Product, SearchResultType.SalesOrder],
      [row(SearchResultType.Product, 'like', 2, 0.5), row(SearchResultType.SalesOrder, 'so', 0, 1)],
    );
    expect(groups.map((group) => group.type)).toEqual(['sales_order', 'product']);
  });

  it('links partners to their list filtered by code', () => {
    const [group] = groupRows(
      [SearchResultType.Supplier],
      [{ ...row(SearchResultType.Supplier, 'id-1', 0, 1, 'ACME GmbH'), subtitle: 'ACME & CO · a@acme.example' }],
    );
    expect(group.items[0].url).toBe('/suppliers?q=ACME%20%26%20CO');
  });
});

describe('search SQL', () => {
  it('leaves the fuzzy part out for short queries and caps fuzzy candidates otherwise', () => {
    const product = SEARCH_BRANCHES[SearchResultType.Product];
    expect(branchSql(product, { fuzzy: false, phrase: false })).not.toContain('word_similarity');
    expect(branchSql(product, token)).toContain(`LIMIT ${FUZZY_CANDIDATES}`);
  });

  it('matches every word of 3+ characters on its own, and only after the cheaper parts left room', () => {
    const sql = branchSql(SEARCH_BRANCHES[SearchResultType.Product], token, ['$6', '$7']);
    expect(sql).toContain('$6 <% t.name AND $7 <% t.name');
    expect(sql).toContain('NOT EXISTS (SELECT FROM e) AND (SELECT count(*) FROM p) < $4');
    expect(branchSql(SEARCH_BRANCHES[SearchResultType.SalesOrder], token, ['$6'])).not.toContain('<%');
  });

  it('searches only names for a phrase: identifiers never hold a space', () => {
    const product = branchSql(SEARCH_BRANCHES[SearchResultType.Product], phrase, ['$6', '$7']);
    expect(product).toContain('t.name ILIKE $5');
    expect(product).not.toContain('t.sku ILIKE');
    expect(product).not.toContain('lower(t.sku)');
    expect(product).not.toContain('LIKE $3');
    expect(product).toContain('$6 <% t.name AND $7 <% t.name');
    expect(branchApplies(SEARCH_BRANCHES[SearchResultType.SalesOrder], phrase)).toBe(false);
    expect(branchApplies(SEARCH_BRANCHES[SearchResultType.SalesOrder], token)).toBe(true);
    expect(branchApplies(SEARCH_BRANCHES[SearchResultType.Customer], phrase)).toBe(true);
  });

  it('takes the longest distinct words of 3+ characters', () => {
    expect(queryWords('Oak  oak chair at the x')).toEqual(['chair', 'oak', 'the']);
    expect(queryWords('a b')).toEqual([]);
    expect(queryWords('one two three four five six')).toHaveLength(MAX_WORDS);
  });

  it('fixes the type of every parameter whichever branches are used', () => {
    const sql = searchSql([SEARCH_BRANCHES[SearchResultType.SalesOrder]], { fuzzy: false, phrase: false });
    for (const placeholder of ['$1::text', '$2::text', '$3::text', '$4::int', '$5::text']) {
      expect(sql).toContain(placeholder);
    }
  });
});

describe('SearchService', () => {
  const query = jest.fn<Promise<SearchRow[]>, [string, unknown[]]>();
  const withTransaction = jest.fn(<T>(run: () => Promise<T>) => run());
  const service = new SearchService({ tx: { query }, withTransaction } as never);

  beforeEach(() => {
    query.mockReset().mockResolvedValue([]);
    withTransaction.mockClear();
  });

  it('searches only the types the caller may read, with escaped LIKE patterns', async () => {
    await service.search(' 50%_off ', 5, new Set([Permission.CatalogProductsRead, Permission.SalesInvoicesRead]));
    const [sql, params] = query.mock.calls[0];
    expect(sql).toContain("'product' AS type");
    expect(sql).toContain("'invoice' AS type");
    expect(sql).not.toContain("'user' AS type");
    expect(params).toEqual(['50%_off', '50%_off', '50\\%\\_off%', 5, '%50\\%\\_off%', '50%_off']);
  });

  it('searches a phrase in names only, and leaves out types that have none', async () => {
    await service.search('oak chair', 5, new Set([Permission.CatalogProductsRead, Permission.SalesOrdersRead]));
    const [sql] = query.mock.calls[0];
    expect(sql).toContain("'product' AS type");
    expect(sql).not.toContain("'sales_order' AS type");
  });

  it('tries again with more typos forgiven, in a transaction, only when nothing was found', async () => {
    query
      .mockResolvedValueOnce([])
      .mockResolvedValueOnce([] as never)
      .mockResolvedValueOnce([row(SearchResultType.Product, 'p1', 2, 0.4, 'OAK-1')]);
    const found = await service.search('oak chir', 5, new Set([Permission.CatalogProductsRead]));
    expect(withTransaction).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[1][0]).toBe(`SET LOCAL pg_trgm.word_similarity_threshold = ${TYPO_WORD_SIMILARITY}`);
    expect(found.groups[0].items[0].title).toBe('OAK-1');

    query.mockReset().mockResolvedValue([row(SearchResultType.Product, 'p1', 2, 0.9)]);
    withTransaction.mockClear();
    await service.search('oak chair', 5, new Set([Permission.CatalogProductsRead]));
    expect(withTransaction).not.toHaveBeenCalled();
  });

  it('answers no groups without querying when the caller may read nothing searchable', async () => {
    expect(await service.search('abc', 5, new Set([Permission.AuditRead]))).toEqual({ groups: [], tookMs: 0 });
    expect(query).not.toHaveBeenCalled();
  });
});
