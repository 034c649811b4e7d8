import { Permission } from '@depot/contracts';

import type { IconName } from '../../shared/ui/icon/icon.component';

export interface NavItem {
  label: string;
  path: string;
  icon: IconName;
  /** Shown only to users holding this permission (the route's guard checks it again). */
  permission: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Dashboard', path: '/dashboard', icon: 'dashboard', permission: Permission.InventoryStockRead },
  { label: 'Products', path: '/products', icon: 'inventory', permission: Permission.CatalogProductsRead },
  { label: 'Categories', path: '/categories', icon: 'category', permission: Permission.CatalogProductsRead },
  { label: 'Warehouses', path: '/warehouses', icon: 'archive', permission: Permission.InventoryWarehousesRead },
  { label: 'Stock ledger', path: '/stock/movements', icon: 'history', permission: Permission.InventoryStockRead },
  { label: 'Low stock', path: '/stock/low', icon: 'warning', permission: Permission.InventoryStockRead },
  { label: 'Suppliers', path: '/suppliers', icon: 'shipping', permission: Permission.PurchasingSuppliersRead },
  { label: 'Customers', path: '/customers', icon: 'store', permission: Permission.SalesCustomersRead },
  { label: 'Purchase orders', path: '/purchase-orders', icon: 'list', permission: Permission.PurchasingOrdersRead },
  { label: 'Reorder', path: '/purchasing/reorder', icon: 'shoppingCart', permission: Permission.PurchasingOrdersWrite },
  { label: 'Sales orders', path: '/sales-orders', icon: 'shoppingCart', permission: Permission.SalesOrdersRead },
  { label: 'Invoices', path: '/invoices', icon: 'receipt', permission: Permission.SalesInvoicesRead },
];

/** The "Administration" group of the navigation. */
export const ADMIN_NAV_ITEMS: readonly NavItem[] = [
  { label: 'Users', path: '/admin/users', icon: 'group', permission: Permission.IdentityUsersRead },
  { label: 'Roles', path: '/admin/roles', icon: 'verifiedUser', permission: Permission.IdentityRolesRead },
  { label: 'API keys', path: '/admin/api-keys', icon: 'key', permission: Permission.IdentityApiKeysManage },
  {
    label: 'Security log',
    path: '/admin/security-log',
    icon: 'shield',
    permission: Permission.IdentitySecurityLogRead,
  },
  { label: 'Audit log', path: '/admin/audit-log', icon: 'history', permission: Permission.AuditRead },
  { label: 'Webhooks', path: '/admin/webhooks', icon: 'webhook', permission: Permission.NotificationsWebhooksManage },
  { label: 'Outgoing mail', path: '/admin/mail', icon: 'send', permission: Permission.MailMessagesRead },
  { label: 'Operations', path: '/admin/operations', icon: 'devices', permission: Permission.OperationsStatusRead },
  {
    label: 'Company settings',
    path: '/admin/settings',
    icon: 'business',
    permission: Permission.SettingsCompanyManage,
  },
];

/** Shown only when the server has a development mailbox (it answers `GET /dev/mailbox`). */
export const MAILBOX_NAV_ITEM: NavItem = {
  label: 'Mailbox',
  path: '/admin/mailbox',
  icon: 'mail',
  permission: Permission.DevMailboxRead,
};
