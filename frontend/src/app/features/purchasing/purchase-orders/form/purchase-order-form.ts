import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import {
  CURRENCIES,
  ORDER_LIMITS,
  computeLineTotals,
  type CreatePurchaseOrderRequest,
  type CurrencyCode,
  type PartnerDto,
  type ProductDto,
  type PurchaseOrderDto,
  type PurchaseOrderLineInput,
  type UpdatePurchaseOrderRequest,
} from '@depot/contracts';

import { formatMinorAsMajor, parseMajorToMinor } from '../../../../shared/money/money';
import { isPicked, pickedValidator } from '../shared/autocomplete-search';

export const DEFAULT_ORDER_CURRENCY: CurrencyCode = 'EUR';

export type SupplierOption = Pick<PartnerDto, 'id' | 'code' | 'name'>;

/** A product picked for a line; cost and currency are known when it came from the product search. */
export interface ProductOption {
  id: string;
  sku: string;
  name: string;
  costMinor: number | null;
  currency: CurrencyCode | null;
}

export type LineGroup = FormGroup<{
  product: FormControl<ProductOption | string | null>;
  quantity: FormControl<number | null>;
  /** Unit cost in major units as typed ("12.50"); converted to integer minor units on save. */
  unitCost: FormControl<string>;
}>;

export type PurchaseOrderForm = FormGroup<{
  supplier: FormControl<SupplierOption | string | null>;
  warehouseId: FormControl<string>;
  currency: FormControl<CurrencyCode>;
  /** `YYYY-MM-DD` from a date input, or empty. */
  expectedDate: FormControl<string>;
  notes: FormControl<string>;
  lines: FormArray<LineGroup>;
}>;

export type LineValue = ReturnType<LineGroup['getRawValue']>;

export function createPurchaseOrderForm(): PurchaseOrderForm {
  const form: PurchaseOrderForm = new FormGroup({
    supplier: new FormControl<SupplierOption | string | null>(null, {
      validators: [Validators.required, pickedValidator],
    }),
    warehouseId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    currency: new FormControl<CurrencyCode>(DEFAULT_ORDER_CURRENCY, {
      nonNullable: true,
      validators: [Validators.required, currencyValidator],
    }),
    expectedDate: new FormControl('', { nonNullable: true, validators: [calendarDateValidator] }),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(ORDER_LIMITS.notesMaxLength)] }),
    lines: new FormArray<LineGroup>([], {
      validators: [Validators.required, Validators.maxLength(ORDER_LIMITS.maxLines)],
    }),
  });
  addLineSilently(form);
  return form;
}

/** One line; `currency` is read when the unit cost is checked (it decides how many decimals are allowed). */
export function createLineGroup(
  currency: () => CurrencyCode,
  line: { product?: ProductOption | null; quantity?: number | null; unitCost?: string } = {},
): LineGroup {
  return new FormGroup({
    product: new FormControl<ProductOption | string | null>(line.product ?? null, {
      validators: [Validators.required, pickedValidator],
    }),
    quantity: new FormControl<number | null>(line.quantity ?? 1, {
      validators: [Validators.required, quantityValidator],
    }),
    unitCost: new FormControl(line.unitCost ?? '', {
      nonNullable: true,
      validators: [Validators.required, unitCostValidator(currency)],
    }),
  });
}

/** Adds a line to the form (its unit cost follows the form's currency). */
export function addLine(form: PurchaseOrderForm, line?: Parameters<typeof createLineGroup>[1]): LineGroup {
  const group = createLineGroup(() => form.controls.currency.value, line);
  form.controls.lines.push(group);
  return group;
}

/** A whole number of units from 1 to ORDER_LIMITS.maxQuantity. */
export function quantityValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || (value as unknown) === '') {
    return null;
  }
  if (!Number.isInteger(value) || value < 1) {
    return { wholeQuantity: true };
  }
  return value > ORDER_LIMITS.maxQuantity ? { maxQuantity: true } : null;
}

/** An amount in major units with at most the currency's decimals, up to ORDER_LIMITS.maxUnitAmountMinor. */
export function unitCostValidator(currency: () => CurrencyCode): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    if (!control.value) {
      return null;
    }
    const minor = parseMajorToMinor(control.value, currency());
    if (minor === null) {
      return { amount: true };
    }
    return minor > ORDER_LIMITS.maxUnitAmountMinor ? { amountMax: true } : null;
  };
}

