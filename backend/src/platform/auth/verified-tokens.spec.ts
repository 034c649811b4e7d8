import type { AccessTokenClaims } from './principal';
import { VERIFIED_TOKENS_MAX, VerifiedTokens } from './verified-tokens';

const claims = (iat: number, exp: number) =>
  ({ typ: 'access', sub: 'u', sid: 's', iss: 'i', aud: 'a', iat, exp }) as AccessTokenClaims;

describe('VerifiedTokens', () => {
  it('answers a remembered token until it expires, then forgets it', () => {
    const tokens = new VerifiedTokens(3600);
    tokens.remember('t', claims(1000, 1900));
    expect(tokens.get('t', 1_899_999)).toMatchObject({ sub: 'u' });
    expect(tokens.get('t', 1_900_000)).toBeUndefined();
    expect(tokens.get('t', 1_000_000)).toBeUndefined();
    expect(tokens.get('unknown', 1_000_000)).toBeUndefined();
  });

  it('never keeps a token beyond the maximum age, whatever its exp says', () => {
    const tokens = new VerifiedTokens(60);
    tokens.remember('t', claims(1000, 999_999));
    expect(tokens.get('t', 1_059_999)).toBeDefined();
    expect(tokens.get('t', 1_060_000)).toBeUndefined();
  });

  it('stays bounded', () => {
    const tokens = new VerifiedTokens(60);
    for (let i = 0; i <= VERIFIED_TOKENS_MAX; i++) tokens.remember(`t${i}`, claims(1000, 1050));
    expect(tokens.get('t0', 1_000_000)).toBeUndefined();
    expect(tokens.get(`t${VERIFIED_TOKENS_MAX}`, 1_000_000)).toBeDefined();
  });
});
