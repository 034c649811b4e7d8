import { TransactionHost } from '@nestjs-cls/transactional';
import type { AppConfig } from '../../../platform/config/app-config';
import { hashPasswordToken, PasswordTokensService } from './password-tokens.service';

describe('PasswordTokensService', () => {
  const config = { publicUrl: 'https://depot.example.com' } as AppConfig;
  afterEach(() => jest.restoreAllMocks());

  it('builds reset and invitation links on PUBLIC_URL', () => {
    const service = new PasswordTokensService({} as never, config);
    expect(service.linkFor('abc_-9', 'reset')).toBe('https://depot.example.com/reset-password?token=abc_-9');
    expect(service.linkFor('abc_-9', 'invite')).toBe('https://depot.example.com/reset-password?token=abc_-9&invite=1');
  });

  it('issues a 256-bit token, stores only its SHA-256, and expires the older ones of that purpose', async () => {
    const query = jest.fn().mockResolvedValue([]);
    // @Transactional() without Nest: run the method body directly.
    jest.spyOn(TransactionHost, 'getInstance').mockReturnValue({
      withTransaction: (_propagation: unknown, _options: unknown, run: () => unknown) => run(),
    } as never);
    const service = new PasswordTokensService({ tx: { query } } as never, config);
    const token = await service.issue('0194f0e2-6c1a-7c3e-9a59-3f1f2b9d4c10', 'reset', 30);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [expire, insert] = query.mock.calls as [string, unknown[]][];
    expect(expire[0]).toMatch(/^UPDATE password_tokens SET expires_at = now\(\)/);
    expect(insert[0]).toMatch(/^INSERT INTO password_tokens/);
    expect(insert[1]).toEqual([expect.any(String), expect.any(String), 'reset', hashPasswordToken(token), 30]);
    expect(JSON.stringify(query.mock.calls)).not.toContain(token);
  });

  it('spends a token only through a conditional update (unused and unexpired)', async () => {
    const query = jest
      .fn()
      .mockResolvedValueOnce([[{ user_id: 'u1', purpose: 'invite' }], 1])
      .mockResolvedValueOnce([[], 0]);
    const service = new PasswordTokensService({ tx: { query } } as never, config);
    expect(await service.consume('tok')).toEqual({ userId: 'u1', purpose: 'invite' });
    expect(await service.consume('tok')).toBeNull();
    expect(query.mock.calls[0][0]).toMatch(/WHERE token_hash = \$1 AND used_at IS NULL AND expires_at > now\(\)/);
    expect(query.mock.calls[0][1]).toEqual([hashPasswordToken('tok')]);
  });
});
