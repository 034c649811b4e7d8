import { type Routes } from '@angular/router';

import { authGuard, guestGuard } from './core/auth/auth.guard';

const loadShell = () => import('./core/layout/shell.component').then((m) => m.ShellComponent);

/**
 * Called at start-up while a session is being restored: the signed-in shell comes next (and the
 * dashboard, when that is where the user is going), so their chunks are fetched alongside the
 * refresh instead of after it and the guards. The router's own loads share these module loads;
 * a failed load here is left for the router to report when it needs the page.
 */
export function preloadSignedInPage(path: string): void {
  loadShell().catch(() => undefined);
  if (path === '/' || path === '/dashboard') {
    import('./features/dashboard/dashboard.component').catch(() => undefined);
  }
}

/**
 * Every route of the app. Feature areas are registered here (each lazy-loaded with its own
 * `<area>.routes.ts`, where each page checks its permission); `core/` holds no feature routes.
 */
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
    loadComponent: loadShell,
    // Pages inside the signed-in shell; each area's routes load with the area.
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      {
        path: 'dashboard',
        loadChildren: () => import('./features/dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'forbidden',
        title: 'Forbidden',
        loadComponent: () => import('./core/pages/forbidden-page.component').then((m) => m.ForbiddenPageComponent),
      },
      {
        path: 'profile',
        loadChildren: () => import('./features/profile/profile.routes').then((m) => m.PROFILE_ROUTES),
      },
      {
        path: 'admin',
        loadChildren: () => import('./features/admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: '',
        loadChildren: () => import('./features/catalog/catalog.routes').then((m) => m.CATALOG_ROUTES),
      },
      {
        path: '',
        loadChildren: () => import('./features/inventory/inventory.routes').then((m) => m.INVENTORY_ROUTES),
      },
      {
        path: '',
        loadChildren: () => import('./features/purchasing/purchasing.routes').then((m) => m.PURCHASING_ROUTES),
      },
      {
        path: '',
        loadChildren: () => import('./features/sales/sales.routes').then((m) => m.SALES_ROUTES),
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./core/pages/not-found-page.component').then((m) => m.NotFoundPageComponent),
      },
    ],
  },
];
