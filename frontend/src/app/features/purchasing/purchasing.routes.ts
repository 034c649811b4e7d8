import { type Routes } from '@angular/router';
import { PartnerKind, Permission } from '@depot/contracts';

import { permissionGuard } from '../../core/auth/permission.guard';
import { PARTNER_KIND_DATA } from './data-access/purchasing-labels';

/**
 * Purchasing area: suppliers, customers (the same partner pages, parameterised by kind) and
 * purchase orders, and the reorder page. Mounted at the shell root, so paths are absolute.
 */
export const PURCHASING_ROUTES: Routes = [
  {
    path: 'suppliers',
    title: 'Suppliers',
    canActivate: [permissionGuard(Permission.PurchasingSuppliersRead)],
    data: { [PARTNER_KIND_DATA]: PartnerKind.Supplier },
    loadComponent: () => import('./partners/partner-list.component').then((m) => m.PartnerListComponent),
  },
  {
    path: 'customers',
    title: 'Customers',
    canActivate: [permissionGuard(Permission.SalesCustomersRead)],
    data: { [PARTNER_KIND_DATA]: PartnerKind.Customer },
    loadComponent: () => import('./partners/partner-list.component').then((m) => m.PartnerListComponent),
  },
  {
    path: 'purchasing/reorder',
    title: 'Reorder',
    canActivate: [permissionGuard(Permission.PurchasingOrdersWrite)],
    loadComponent: () => import('./reorder/reorder.component').then((m) => m.ReorderComponent),
  },
  {
    path: 'purchase-orders',
    canActivate: [permissionGuard(Permission.PurchasingOrdersRead)],
    children: [
      {
        path: '',
        title: 'Purchase orders',
        loadComponent: () =>
          import('./purchase-orders/list/purchase-order-list.component').then((m) => m.PurchaseOrderListComponent),
      },
      {
        path: 'new',
        title: 'New purchase order',
        canActivate: [permissionGuard(Permission.PurchasingOrdersWrite)],
        loadComponent: () =>
          import('./purchase-orders/form/purchase-order-form.component').then((m) => m.PurchaseOrderFormComponent),
      },
      {
        // After 'new', so it is not read as an order id.
        path: ':id',
        title: 'Purchase order',
        loadComponent: () =>
          import('./purchase-orders/detail/purchase-order-detail.component').then(
            (m) => m.PurchaseOrderDetailComponent,
          ),
      },
      {
        path: ':id/edit',
        title: 'Edit purchase order',
        canActivate: [permissionGuard(Permission.PurchasingOrdersWrite)],
        loadComponent: () =>
          import('./purchase-orders/form/purchase-order-form.component').then((m) => m.PurchaseOrderFormComponent),
      },
    ],
  },
];
