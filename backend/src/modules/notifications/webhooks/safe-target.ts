import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/*
 * SSRF guard for webhook targets. Every host is judged by its canonical form, and by an
 * allowlist rather than a blocklist: only addresses that are plainly public unicast pass.
 * The same judgement runs when a URL is registered (create and update) and again at connect
 * time, on the addresses DNS answered and on address literals (which Node does not look up).
 */

/** Names that mean "this machine" whatever DNS says (RFC 6761 and common /etc/hosts entries). */
const LOOPBACK_NAMES = new Set([
  'localhost',
  'localhost.localdomain',
  'localhost6',
  'localhost6.localdomain6',
  'ip6-localhost',
  'ip6-loopback',
  'ip6-localnet',
  'ip6-mcastprefix',
  'ip6-allnodes',
  'ip6-allrouters',
]);

/** Suffixes reserved for local networks: never a public receiver. */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.localdomain', '.internal', '.home.arpa'];

/** Global unicast IPv6 (2000::/3); ipaddr.js then classes the special blocks inside it. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Lower-cases a URL host or DNS name, drops IPv6 brackets and trailing dots. WHATWG URL parsing
 * (which every registered URL goes through) has already turned decimal, octal, hex and short
 * IPv4 spellings into dotted quads and compressed IPv6; it keeps trailing dots on names.
 */
export function canonicalHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.+$/, '');
}

/**
 * True only for a public unicast address: for IPv4 a dotted quad that ipaddr.js classes as
 * 'unicast'; for IPv6 an address in 2000::/3 classed 'unicast', which leaves out every form
 * that embeds IPv4 (mapped, compatible, NAT64, 6to4, Teredo), unique-local, link-local,
 * multicast, documentation, benchmarking and the other reserved blocks.
 */
export function isPublicAddress(address: string): boolean {
  const candidate = canonicalHost(address);
  if (ipaddr.IPv4.isValidFourPartDecimal(candidate)) {
    return ipaddr.IPv4.parse(candidate).range() === 'unicast';
  }
  if (!ipaddr.IPv6.isValid(candidate)) return false;
  const parsed = ipaddr.IPv6.parse(candidate);
  return parsed.match(GLOBAL_UNICAST_V6) && parsed.range() === 'unicast';
}

/** Looks like an IP address in any spelling (so it must be judged as one, not as a name). */
function looksLikeAddress(host: string): boolean {
  if (host.includes(':')) return true;
  // WHATWG treats a host whose last label is a number (decimal, 0x hex, octal) as IPv4.
  const last = host.split('.').pop() ?? '';
  return /^(0x[0-9a-f]*|\d+)$/.test(last);
}

/** Why a host may not be a webhook target, or null when it may (its addresses are checked again at connect time). */
export function hostProblem(rawHost: string): string | null {
  const host = canonicalHost(rawHost);
  if (host === '') return 'url must name a host';
  if (looksLikeAddress(host)) {
    return isPublicAddress(host) ? null : 'url must not point to a private, loopback or special-purpose address';
  }
  if (LOOPBACK_NAMES.has(host) || host.endsWith('.localhost')) return 'url must not point to this machine';
  if (host.split('.').some((label) => label === '')) return 'url host is not a valid name';
  if (!host.includes('.') || LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
    return 'url must name a public host (a fully qualified domain name)';
  }
  return null;
}

/** Problems with a webhook URL itself: scheme, credentials, and (unless allowed) a non-public host. */
export function urlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url must be an absolute http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url must use http or https';
  if (url.username || url.password) return 'url must not contain credentials';
  return allowPrivate ? null : hostProblem(url.hostname);
}

function refusal(address: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`refused to connect to non-public address ${address}`), { code: 'EDEPOTSSRF' });
}

/**
 * Connect-time check of an address literal host, which Node connects to without a lookup
 * (the URL may have been registered while private targets were allowed). Null when fine.
 */
export function literalTargetRefusal(hostname: string, allowPrivate: boolean): NodeJS.ErrnoException | null {
  const host = canonicalHost(hostname);
  if (allowPrivate || !looksLikeAddress(host) || isPublicAddress(host)) return null;
  return refusal(host);
}

/** The shape of `dns.lookup` with `all: true`, injectable for tests. */
export type Resolver = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * DNS lookup used for the actual connection: the name is judged as at registration, then every
 * resolved address is checked, so a name that resolves (or re-resolves) to a non-public
 * address is refused at connect time.
 */
export function guardedLookup(allowPrivate: boolean, resolver: Resolver = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    const problem = allowPrivate ? null : hostProblem(hostname);
    if (problem) {
      const error = Object.assign(new Error(`refused to connect to ${canonicalHost(hostname)}: ${problem}`), {
        code: 'EDEPOTSSRF',
      });
      return callback(error, '', 0);
    }
    resolver(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused) return callback(refusal(refused.address), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      return callback(null, first.address, first.family);
    });
  };
}
