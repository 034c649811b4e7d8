import { type Routes } from '@angular/router';

/** Pages inside the signed-in shell (loaded with it, not listed in the initial `app.routes.ts`). */
export const SHELL_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
  {
    path: 'dashboard',
    loadChildren: () => import('../../features/dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
  },
  {
    path: 'forbidden',
    title: 'Forbidden',
    loadComponent: () => import('../pages/forbidden-page.component').then((m) => m.ForbiddenPageComponent),
  },
  {
    path: 'profile',
    loadChildren: () => import('../../features/profile/profile.routes').then((m) => m.PROFILE_ROUTES),
  },
  {
    path: 'admin',
    loadChildren: () => import('../../features/admin/admin.routes').then((m) => m.ADMIN_ROUTES),
  },
  {
    path: '',
    loadChildren: () => import('../../features/catalog/catalog.routes').then((m) => m.CATALOG_ROUTES),
  },
  {
    path: '',
    loadChildren: () => import('../../features/inventory/inventory.routes').then((m) => m.INVENTORY_ROUTES),
  },
  {
    path: '',
    loadChildren: () => import('../../features/purchasing/purchasing.routes').then((m) => m.PURCHASING_ROUTES),
  },
  {
    path: '',
    loadChildren: () => import('../../features/sales/sales.routes').then((m) => m.SALES_ROUTES),
  },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('../pages/not-found-page.component').then((m) => m.NotFoundPageComponent),
  },
];
