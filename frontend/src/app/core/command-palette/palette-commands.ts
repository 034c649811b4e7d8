import { Permission } from '@depot/contracts';

import { ADMIN_NAV_ITEMS, NAV_ITEMS } from '../layout/nav-items';

/** Something the palette can do without a search: open a page. */
export interface PaletteCommand {
  id: string;
  label: string;
  /** App path to open. */
  path: string;
  /** Shown only to users holding this permission. */
  permission: Permission;
  /** Extra words the command is found by. */
  keywords?: string;
}

const CREATE_COMMANDS: readonly PaletteCommand[] = [
  {
    id: 'new-product',
    label: 'New product',
    path: '/products/new',
    permission: Permission.CatalogProductsWrite,
    keywords: 'create add item sku',
  },
  {
    id: 'new-sales-order',
    label: 'New sales order',
    path: '/sales-orders/new',
    permission: Permission.SalesOrdersWrite,
    keywords: 'create add sell order customer',
  },
  {
    id: 'new-purchase-order',
    label: 'New purchase order',
    path: '/purchase-orders/new',
    permission: Permission.PurchasingOrdersWrite,
    keywords: 'create add buy order supplier po',
  },
  {
    id: 'go-reorder',
    label: 'Go to reorder',
    path: '/purchasing/reorder',
    permission: Permission.PurchasingOrdersWrite,
    keywords: 'replenish shortfall suggestions',
  },
];

/** Every command: the "New …" actions, then "Go to …" for each area of the navigation. */
export const PALETTE_COMMANDS: readonly PaletteCommand[] = [
  ...CREATE_COMMANDS,
  ...[...NAV_ITEMS, ...ADMIN_NAV_ITEMS].map((item) => ({
    id: `go-${item.path.replace(/\W+/g, '-').replace(/^-|-$/g, '')}`,
    label: `Go to ${item.label.toLowerCase()}`,
    path: item.path,
    permission: item.permission,
    keywords: item.label,
  })),
];

/**
 * The commands a user may run whose label or keywords contain every word typed (all of them
 * for an empty query), in catalogue order.
 */
export function matchCommands(
  commands: readonly PaletteCommand[],
  query: string,
  permissions: ReadonlySet<Permission>,
): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    if (!permissions.has(command.permission)) {
      return false;
    }
    const text = `${command.label} ${command.keywords ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
