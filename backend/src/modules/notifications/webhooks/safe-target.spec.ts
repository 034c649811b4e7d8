import type { LookupAddress } from 'node:dns';
import {
  canonicalHost,
  guardedLookup,
  isPublicAddress,
  literalTargetRefusal,
  urlProblem,
  type Resolver,
} from './safe-target';

type Verdict = 'refused' | 'allowed';

/** Webhook URLs as an attacker (or a careless admin) might spell them, with the expected verdict. */
const SPELLINGS: [url: string, verdict: Verdict][] = [
  // localhost names, any case, trailing dots, subdomains
  ['http://localhost/', 'refused'],
  ['http://LOCALHOST:8080/hook', 'refused'],
  ['http://localhost./', 'refused'],
  ['http://localhost../', 'refused'],
  ['http://sub.localhost./', 'refused'],
  ['http://a.b.localhost/', 'refused'],
  ['http://localhost.localdomain/', 'refused'],
  ['http://ip6-localhost/', 'refused'],
  ['http://ip6-loopback/', 'refused'],
  ['http://localhost6.localdomain6/', 'refused'],
  ['http://loc%61lhost/', 'refused'],
  ['http://ⓛocalhost/', 'refused'],
  // single-label and local-network names
  ['http://metadata/', 'refused'],
  ['http://printer.local/', 'refused'],
  ['http://metadata.google.internal/', 'refused'],
  ['http://nas.home.arpa/', 'refused'],
  ['http://a..b.example.com/', 'refused'],
  // IPv4 loopback in every spelling WHATWG URL accepts
  ['http://127.0.0.1/', 'refused'],
  ['http://127.0.0.1./', 'refused'],
  ['http://127.1/', 'refused'],
  ['http://127.0.1/', 'refused'],
  ['http://2130706433/', 'refused'],
  ['http://0x7f000001/', 'refused'],
  ['http://0x7f.1/', 'refused'],
  ['http://0x7f.0x0.0x0.0x1/', 'refused'],
  ['http://0177.0.0.1/', 'refused'],
  ['http://017700000001/', 'refused'],
  ['http://127.000.000.001/', 'refused'],
  ['http://%31%32%37.0.0.1/', 'refused'],
  ['http://127。0。0。1/', 'refused'],
  ['http://127.255.255.254/', 'refused'],
  // unspecified, private, CGNAT, link-local, multicast, broadcast, special-purpose IPv4
  ['http://0/', 'refused'],
  ['http://0.0.0.0/', 'refused'],
  ['http://10.0.0.1/', 'refused'],
  ['http://172.16.0.1/', 'refused'],
  ['http://172.31.255.255/', 'refused'],
  ['http://192.168.1.1/', 'refused'],
  ['http://100.64.0.1/', 'refused'],
  ['http://169.254.169.254/latest/meta-data', 'refused'],
  ['http://224.0.0.1/', 'refused'],
  ['http://239.255.255.250/', 'refused'],
  ['http://255.255.255.255/', 'refused'],
  ['http://4294967295/', 'refused'],
  ['http://192.0.0.8/', 'refused'],
  ['http://192.0.2.1/', 'refused'],
  ['http://198.18.0.1/', 'refused'],
  ['http://198.51.100.7/', 'refused'],
  ['http://203.0.113.9/', 'refused'],
  ['http://240.0.0.1/', 'refused'],
  ['http://192.88.99.1/', 'refused'],
  // IPv6 loopback, unspecified, local and special-purpose
  ['http://[::1]/', 'refused'],
  ['http://[0:0:0:0:0:0:0:1]/', 'refused'],
  ['http://[::]/', 'refused'],
  ['http://[fe80::1]/', 'refused'],
  ['http://[fc00::1]/', 'refused'],
  ['http://[fd12:3456:789a::1]/', 'refused'],
  ['http://[fec0::1]/', 'refused'],
  ['http://[ff02::1]/', 'refused'],
  ['http://[100::1]/', 'refused'],
  ['http://[2001:db8::1]/', 'refused'],
  ['http://[3fff::1]/', 'refused'],
  ['http://[2001:2::1]/', 'refused'],
  ['http://[5f00::1]/', 'refused'],
  // IPv6 forms embedding IPv4, even when the IPv4 is public
  ['http://[::127.0.0.1]/', 'refused'],
  ['http://[::7f00:1]/', 'refused'],
  ['http://[::8.8.8.8]/', 'refused'],
  ['http://[::ffff:127.0.0.1]/', 'refused'],
  ['http://[::ffff:7f00:1]/', 'refused'],
  ['http://[0:0:0:0:0:ffff:127.0.0.1]/', 'refused'],
  ['http://[::ffff:8.8.8.8]/', 'refused'],
  ['http://[::ffff:0:127.0.0.1]/', 'refused'],
  ['http://[64:ff9b::127.0.0.1]/', 'refused'],
  ['http://[64:ff9b::808:808]/', 'refused'],
  ['http://[64:ff9b:1::a00:1]/', 'refused'],
  ['http://[2002:7f00:1::]/', 'refused'],
  ['http://[2002:808:808::1]/', 'refused'],
  ['http://[2001::1]/', 'refused'],
  ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'refused'],
  // not a usable http(s) URL at all
  ['ftp://example.com/hook', 'refused'],
  ['file:///etc/passwd', 'refused'],
  ['https://user:pass@example.com/hook', 'refused'],
  ['http://[fe80::1%25eth0]/', 'refused'],
  ['not a url', 'refused'],
  // public names and addresses
  ['https://hooks.example.com/depot', 'allowed'],
  ['https://HOOKS.Example.COM./depot', 'allowed'],
  ['http://example.com:8080/hook?x=1', 'allowed'],
  ['https://xn--bcher-kva.example/hook', 'allowed'],
  ['https://localhost.example.com/hook', 'allowed'],
  ['https://my-localhost.example/hook', 'allowed'],
  ['http://93.184.216.34/', 'allowed'],
  ['http://1.1.1.1./', 'allowed'],
  ['http://8.8.8.8:8443/hook', 'allowed'],
  ['http://172.32.0.1/', 'allowed'],
  ['http://100.128.0.1/', 'allowed'],
  ['http://[2606:4700:4700::1111]/', 'allowed'],
  ['http://[2a00:1450:4001:82a::200e]/hook', 'allowed'],
  ['http://[2606:2800:220:1:248:1893:25c8:1946]/', 'allowed'],
];

