import { PrincipalCache } from './principal-cache';

describe('PrincipalCache', () => {
  it('keeps entries for its lifetime', () => {
    const cache = new PrincipalCache<string>(1000, 10, () => true);
    cache.set('a', 'alice', cache.begin(), 0);
    expect(cache.get('a', 999)).toEqual({ value: 'alice' });
    expect(cache.get('a', 1000)).toBeUndefined();
  });

  it('does not keep a lookup that started before a clear (a revocation raced it)', () => {
    const cache = new PrincipalCache<string>(1000, 10, () => true);
    const started = cache.begin();
    cache.clear();
    cache.set('a', 'stale', started);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', 'fresh', cache.begin());
    expect(cache.get('a')).toEqual({ value: 'fresh' });
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
  });

  it('caches nothing while nobody can tell it about revocations', () => {
    let listening = false;
    const cache = new PrincipalCache<string>(1000, 10, () => listening);
    cache.set('a', 'alice', cache.begin());
    expect(cache.get('a')).toBeUndefined();
    listening = true;
    cache.set('a', 'alice', cache.begin());
    listening = false;
    expect(cache.get('a')).toBeUndefined();
  });

  it('stays bounded', () => {
    const cache = new PrincipalCache<number>(1000, 3, () => true);
    for (let i = 0; i < 10; i++) cache.set(String(i), i, cache.begin());
    expect([...Array(10).keys()].filter((i) => cache.get(String(i))).length).toBeLessThanOrEqual(3);
  });
});
