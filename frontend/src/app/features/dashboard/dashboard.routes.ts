import { type Routes } from '@angular/router';

import { dashboardGuard } from './dashboard.guard';

/** The start page after sign-in (`/dashboard`; the shell redirects `/` here). */
export const DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    title: 'Dashboard',
    canActivate: [dashboardGuard],
    loadComponent: () => import('./dashboard.component').then((m) => m.DashboardComponent),
  },
];
