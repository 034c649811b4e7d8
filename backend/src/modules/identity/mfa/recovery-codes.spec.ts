import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';

describe('recovery codes', () => {
  it('makes distinct, easy-to-read codes like 7gk2m-x9p4q', () => {
    const codes = newRecoveryCodes(10);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
  });

  it('accepts a code typed in upper case, with spaces or without the dash', () => {
    const [code] = newRecoveryCodes(1);
    const normalized = normalizeRecoveryCode(code);
    expect(normalized).toBe(code.replace('-', ''));
    for (const typed of [code.toUpperCase(), code.replace('-', ''), ` ${code.replace('-', ' ')} `]) {
      expect(normalizeRecoveryCode(typed)).toBe(normalized);
    }
  });

  it('refuses what cannot be a code', () => {
    for (const input of ['', '123456', 'abcde-fghi', 'abcde-fghiu', 'abcde-fghijk', "'; drop table x"]) {
      expect(normalizeRecoveryCode(input)).toBeNull();
    }
  });

  it('stores only a SHA-256 that does not contain the code', () => {
    const normalized = normalizeRecoveryCode(newRecoveryCodes(1)[0])!;
    const hash = hashRecoveryCode(normalized);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(normalized);
    expect(hashRecoveryCode(normalized)).toBe(hash);
  });
});
