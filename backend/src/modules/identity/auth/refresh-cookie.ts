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

/**
 * Cookies are read and written here only: @fastify/cookie is registered without its per-request
 * parsing hook (configure-http.ts), so the auth endpoints parse the header themselves.
 */
function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  void reply.header('set-cookie', reply.server.serializeCookie(name, value, options));
}

type CookieOptions = Parameters<FastifyReply['server']['serializeCookie']>[2];

export function setRefreshCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean): void {
  setCookie(reply, REFRESH_COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    maxAge: maxAgeSeconds,
  });
  setCookie(reply, SESSION_HINT_COOKIE, '1', {
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
  const expired = { expires: new Date(0), maxAge: 0 };
  setCookie(reply, REFRESH_COOKIE, '', {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    ...expired,
  });
  setCookie(reply, SESSION_HINT_COOKIE, '', { httpOnly: false, secure, sameSite: 'strict', path: '/', ...expired });
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  return header ? request.server.parseCookie(header)[REFRESH_COOKIE] : undefined;
}
