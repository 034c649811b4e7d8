import { hashApiKey, newApiKey, parseApiKey, randomBase62 } from './api-key-format';

describe('API key format', () => {
  it('makes keys whose parts are separated by the only underscores in them', () => {
    for (let i = 0; i < 2000; i++) {
      const { key, prefix, hash } = newApiKey();
      const parts = key.split('_');
      expect(parts).toHaveLength(3);
      expect(parts[0]).toBe('dpk');
      expect(parts[1]).toBe(prefix);
      expect(parts[2]).toMatch(/^[A-Za-z0-9]{43}$/);
      expect(parseApiKey(key)).toEqual({ prefix });
      expect(hash).toBe(hashApiKey(key));
    }
  });

  it('draws base62 characters evenly', () => {
    const counts = new Map<string, number>();
    const sample = randomBase62(62_000);
    for (const char of sample) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // Each character is expected 1000 times; a biased draw would push some far off.
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(200);
  });

  it('still accepts keys issued with base64url secrets', () => {
    expect(parseApiKey(`dpk_0123456789ab_${'a_-'.repeat(14)}x`)).toEqual({ prefix: '0123456789ab' });
  });

  it('refuses anything else', () => {
    for (const bad of [
      'dpk_',
      'dpk_short_x',
      `dpk_0123456789AB_${'a'.repeat(43)}`,
      `xpk_0123456789ab_${'a'.repeat(43)}`,
    ]) {
      expect(parseApiKey(bad)).toBeNull();
    }
  });
});
