import { PAGINATION } from '@depot/contracts';
import type { EntityManager } from 'typeorm';
import { cappedTotal, countCapped } from './total';

describe('capped totals', () => {
  it('reports counts up to the cap exactly', () => {
    expect(cappedTotal(0)).toEqual({ total: 0 });
    expect(cappedTotal(42)).toEqual({ total: 42 });
    expect(cappedTotal(PAGINATION.maxExactTotal)).toEqual({ total: PAGINATION.maxExactTotal });
  });

  it('reports the cap and totalCapped beyond it', () => {
    expect(cappedTotal(PAGINATION.maxExactTotal + 1)).toEqual({ total: PAGINATION.maxExactTotal, totalCapped: true });
  });

  it('counts with a LIMIT one past the cap, over the same filters and parameters', async () => {
    const query = jest.fn().mockResolvedValue([{ count: 10_001 }]);
    const db = { query } as unknown as EntityManager;

    const total = await countCapped(db, 'products p', ['p.status = $1', 'p.price_minor > $2'], ['active', 100]);

    expect(total).toEqual({ total: 10_000, totalCapped: true });
    const [sql, params] = query.mock.calls[0] as [string, unknown[]];
    expect(sql.replace(/\s+/g, ' ')).toBe(
      'SELECT count(*)::int AS count FROM (SELECT 1 FROM products p WHERE p.status = $1 AND p.price_minor > $2 LIMIT 10001) AS capped',
    );
    expect(params).toEqual(['active', 100]);
  });

  it('counts a list without filters and honours a smaller cap', async () => {
    const query = jest.fn().mockResolvedValue([{ count: 3 }]);
    const total = await countCapped({ query } as unknown as EntityManager, 'roles r', [], [], 2);
    expect(total).toEqual({ total: 2, totalCapped: true });
    expect((query.mock.calls[0] as [string])[0]).toContain('FROM roles r  LIMIT 3');
  });
});
