import { type Routes } from '@angular/router';
import { Permission } from '@depot/contracts';

import { permissionGuard } from '../../core/auth/permission.guard';

/**
 * Inventory area: warehouses, the stock ledger and low stock. Mounted at the shell root, so paths
 * are absolute. (The product detail page with its stock lives under `/products/:id`, in the
 * catalog routes.)
 */
export const INVENTORY_ROUTES: Routes = [
  {
    path: 'warehouses',
    title: 'Warehouses',
    canActivate: [permissionGuard(Permission.InventoryWarehousesRead)],
    loadComponent: () => import('./warehouses/warehouse-list.component').then((m) => m.WarehouseListComponent),
  },
  {
    path: 'stock/movements',
    title: 'Stock ledger',
    canActivate: [permissionGuard(Permission.InventoryStockRead)],
    loadComponent: () => import('./ledger/ledger.component').then((m) => m.LedgerComponent),
  },
  {
    path: 'stock/low',
    title: 'Low stock',
    canActivate: [permissionGuard(Permission.InventoryStockRead)],
    loadComponent: () => import('./low-stock/low-stock.component').then((m) => m.LowStockComponent),
  },
];
