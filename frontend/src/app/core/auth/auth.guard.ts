import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';

import { AuthService } from './auth.service';
import { loginUrlTree } from './login-redirect';

/** Lets signed-in users through; others go to the login page with a `returnUrl`. */
export const authGuard: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  return inject(AuthService).isAuthenticated() || loginUrlTree(router, state.url);
};

/** Keeps signed-in users away from the login page. */
export const guestGuard: CanActivateFn = () => {
  return !inject(AuthService).isAuthenticated() || inject(Router).createUrlTree(['/']);
};
