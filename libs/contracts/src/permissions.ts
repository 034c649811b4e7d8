/**
 * The permission catalogue: one permission per action a module offers.
 * Endpoints declare the permission they need; roles grant sets of them; API keys carry a subset.
 */
export const Permission = {
  CatalogProductsRead: 'catalog.products.read',
  CatalogProductsWrite: 'catalog.products.write',
  CatalogCategoriesWrite: 'catalog.categories.write',
  InventoryWarehousesRead: 'inventory.warehouses.read',
  InventoryWarehousesWrite: 'inventory.warehouses.write',
  InventoryStockRead: 'inventory.stock.read',
  InventoryStockAdjust: 'inventory.stock.adjust',
  InventoryStockTransfer: 'inventory.stock.transfer',
  PurchasingSuppliersRead: 'purchasing.suppliers.read',
  PurchasingSuppliersWrite: 'purchasing.suppliers.write',
  PurchasingOrdersRead: 'purchasing.orders.read',
  PurchasingOrdersWrite: 'purchasing.orders.write',
  PurchasingOrdersReceive: 'purchasing.orders.receive',
  SalesCustomersRead: 'sales.customers.read',
  SalesCustomersWrite: 'sales.customers.write',
  SalesOrdersRead: 'sales.orders.read',
  SalesOrdersWrite: 'sales.orders.write',
  SalesOrdersFulfil: 'sales.orders.fulfil',
  SalesInvoicesRead: 'sales.invoices.read',
  SalesInvoicesWrite: 'sales.invoices.write',
  SalesTaxOverride: 'sales.tax.override',
  IdentityUsersRead: 'identity.users.read',
  IdentityUsersManage: 'identity.users.manage',
  IdentityRolesRead: 'identity.roles.read',
  IdentityRolesManage: 'identity.roles.manage',
  IdentitySessionsManage: 'identity.sessions.manage',
  IdentityApiKeysManage: 'identity.api-keys.manage',
  IdentitySecurityLogRead: 'identity.security-log.read',
  AuditRead: 'audit.read',
  NotificationsWebhooksManage: 'notifications.webhooks.manage',
  MailMessagesRead: 'mail.messages.read',
  MailMessagesManage: 'mail.messages.manage',
  DevMailboxRead: 'dev.mailbox.read',
  OperationsStatusRead: 'operations.status.read',
  SettingsCompanyManage: 'settings.company.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

/** Human-readable catalogue for the roles editor, grouped by module. */
export const PERMISSION_CATALOGUE: readonly {
  module: string;
  permissions: { name: Permission; description: string }[];
}[] = [
  {
    module: 'Catalog',
    permissions: [
      { name: Permission.CatalogProductsRead, description: 'View products' },
      { name: Permission.CatalogProductsWrite, description: 'Create, edit and archive products' },
      { name: Permission.CatalogCategoriesWrite, description: 'Create, rename, move and delete categories' },
    ],
  },
  {
    module: 'Inventory',
    permissions: [
      { name: Permission.InventoryWarehousesRead, description: 'View warehouses' },
      { name: Permission.InventoryWarehousesWrite, description: 'Create and edit warehouses' },
      { name: Permission.InventoryStockRead, description: 'View stock levels and the ledger' },
      { name: Permission.InventoryStockAdjust, description: 'Adjust stock and import opening stock' },
      { name: Permission.InventoryStockTransfer, description: 'Transfer stock between warehouses' },
    ],
  },
  {
    module: 'Purchasing',
    permissions: [
      { name: Permission.PurchasingSuppliersRead, description: 'View suppliers' },
      { name: Permission.PurchasingSuppliersWrite, description: 'Create and edit suppliers' },
      { name: Permission.PurchasingOrdersRead, description: 'View purchase orders' },
      { name: Permission.PurchasingOrdersWrite, description: 'Create, edit, submit and cancel purchase orders' },
      { name: Permission.PurchasingOrdersReceive, description: 'Receive purchase orders into stock' },
    ],
  },
  {
    module: 'Sales',
    permissions: [
      { name: Permission.SalesCustomersRead, description: 'View customers' },
      { name: Permission.SalesCustomersWrite, description: 'Create and edit customers' },
      { name: Permission.SalesOrdersRead, description: 'View sales orders' },
      { name: Permission.SalesOrdersWrite, description: 'Create, edit, confirm and cancel sales orders' },
      { name: Permission.SalesOrdersFulfil, description: 'Ship sales orders' },
      { name: Permission.SalesInvoicesRead, description: 'View invoices and download them' },
      { name: Permission.SalesInvoicesWrite, description: 'Issue invoices and credit notes, record payments' },
      {
        name: Permission.SalesTaxOverride,
        description: "Set a sales line's tax rate other than the one the product and customer call for",
      },
    ],
  },
  {
    module: 'Identity',
    permissions: [
      { name: Permission.IdentityUsersRead, description: 'View users' },
      { name: Permission.IdentityUsersManage, description: 'Create, edit, disable users and assign roles' },
      { name: Permission.IdentityRolesRead, description: 'View roles' },
      { name: Permission.IdentityRolesManage, description: 'Create, edit and delete roles' },
      { name: Permission.IdentitySessionsManage, description: "List and end other users' sessions" },
      { name: Permission.IdentityApiKeysManage, description: 'Create and revoke API keys' },
      { name: Permission.IdentitySecurityLogRead, description: 'View the security log' },
    ],
  },
  {
    module: 'Audit',
    permissions: [{ name: Permission.AuditRead, description: 'View the audit trail' }],
  },
  {
    module: 'Notifications',
    permissions: [
      { name: Permission.NotificationsWebhooksManage, description: 'Register webhooks and see their deliveries' },
    ],
  },
  {
    module: 'Mail',
    permissions: [
      { name: Permission.MailMessagesRead, description: 'See outgoing e-mail and whether it was delivered' },
      { name: Permission.MailMessagesManage, description: 'Send failed e-mail again' },
    ],
  },
  {
    module: 'Operations',
    permissions: [
      {
        name: Permission.OperationsStatusRead,
        description: 'See the operations page: replicas, database, queues, failing webhooks, backups',
      },
    ],
  },
  {
    module: 'Settings',
    permissions: [
      {
        name: Permission.SettingsCompanyManage,
        description: 'Edit the company settings: legal details, bank account, logo, numbering',
      },
    ],
  },
  {
    module: 'Development',
    permissions: [{ name: Permission.DevMailboxRead, description: 'Read the development mailbox' }],
  },
];

export const BuiltInRole = {
  Admin: 'admin',
  Manager: 'manager',
  Clerk: 'clerk',
  Viewer: 'viewer',
} as const;
export type BuiltInRole = (typeof BuiltInRole)[keyof typeof BuiltInRole];

/** What each built-in role may do. Admin gets everything. */
export const BUILT_IN_ROLE_PERMISSIONS: Record<BuiltInRole, readonly Permission[]> = {
  admin: ALL_PERMISSIONS,
  manager: [
    Permission.CatalogProductsRead,
    Permission.CatalogProductsWrite,
    Permission.CatalogCategoriesWrite,
    Permission.InventoryWarehousesRead,
    Permission.InventoryWarehousesWrite,
    Permission.InventoryStockRead,
    Permission.InventoryStockAdjust,
    Permission.InventoryStockTransfer,
    Permission.PurchasingSuppliersRead,
    Permission.PurchasingSuppliersWrite,
    Permission.PurchasingOrdersRead,
    Permission.PurchasingOrdersWrite,
    Permission.PurchasingOrdersReceive,
    Permission.SalesCustomersRead,
    Permission.SalesCustomersWrite,
    Permission.SalesOrdersRead,
    Permission.SalesOrdersWrite,
    Permission.SalesOrdersFulfil,
    Permission.SalesInvoicesRead,
    Permission.SalesInvoicesWrite,
    Permission.SalesTaxOverride,
    Permission.IdentityUsersRead,
    Permission.IdentityRolesRead,
    Permission.IdentityApiKeysManage,
    Permission.AuditRead,
  ],
  clerk: [
    Permission.CatalogProductsRead,
    Permission.CatalogProductsWrite,
    Permission.InventoryWarehousesRead,
    Permission.InventoryStockRead,
    Permission.InventoryStockAdjust,
    Permission.InventoryStockTransfer,
    Permission.PurchasingSuppliersRead,
    Permission.PurchasingOrdersRead,
    Permission.PurchasingOrdersWrite,
    Permission.PurchasingOrdersReceive,
    Permission.SalesCustomersRead,
    Permission.SalesOrdersRead,
    Permission.SalesOrdersWrite,
    Permission.SalesOrdersFulfil,
    Permission.SalesInvoicesRead,
    Permission.SalesTaxOverride,
  ],
  viewer: [
    Permission.CatalogProductsRead,
    Permission.InventoryWarehousesRead,
    Permission.InventoryStockRead,
    Permission.PurchasingSuppliersRead,
    Permission.PurchasingOrdersRead,
    Permission.SalesCustomersRead,
    Permission.SalesOrdersRead,
    Permission.SalesInvoicesRead,
  ],
};
