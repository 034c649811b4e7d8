import { type Routes } from '@angular/router';
import { Permission } from '@depot/contracts';

import { permissionGuard } from '../../core/auth/permission.guard';

/** Catalog area (products, categories, CSV import). Mounted at the shell root, so paths are absolute. */
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
        // Before ':id' so "import" is not read as a product id. The page offers only the kinds the user may import.
        path: 'import',
        title: 'Import',
        canActivate: [permissionGuard(Permission.CatalogProductsWrite, Permission.InventoryStockAdjust)],
        loadComponent: () => import('./import/import-wizard.component').then((m) => m.ImportWizardComponent),
      },
      {
        // After 'new' and 'import'. Stock, movements and history of one product (inventory area).
        path: ':id',
        title: 'Product',
        loadComponent: () =>
          import('../inventory/product-detail/product-detail.component').then((m) => m.ProductDetailComponent),
      },
      {
        path: ':id/edit',
        title: 'Edit product',
        canActivate: [permissionGuard(Permission.CatalogProductsWrite)],
        loadComponent: () => import('./products/update/product-form.component').then((m) => m.ProductFormComponent),
      },
    ],
  },
  {
    path: 'categories',
    title: 'Categories',
    canActivate: [permissionGuard(Permission.CatalogProductsRead)],
    loadComponent: () => import('./categories/list/category-tree.component').then((m) => m.CategoryTreeComponent),
  },
];
