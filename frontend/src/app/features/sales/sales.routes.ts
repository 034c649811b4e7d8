import { type Routes } from '@angular/router';
import { Permission } from '@depot/contracts';

import { permissionGuard } from '../../core/auth/permission.guard';

/**
 * Sales area: sales orders and invoices (with credit notes). Mounted at the shell root, so paths
 * are absolute.
 */
export const SALES_ROUTES: Routes = [
  {
    path: 'sales-orders',
    title: 'Sales orders',
    canActivate: [permissionGuard(Permission.SalesOrdersRead)],
    loadComponent: () => import('./orders/list/sales-order-list.component').then((m) => m.SalesOrderListComponent),
  },
  {
    path: 'sales-orders/new',
    title: 'New sales order',
    canActivate: [permissionGuard(Permission.SalesOrdersWrite)],
    loadComponent: () => import('./orders/form/sales-order-form.component').then((m) => m.SalesOrderFormComponent),
  },
  {
    path: 'sales-orders/:id',
    title: 'Sales order',
    canActivate: [permissionGuard(Permission.SalesOrdersRead)],
    loadComponent: () =>
      import('./orders/detail/sales-order-detail.component').then((m) => m.SalesOrderDetailComponent),
  },
  {
    path: 'sales-orders/:id/edit',
    title: 'Edit sales order',
    canActivate: [permissionGuard(Permission.SalesOrdersWrite)],
    loadComponent: () => import('./orders/form/sales-order-form.component').then((m) => m.SalesOrderFormComponent),
  },
  {
    path: 'invoices',
    title: 'Invoices',
    canActivate: [permissionGuard(Permission.SalesInvoicesRead)],
    loadComponent: () => import('./invoices/list/invoice-list.component').then((m) => m.InvoiceListComponent),
  },
  {
    path: 'invoices/:id',
    title: 'Invoice',
    canActivate: [permissionGuard(Permission.SalesInvoicesRead)],
    loadComponent: () => import('./invoices/detail/invoice-detail.component').then((m) => m.InvoiceDetailComponent),
  },
];
