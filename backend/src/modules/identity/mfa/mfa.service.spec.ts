import { randomBytes } from 'node:crypto';
import { generateSync } from 'otplib';
import { SecretBox } from '../../../platform/crypto/secret-box';
import { MfaService } from './mfa.service';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import { newTotpSecret, TOTP_PERIOD_SECONDS } from './totp';

/**
 * An in-memory stand-in for the two tables the sign-in check touches. It applies the same
 * conditions as the SQL (`used_at IS NULL`, `mfa_last_step < $2`), so what is tested is that
 * the service spends a code only through those conditional updates.
 */
function fakeDatabase(storedSecret: string, recoveryCodes: string[]) {
  const user = { id: 'u1', mfaSecret: storedSecret, mfaLastStep: null as number | null };
  const codes = recoveryCodes.map((code) => ({
    hash: hashRecoveryCode(normalizeRecoveryCode(code)!),
    usedAt: null as Date | null,
  }));
  const query = jest.fn((sql: string, params: unknown[]): Promise<unknown> => {
    if (sql.startsWith('SELECT mfa_secret')) {
      return Promise.resolve([{ mfa_secret: user.mfaSecret, mfa_last_step: user.mfaLastStep }]);
    }
    if (sql.startsWith('UPDATE users SET mfa_last_step')) {
      const step = params[1] as number;
      if (user.mfaLastStep !== null && user.mfaLastStep >= step) return Promise.resolve([[], 0]);
      user.mfaLastStep = step;
      return Promise.resolve([[], 1]);
    }
    if (sql.startsWith('UPDATE mfa_recovery_codes')) {
      const row = codes.find((code) => code.hash === params[1] && code.usedAt === null);
      if (!row) return Promise.resolve([[], 0]);
      row.usedAt = new Date();
      return Promise.resolve([[], 1]);
    }
    return Promise.reject(new Error(`unexpected SQL: ${sql}`));
  });
  return { query, user, codes };
}

describe('MfaService.verifyLoginCode', () => {
  const box = new SecretBox(randomBytes(32));
  const secret = newTotpSecret();
  // As the database holds it: encrypted for the users.mfa_secret column.
  const stored = box.encrypt(secret, 'users.mfa_secret');
  const recoveryCodes = newRecoveryCodes(3);

  function serviceWith(db: ReturnType<typeof fakeDatabase>): MfaService {
    const unused = {} as never;
    return new MfaService({ tx: { query: db.query } } as never, unused, unused, unused, unused, unused, box);
  }

  it('checks codes against the secret decrypted from its stored, encrypted form', async () => {
    expect(stored).toMatch(/^enc:v1:/);
    const service = serviceWith(fakeDatabase(stored, recoveryCodes));
    expect(await service.verifyLoginCode('u1', generateSync({ secret }))).toBe('totp');
  });

  it('still reads a secret stored in clear before encryption at rest', async () => {
    const service = serviceWith(fakeDatabase(secret, recoveryCodes));
    expect(await service.verifyLoginCode('u1', generateSync({ secret }))).toBe('totp');
  });

  it('fails loudly, not as a wrong code, when the secret is under a key it does not have', async () => {
    const foreign = new SecretBox(randomBytes(32)).encrypt(secret, 'users.mfa_secret');
    const service = serviceWith(fakeDatabase(foreign, recoveryCodes));
    await expect(service.verifyLoginCode('u1', generateSync({ secret }))).rejects.toThrow(
      /DEPOT_PREVIOUS_ENCRYPTION_KEYS/,
    );
  });

  it('accepts a current TOTP code once; the same code again is refused', async () => {
    const db = fakeDatabase(stored, recoveryCodes);
    const service = serviceWith(db);
    const code = generateSync({ secret });
    expect(await service.verifyLoginCode('u1', code)).toBe('totp');
    const step = Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);
    expect([step - 1, step]).toContain(db.user.mfaLastStep);
    expect(await service.verifyLoginCode('u1', code)).toBeNull();
  });

  it('refuses a TOTP code of the step just used even when two sign-ins race with it', async () => {
    const db = fakeDatabase(stored, recoveryCodes);
    const service = serviceWith(db);
    const code = generateSync({ secret });
    const results = await Promise.all([service.verifyLoginCode('u1', code), service.verifyLoginCode('u1', code)]);
    expect(results.sort()).toEqual([null, 'totp'].sort());
  });

  it('accepts each recovery code once, however it is typed', async () => {
    const db = fakeDatabase(stored, recoveryCodes);
    const service = serviceWith(db);
    expect(await service.verifyLoginCode('u1', recoveryCodes[0].toUpperCase())).toBe('recovery_code');
    expect(await service.verifyLoginCode('u1', recoveryCodes[0])).toBeNull();
    expect(await service.verifyLoginCode('u1', recoveryCodes[1].replace('-', ''))).toBe('recovery_code');
    expect(db.codes.map((code) => code.usedAt !== null)).toEqual([true, true, false]);
  });

  it('refuses wrong codes without spending anything', async () => {
    const db = fakeDatabase(stored, recoveryCodes);
    const service = serviceWith(db);
    const now = Math.floor(Date.now() / 1000);
    const inWindow = [-1, 0, 1].map((offset) => generateSync({ secret, epoch: now + offset * TOTP_PERIOD_SECONDS }));
    // A code from ten minutes ago (or earlier, in the one-in-a-million case it equals a current one).
    let minutesAgo = 10;
    let wrongTotp = generateSync({ secret, epoch: now - minutesAgo * 60 });
    while (inWindow.includes(wrongTotp)) wrongTotp = generateSync({ secret, epoch: now - ++minutesAgo * 60 });
    expect(await service.verifyLoginCode('u1', wrongTotp)).toBeNull();
    expect(await service.verifyLoginCode('u1', 'aaaaa-bbbbb')).toBeNull();
    expect(await service.verifyLoginCode('u1', 'not a code at all')).toBeNull();
    expect(db.user.mfaLastStep).toBeNull();
    expect(db.codes.every((code) => code.usedAt === null)).toBe(true);
  });
});
