import { inject } from '@angular/core';
import { type CanActivateFn, RedirectCommand, Router } from '@angular/router';
import type { Permission } from '@depot/contracts';

import { AuthService } from './auth.service';
import { loginUrlTree } from './login-redirect';

/**
 * Requires a permission (or any one of the alternatives given after it). Without it the forbidden page is shown in place (the address bar keeps
 * the URL that was asked for, like a server's 403 would). Only lazy route files use it, so it
 * lives apart from `authGuard` and out of the initial bundle.
 */
export function permissionGuard(permission: Permission, ...alternatives: Permission[]): CanActivateFn {
  const accepted = [permission, ...alternatives];
  return (_route, state) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    if (!auth.isAuthenticated()) {
      return loginUrlTree(router, state.url);
    }
    if (accepted.some((candidate) => auth.hasPermission(candidate))) {
      return true;
    }
    return new RedirectCommand(router.parseUrl('/forbidden'), { browserUrl: state.url });
  };
}