/** The line's total in minor units, or `null` while quantity or unit cost is not a valid entry. */
export function lineTotalMinor(line: Pick<LineValue, 'quantity' | 'unitCost'>, currency: CurrencyCode): number | null {
  const quantity = line.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
    return null;
  }
  const unitCostMinor = parseMajorToMinor(line.unitCost, currency);
  if (unitCostMinor === null || line.unitCost.trim() === '') {
    return null;
  }
  // The same arithmetic as the server's (integer minor units, no floating point drift).
  return computeLineTotals({ quantity, unitPriceMinor: unitCostMinor }).totalMinor;
}

/** Sum of the lines that have a total so far. */
export function orderTotalMinor(totals: readonly (number | null)[]): number {
  return totals.reduce<number>((sum, total) => sum + (total ?? 0), 0);
}

export function toCreatePurchaseOrderRequest(form: PurchaseOrderForm): CreatePurchaseOrderRequest {
  const value = form.getRawValue();
  const expectedDate = value.expectedDate.trim();
  const notes = value.notes.trim();
  return {
    supplierId: pickedId(value.supplier),
    warehouseId: value.warehouseId,
    currency: value.currency,
    ...(expectedDate ? { expectedDate } : {}),
    ...(notes ? { notes } : {}),
    lines: toLineInputs(value.lines, value.currency),
  };
}

/** Drafts only; `lines` replace all lines, empty fields clear their value. */
export function toUpdatePurchaseOrderRequest(form: PurchaseOrderForm, version: number): UpdatePurchaseOrderRequest {
  const value = form.getRawValue();
  return {
    version,
    supplierId: pickedId(value.supplier),
    warehouseId: value.warehouseId,
    expectedDate: value.expectedDate.trim() || null,
    notes: value.notes.trim() || null,
    lines: toLineInputs(value.lines, value.currency),
  };
}

/** Puts an order as loaded from the server into the form and marks it pristine. */
export function patchPurchaseOrderForm(form: PurchaseOrderForm, order: PurchaseOrderDto): void {
  form.controls.lines.clear({ emitEvent: false });
  form.reset(
    {
      supplier: { id: order.supplierId, code: order.supplierCode, name: order.supplierName },
      warehouseId: order.warehouseId,
      currency: order.currency,
      expectedDate: order.expectedDate ? order.expectedDate.slice(0, 10) : '',
      notes: order.notes ?? '',
    },
    { emitEvent: false },
  );
  for (const line of order.lines) {
    addLineSilently(form, {
      product: { id: line.productId, sku: line.sku, name: line.productName, costMinor: null, currency: null },
      quantity: line.quantity,
      unitCost: formatMinorAsMajor(line.unitCostMinor, order.currency),
    });
  }
  form.markAsPristine();
  // One change notification for the whole order (running totals follow `valueChanges`).
  form.updateValueAndValidity();
}

/** A product from the product search, as a line's choice. */
export function toProductOption(product: ProductDto): ProductOption {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    costMinor: product.costMinor,
    currency: product.currency,
  };
}

/**
 * The product's cost as the unit cost to suggest for an order in `currency`, or `null` when it has
 * none in that currency.
 */
export function suggestedUnitCost(product: ProductOption, currency: CurrencyCode): string | null {
  return product.costMinor !== null && product.currency === currency
    ? formatMinorAsMajor(product.costMinor, currency)
    : null;
}

/**
 * API field paths of a 400 problem mapped to the form's controls: `supplierId` -> `supplier`,
 * `lines.0.productId` -> `lines.0.product`, `lines.0.unitCostMinor` -> `lines.0.unitCost`.
 */
export function purchaseOrderFieldPath(field: string): string {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^supplierId$/, 'supplier')
    .replace(/\.productId$/, '.product')
    .replace(/\.unitCostMinor$/, '.unitCost');
}

function addLineSilently(form: PurchaseOrderForm, line?: Parameters<typeof createLineGroup>[1]): void {
  form.controls.lines.push(
    createLineGroup(() => form.controls.currency.value, line),
    { emitEvent: false },
  );
}

function toLineInputs(lines: LineValue[], currency: CurrencyCode): PurchaseOrderLineInput[] {
  return lines.map((line) => ({
    productId: pickedId(line.product),
    quantity: line.quantity ?? 0,
    unitCostMinor: parseMajorToMinor(line.unitCost, currency) ?? 0,
  }));
}

function pickedId(value: { id: string } | string | null): string {
  return isPicked(value) ? value.id : '';
}

function currencyValidator(control: AbstractControl<string>): ValidationErrors | null {
  return (CURRENCIES as readonly string[]).includes(control.value) ? null : { currency: true };
}

/** Empty, or a real `YYYY-MM-DD` date. */
function calendarDateValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value;
  if (!value) {
    return null;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
    ? null
    : { date: true };
}
