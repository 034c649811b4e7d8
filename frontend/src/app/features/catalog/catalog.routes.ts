import { type Routes } from '@angular/router';
import { Permission } from '@depot/contracts';

import { permissionGuard } from '../../core/auth/permission.guard';

/** Catalog area (products; categories later). Mounted at the shell root, so paths are absolute. */
export const CATALOG_ROUTES: Routes = [
  {
    path: 'products',
    canActivate: [permissionGuard(Permission.CatalogProductsRead)],
    children: [
      {
        path: '',
        title: 'Products',
        loadComponent: () => import('./products/list/product-list.component').then((m) => m.ProductListComponent),
      },
      {
        path: 'new',
        title: 'New product',
        canActivate: [permissionGuard(Permission.CatalogProductsWrite)],
        loadComponent: () => import('./products/update/product-form.component').then((m) => m.ProductFormComponent),
      },
      {
        path: ':id/edit',
        title: 'Edit product',
        loadComponent: () => import('./products/update/product-form.component').then((m) => m.ProductFormComponent),
      },
    ],
  },
];
