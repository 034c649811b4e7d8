import type { FastifyReply, FastifyRequest } from 'fastify';

export const REFRESH_COOKIE = 'depot_refresh';
/** The cookie is sent only to the auth endpoints that need it. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';
/**
 * A readable companion of the refresh cookie, with the same lifetime and no secret in it: it only
 * tells the admin app that a refresh may succeed, so a signed-out visit (e.g. to /login) does not
 * try one and log a 401. Forging it gains nothing (the refresh still needs the httpOnly token);
 * losing it only means signing in again.
 */
export const SESSION_HINT_COOKIE = 'depot_session';

export function setRefreshCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean): void {
  void reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    maxAge: maxAgeSeconds,
  });
  void reply.setCookie(SESSION_HINT_COOKIE, '1', {
    httpOnly: false,
    secure,
    sameSite: 'strict',
    path: '/',
    maxAge: maxAgeSeconds,
  });
  // Token responses must never be cached by browsers or proxies.
  void reply.header('cache-control', 'no-store');
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure, sameSite: 'strict', path: REFRESH_COOKIE_PATH });
  void reply.clearCookie(SESSION_HINT_COOKIE, { httpOnly: false, secure, sameSite: 'strict', path: '/' });
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies?.[REFRESH_COOKIE];
}
