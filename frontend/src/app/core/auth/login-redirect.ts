import { type Router, type UrlTree } from '@angular/router';

export const LOGIN_PATH = '/login';

/** The URL tree of the login page that returns to `returnUrl` after signing in. */
export function loginUrlTree(router: Router, returnUrl: string): UrlTree {
  const keep = returnUrl && returnUrl !== '/' && !returnUrl.startsWith(LOGIN_PATH);
  return router.createUrlTree([LOGIN_PATH], keep ? { queryParams: { returnUrl } } : {});
}

/** Sends the user to the login page, remembering where they were (or were going). */
export function redirectToLogin(router: Router): void {
  const navigation = router.currentNavigation();
  const target = navigation ? router.serializeUrl(navigation.finalUrl ?? navigation.extractedUrl) : router.url;
  if (target.startsWith(LOGIN_PATH) || router.url.startsWith(LOGIN_PATH)) {
    return;
  }
  void router.navigateByUrl(loginUrlTree(router, target));
}

/**
 * Validates a `returnUrl` query parameter: only paths inside this app are accepted, so the login
 * page cannot be abused as an open redirect (`//evil.example`, `https://...`, `javascript:`).
 */
export function safeReturnUrl(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  if (value.startsWith(LOGIN_PATH)) {
    return fallback;
  }
  return value;
}
