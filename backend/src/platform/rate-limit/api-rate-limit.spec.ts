import { bucketOf, rateLimitKeyOf } from './api-rate-limit';

describe('API rate-limit key and budget', () => {
  const userId = '0190a1b2-0000-7000-8000-000000000001';
  const apiKeyId = '0190a1b2-0000-7000-8000-0000000000ff';

  it("counts a signed-in user's requests against the user, whatever the session", () => {
    expect(rateLimitKeyOf({ kind: 'user', userId })).toBe(`user:${userId}`);
  });

  it('counts an API key against the key itself, not the user it acts for', () => {
    expect(rateLimitKeyOf({ kind: 'api_key', userId, apiKeyId })).toBe(`key:${apiKeyId}`);
  });

  it('uses the bulk budget only for routes that ask for it', () => {
    expect(bucketOf(undefined)).toBe('api');
    expect(bucketOf('default')).toBe('api');
    expect(bucketOf('bulk')).toBe('api-bulk');
  });
});
