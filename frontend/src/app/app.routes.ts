import { type Routes } from '@angular/router';

import { authGuard, guestGuard } from './core/auth/auth.guard';

export const routes: Routes = [
  {
    path: 'login',
    canActivate: [guestGuard],
    loadChildren: () => import('./features/auth/auth.routes').then((m) => m.AUTH_ROUTES),
  },
  // Password links from e-mails work signed in or not (an invitation may be opened anywhere).
  {
    path: 'forgot-password',
    title: 'Forgot password',
    loadComponent: () =>
      import('./features/auth/forgot-password/forgot-password-page.component').then(
        (m) => m.ForgotPasswordPageComponent,
      ),
  },
  {
    path: 'reset-password',
    title: 'Set a new password',
    loadComponent: () =>
      import('./features/auth/reset-password/reset-password-page.component').then((m) => m.ResetPasswordPageComponent),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/layout/shell.component').then((m) => m.ShellComponent),
    // The shell's pages come with it, so new areas cost the initial bundle nothing.
    loadChildren: () => import('./core/layout/shell.routes').then((m) => m.SHELL_ROUTES),
  },
];
