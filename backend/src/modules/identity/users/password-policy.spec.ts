import { PasswordPolicy } from './password-policy';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy();

  it('accepts a long, uncommon passphrase', () => {
    expect(policy.check('violet tractor umbrella 42 harbour')).toEqual([]);
  });

  it.each([
    ['too short', 'Sh0rt!pass', /at least 12/],
    ['too long', 'x'.repeat(129), /at most 128/],
    ['a common breached password', 'password1234', /most common/],
    ['a common password in other case', 'QWERTYUIOP12', /most common|easy to guess/],
    ['a keyboard walk', 'qwertyuiopasdf', /easy to guess|most common/],
    ['a repeated character', 'aaaaaaaaaaaaaaaa', /easy to guess/],
  ])('refuses %s', (_name, password, message) => {
    const problems = policy.check(password);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("refuses a password containing the user's e-mail name", () => {
    expect(policy.check('margaret.hamilton-1969!', ['margaret.hamilton@depot.local'])[0]).toMatch(/name or e-mail/);
  });

  it('counts characters, not bytes, so non-Latin passphrases are measured fairly', () => {
    expect(policy.check('日本語のパスワード')[0]).toMatch(/at least 12/);
  });

  it('throws a 400 validation error naming the field', () => {
    expect(() => policy.assertAcceptable('password1234', [], 'newPassword')).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ field: 'newPassword' })] }),
    );
  });
});
