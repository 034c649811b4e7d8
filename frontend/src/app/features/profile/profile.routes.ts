import { type Routes } from '@angular/router';

/** `/profile`: every signed-in user's own account (no permission needed). */
export const PROFILE_ROUTES: Routes = [
  {
    path: '',
    title: 'My profile',
    loadComponent: () => import('./profile-page.component').then((m) => m.ProfilePageComponent),
  },
];
