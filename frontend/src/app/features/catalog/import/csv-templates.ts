import { OPENING_STOCK_IMPORT_COLUMNS, PRODUCT_IMPORT_COLUMNS } from '@depot/contracts';

import type { ImportKind } from './data-access/imports.service';

export interface ImportKindInfo {
  kind: ImportKind;
  label: string;
  /** "products" in "Download the products template". */
  templateLabel: string;
  description: string;
  columns: readonly string[];
  /** Example rows for the template, one value per column. */
  example: readonly (readonly string[])[];
  templateName: string;
}

export const IMPORT_KINDS: Record<ImportKind, ImportKindInfo> = {
  products: {
    kind: 'products',
    label: 'Products',
    templateLabel: 'products',
    description:
      'Creates products and updates existing ones by SKU. Prices in major units (19.99), the category as a path ' +
      '(Tools/Hand tools), attributes as key=value pairs separated by ";" (color=red;size=M).',
    columns: PRODUCT_IMPORT_COLUMNS,
    example: [
      [
        'HAMMER-500',
        'Claw hammer 500 g',
        'Steel head',
        'pcs',
        '19.99',
        '11.50',
        'EUR',
        '5901234123457',
        '',
        '5',
        '20',
        'active',
        'color=red;weight=500g',
      ],
    ],
    templateName: 'products-import-template.csv',
  },
  'opening-stock': {
    kind: 'opening-stock',
    label: 'Opening stock',
    templateLabel: 'opening stock',
    description: 'Sets the starting quantity of each product in each warehouse (by SKU and warehouse code).',
    columns: OPENING_STOCK_IMPORT_COLUMNS,
    example: [['HAMMER-500', 'BER-1', '100']],
    templateName: 'opening-stock-import-template.csv',
  },
};

/** A CSV document (RFC 4180: quotes where needed, CRLF line ends) from a header and rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The template of an import kind: the header and an example row. */
export function templateCsv(kind: ImportKind): string {
  const info = IMPORT_KINDS[kind];
  return toCsv(info.columns, info.example);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
