import type { StockLevelDto, StockMovementDto, WarehouseDto } from '@depot/contracts';

/** Test data and DOM helpers shared by the inventory specs (not part of the app build). */
export const PRODUCT_ID = '0b7e8c1e-1f7d-4a55-9c2b-7d6a1b2c3d4e';

export function warehouse(overrides: Partial<WarehouseDto> = {}): WarehouseDto {
  return {
    id: 'w-a',
    code: 'WH-A',
    name: 'Warehouse A',
    address: null,
    active: true,
    version: 1,
    createdAt: '2026-01-02T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    ...overrides,
  };
}

export function level(overrides: Partial<StockLevelDto> = {}): StockLevelDto {
  return {
    productId: PRODUCT_ID,
    sku: 'WIDGET-1',
    productName: 'Widget',
    warehouseId: 'w-a',
    warehouseCode: 'WH-A',
    warehouseName: 'Warehouse A',
    onHand: 10,
    reserved: 2,
    available: 8,
    reorderPoint: 5,
    reorderQuantity: 20,
    updatedAt: '2026-01-03T10:00:00.000Z',
    ...overrides,
  };
}

export function movement(overrides: Partial<StockMovementDto> = {}): StockMovementDto {
  return {
    id: 'm-1',
    type: 'adjustment',
    productId: PRODUCT_ID,
    sku: 'WIDGET-1',
    productName: 'Widget',
    warehouseId: 'w-a',
    warehouseCode: 'WH-A',
    onHandChange: 10,
    reservedChange: 0,
    onHandAfter: 10,
    reservedAfter: 0,
    reasonCode: 'count_correction',
    note: null,
    transferId: null,
    sourceType: null,
    sourceId: null,
    actorType: 'user',
    actorId: 'u-1',
    actorName: 'Ada Admin',
    requestId: 'req-1',
    occurredAt: '2026-01-03T10:00:00.000Z',
    ...overrides,
  };
}

/** The `mat-form-field` with this label, inside `root`. */
export function field(root: ParentNode, label: string): HTMLElement {
  const found = Array.from(root.querySelectorAll<HTMLElement>('mat-form-field')).find(
    (formField) => formField.querySelector('mat-label')?.textContent?.trim() === label,
  );
  if (!found) {
    throw new Error(`No field labelled "${label}"`);
  }
  return found;
}

export function typeInto(root: ParentNode, label: string, value: string): void {
  const control = field(root, label).querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  if (!control) {
    throw new Error(`No text control in "${label}"`);
  }
  control.value = value;
  control.dispatchEvent(new Event('input'));
  control.dispatchEvent(new Event('blur'));
}

export function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
  if (!found) {
    throw new Error(`No button "${text}"`);
  }
  return found;
}

/** Opens a `mat-select` by its label and picks the option whose text starts with `option`. */
export async function choose(
  root: ParentNode,
  label: string,
  option: string,
  render: () => Promise<unknown>,
): Promise<void> {
  field(root, label).querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
  await render();
  const found = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((element) =>
    element.textContent?.trim().startsWith(option),
  );
  if (!found) {
    throw new Error(`No option "${option}" in "${label}"`);
  }
  found.click();
  await render();
}
