import { hashRefreshToken, newRefreshToken } from './refresh-tokens';

describe('refresh tokens', () => {
  it('are long, random and stored only as their SHA-256', () => {
    const a = newRefreshToken();
    const b = newRefreshToken();
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(43);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.token);
    expect(hashRefreshToken(a.token)).toBe(a.hash);
  });
});