describe('webhook SSRF guard', () => {
  it('has a table of at least 60 spellings', () => {
    expect(SPELLINGS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(SPELLINGS)('judges %s as %s', (url, verdict) => {
    const problem = urlProblem(url, false);
    if (verdict === 'allowed') expect(problem).toBeNull();
    else expect(problem).toEqual(expect.any(String));
  });

  it.each([
    ['ftp://example.com/hook', /http or https/],
    ['https://user:pass@example.com/hook', /credentials/],
    ['http://localhost:8080/hook', /this machine/],
    ['http://sub.localhost./hook', /this machine/],
    ['http://127.0.0.1/hook', /private, loopback or special-purpose/],
    ['http://[::127.0.0.1]/hook', /private, loopback or special-purpose/],
    ['http://intranet/hook', /fully qualified/],
    ['not a url', /absolute/],
  ])('explains why %s is refused', (url, message) => expect(urlProblem(url, false)).toMatch(message));

  it('lets private targets through only when allowed, but never a bad scheme or credentials', () => {
    expect(urlProblem('http://127.0.0.1:9999/hook', true)).toBeNull();
    expect(urlProblem('http://localhost./hook', true)).toBeNull();
    expect(urlProblem('ftp://127.0.0.1/hook', true)).toMatch(/http or https/);
    expect(urlProblem('http://u:p@127.0.0.1/hook', true)).toMatch(/credentials/);
  });

  it.each([
    ['LOCALHOST.', 'localhost'],
    ['[::1]', '::1'],
    ['Example.COM..', 'example.com'],
  ])('canonicalises the host %s to %s', (host, canonical) => expect(canonicalHost(host)).toBe(canonical));

  describe('addresses at connect time', () => {
    it.each([
      '127.0.0.1',
      '10.1.2.3',
      '0.0.0.0',
      '169.254.169.254',
      '::1',
      '::',
      'fd00::1',
      'fe80::1%eth0',
      '::ffff:127.0.0.1',
      '::ffff:93.184.216.34',
      '::7f00:1',
      '64:ff9b::5db8:d822',
      '2002:5db8:d822::1',
      '2001:0:5db8:d822::1',
      // Non-canonical spellings are never what DNS answers: refused rather than interpreted.
      '0x7f000001',
      '2130706433',
      '127.1',
      'not-an-address',
    ])('treats %s as not public', (address) => expect(isPublicAddress(address)).toBe(false));

    it.each(['93.184.216.34', '1.1.1.1', '2606:2800:220:1:248:1893:25c8:1946', '2a00:1450:4001:82a::200e'])(
      'treats %s as public',
      (address) => expect(isPublicAddress(address)).toBe(true),
    );

    it('refuses an address literal host, which Node connects to without a lookup', () => {
      expect(literalTargetRefusal('[::7f00:1]', false)?.message).toMatch(/non-public address ::7f00:1/);
      expect(literalTargetRefusal('127.0.0.1', false)?.code).toBe('EDEPOTSSRF');
      expect(literalTargetRefusal('93.184.216.34', false)).toBeNull();
      expect(literalTargetRefusal('hooks.example.com', false)).toBeNull();
      expect(literalTargetRefusal('127.0.0.1', true)).toBeNull();
    });
  });

  describe('guarded DNS lookup', () => {
    /** A resolver that answers these addresses for every name. */
    const answering =
      (...addresses: string[]): Resolver =>
      (_hostname, _options, callback) =>
        callback(
          null,
          addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
        );

    function lookup(
      allowPrivate: boolean,
      hostname: string,
      resolver: Resolver,
      all = true,
    ): Promise<{ error: NodeJS.ErrnoException | null; address: unknown }> {
      return new Promise((resolve) =>
        guardedLookup(allowPrivate, resolver)(hostname, { all }, (error, address) => resolve({ error, address })),
      );
    }

    it('refuses a public name that resolves to a private address, even among public ones', async () => {
      const { error } = await lookup(false, 'rebind.example.com', answering('93.184.216.34', '10.0.0.7'));
      expect(error?.code).toBe('EDEPOTSSRF');
      expect(error?.message).toMatch(/non-public address 10\.0\.0\.7/);
    });

    it('refuses a name that resolves to an IPv6 form embedding IPv4', async () => {
      const { error } = await lookup(false, 'nat64.example.com', answering('64:ff9b::7f00:1'));
      expect(error?.message).toMatch(/non-public address 64:ff9b::7f00:1/);
    });

    it('refuses a local name before asking DNS', async () => {
      const resolver = jest.fn(answering('93.184.216.34'));
      const { error } = await lookup(false, 'sub.localhost.', resolver);
      expect(error?.message).toMatch(/refused to connect to sub\.localhost: url must not point to this machine/);
      expect(resolver).not.toHaveBeenCalled();
    });

    it('answers the resolved public addresses, as a list or the first one', async () => {
      expect(await lookup(false, 'hooks.example.com', answering('93.184.216.34', '2606:4700::1111'))).toEqual({
        error: null,
        address: [
          { address: '93.184.216.34', family: 4 },
          { address: '2606:4700::1111', family: 6 },
        ],
      });
      expect((await lookup(false, 'hooks.example.com', answering('93.184.216.34'), false)).address).toBe(
        '93.184.216.34',
      );
    });

    it('lets a name that resolves to a private address through when allowed', async () => {
      expect((await lookup(true, 'localhost', answering('127.0.0.1'))).error).toBeNull();
    });

    it('refuses localhost with the real resolver', async () => {
      const { error } = await new Promise<{ error: NodeJS.ErrnoException | null }>((resolve) =>
        guardedLookup(false)('localhost', { all: true }, (failure) => resolve({ error: failure })),
      );
      expect(error?.code).toBe('EDEPOTSSRF');
    });
  });
});
