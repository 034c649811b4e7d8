import { guardedLookup, isPublicAddress, urlProblem } from './safe-target';

describe('webhook SSRF guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '::1',
    'fd00::1',
    '0.0.0.0',
    '::ffff:127.0.0.1',
    '100.64.0.1',
  ])('treats %s as not public', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '1.1.1.1'])('treats %s as public', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );

  it.each([
    ['ftp://example.com/hook', /http or https/],
    ['https://user:pass@example.com/hook', /credentials/],
    ['http://localhost:8080/hook', /this machine/],
    ['http://127.0.0.1/hook', /private/],
    ['http://[::1]/hook', /private/],
    ['http://169.254.169.254/latest/meta-data', /private/],
    ['not a url', /absolute/],
  ])('refuses %s', (url, message) => expect(urlProblem(url, false)).toMatch(message));

  it('accepts public URLs, and private ones only when allowed', () => {
    expect(urlProblem('https://hooks.example.com/depot', false)).toBeNull();
    expect(urlProblem('http://127.0.0.1:9999/hook', true)).toBeNull();
  });

  function lookup(allowPrivate: boolean, hostname: string): Promise<{ error: NodeJS.ErrnoException | null }> {
    return new Promise((resolve) =>
      guardedLookup(allowPrivate)(hostname, { all: true }, (error) => resolve({ error })),
    );
  }

  it('refuses at connect time a name that resolves to a private address', async () => {
    const { error } = await lookup(false, 'localhost');
    expect(error?.code).toBe('EDEPOTSSRF');
    expect(error?.message).toMatch(/non-public address/);
  });

  it('lets a name that resolves to a private address through when allowed', async () => {
    expect((await lookup(true, 'localhost')).error).toBeNull();
  });
});
