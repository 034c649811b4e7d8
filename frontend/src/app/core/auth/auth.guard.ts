import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { map } from 'rxjs';

import { AuthService } from './auth.service';
import { loginUrlTree } from './login-redirect';

/**
 * Lets signed-in users through; others go to the login page with a `returnUrl`. Waits for the
 * start-up session restore, which takes as long as an outage does: until the server answers,
 * nobody knows whether this user is signed in.
 */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return auth.whenRestored().pipe(map(() => auth.isAuthenticated() || loginUrlTree(router, state.url)));
};

/** Keeps signed-in users away from the login page (once the start-up restore has its answer). */
export const guestGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  return auth.whenRestored().pipe(map(() => !auth.isAuthenticated() || router.createUrlTree(['/'])));
};
