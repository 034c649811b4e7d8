import { type Routes } from '@angular/router';

export const AUTH_ROUTES: Routes = [
  {
    path: '',
    title: 'Sign in',
    loadComponent: () => import('./login/login-page.component').then((m) => m.LoginPageComponent),
  },
];
