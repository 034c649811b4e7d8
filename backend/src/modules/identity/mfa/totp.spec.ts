import { generateSync } from 'otplib';
import { matchTotp, newTotpSecret, TOTP_PERIOD_SECONDS, totpUri } from './totp';

describe('TOTP', () => {
  const secret = newTotpSecret();
  // Ten seconds into a time step, so "one step either side" is unambiguous.
  const now = new Date((59_848_837 * TOTP_PERIOD_SECONDS + 10) * 1000);
  const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
  const codeAt = (offset: number) => generateSync({ secret, epoch: (step + offset) * TOTP_PERIOD_SECONDS });

  it('makes a 160-bit base32 secret and an otpauth URI for authenticator apps', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, 'ada@depot.local')).toBe(
      `otpauth://totp/Depot:ada%40depot.local?secret=${secret}&issuer=Depot`,
    );
  });

  it('accepts the current code and returns its time step', () => {
    expect(matchTotp(secret, codeAt(0), { now })).toBe(step);
  });

  it('accepts the previous and the next code (30 s of clock drift either way)', () => {
    expect(matchTotp(secret, codeAt(-1), { now })).toBe(step - 1);
    expect(matchTotp(secret, codeAt(1), { now })).toBe(step + 1);
  });

  it('refuses codes two or more steps away', () => {
    for (const offset of [-3, -2, 2, 3]) {
      const code = codeAt(offset);
      // A code of another step can collide with one in the window (1 in a million); skip that case.
      if ([-1, 0, 1].some((inWindow) => codeAt(inWindow) === code)) continue;
      expect(matchTotp(secret, code, { now })).toBeNull();
    }
  });

  it('refuses a code whose step was already used, and older ones (replay)', () => {
    expect(matchTotp(secret, codeAt(0), { now, afterStep: step })).toBeNull();
    expect(matchTotp(secret, codeAt(-1), { now, afterStep: step - 1 })).toBeNull();
    expect(matchTotp(secret, codeAt(1), { now, afterStep: step })).toBe(step + 1);
  });

  it('refuses anything that is not six digits without asking otplib', () => {
    for (const code of ['', '12345', '1234567', 'abcdef', ' 123456', '12 456']) {
      expect(matchTotp(secret, code, { now })).toBeNull();
    }
  });

  it("refuses another secret's code", () => {
    const other = newTotpSecret();
    const code = generateSync({ secret: other, epoch: step * TOTP_PERIOD_SECONDS });
    if (code !== codeAt(0) && code !== codeAt(-1) && code !== codeAt(1)) {
      expect(matchTotp(secret, code, { now })).toBeNull();
    }
  });
});
