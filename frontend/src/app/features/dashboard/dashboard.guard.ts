import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { Permission } from '@depot/contracts';

import { AuthService } from '../../core/auth/auth.service';
import { loginUrlTree } from '../../core/auth/login-redirect';
import { NAV_ITEMS } from '../../core/layout/nav-items';

/** Where users go who may not see the dashboard: always open to a signed-in user. */
const LAST_RESORT = '/profile';

/**
 * The dashboard is the start page (`/` and the default after sign-in), so a user without stock
 * access must not land on a forbidden page there: they are sent to the first page of the
 * navigation they may open (the product list for most), or to their profile.
 */
export const dashboardGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  if (!auth.isAuthenticated()) {
    return loginUrlTree(router, state.url);
  }
  if (auth.hasPermission(Permission.InventoryStockRead)) {
    return true;
  }
  const fallback = NAV_ITEMS.find((item) => item.path !== '/dashboard' && auth.hasPermission(item.permission));
  return router.parseUrl(fallback?.path ?? LAST_RESORT);
};
