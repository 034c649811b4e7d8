import type { FastifyRequest } from 'fastify';
import { ErrorCode } from '@depot/contracts';
import { AppError } from '../../../platform/http/app-error';

/** Fetch metadata values a browser sends for requests the page itself made. */
const SAME_ORIGIN_FETCH_SITES = new Set(['same-origin', 'none']);

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Guards the operations a browser authenticates with the refresh cookie alone (refresh,
 * logout) against cross-site requests, on top of SameSite=Strict: a request that says where it
 * comes from (`Origin`, or `Sec-Fetch-Site` when Origin is absent) must come from Depot itself
 * (PUBLIC_URL, the address it was reached at) or from an origin in CORS_ORIGINS. Requests that
 * carry neither header are not from a browser page, and cannot use someone else's cookie.
 */
export function assertCookieRequestOrigin(
  request: FastifyRequest,
  allowed: { publicUrl: string; corsOrigins: readonly string[] },
): void {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const own = originOf(`${request.protocol}://${request.host}`);
    const trusted = [originOf(allowed.publicUrl), own, ...allowed.corsOrigins.map(originOf)];
    if (origin !== 'null' && trusted.includes(originOf(origin) ?? '\0')) return;
    throw crossSite();
  }
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && !SAME_ORIGIN_FETCH_SITES.has(site)) throw crossSite();
}

function crossSite(): AppError {
  return new AppError(
    403,
    ErrorCode.Forbidden,
    'Forbidden',
    'Cross-site request refused: the session cookie is only accepted from Depot itself.',
  );
}
