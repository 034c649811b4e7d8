import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  ORDER_LIMITS,
  computeLineTotals,
  sumTotals,
  type AvailabilityDto,
  type CreateSalesOrderRequest,
  type CurrencyCode,
  type LineTotals,
  type PartnerDto,
  type ProductDto,
  type SalesOrderDto,
  type SalesOrderLineInput,
  type UpdateSalesOrderRequest,
  type TaxClass,
} from '@depot/contracts';

import { formatMinorAsMajor, parseMajorToMinor } from '../../../../shared/money/money';
import { formatBpsAsPercent, parsePercentToBps } from '../../data-access/percent';

export const DEFAULT_CURRENCY: CurrencyCode = 'EUR';

/** A customer as the autocomplete holds it (from the customer list, or from the order being edited). */
export type CustomerOption = Pick<PartnerDto, 'id' | 'code' | 'name'> & { shippingAddress?: string | null };

/** A product as a line holds it; price and currency are unknown for lines loaded from an order. */
export interface ProductOption {
  id: string;
  sku: string;
  name: string;
  priceMinor: number | null;
  currency: CurrencyCode | null;
  /** Its tax class, which with the customer's treatment gives the line's default rate (unknown on edit). */
  taxClass?: TaxClass;
}

export type SalesOrderLineForm = FormGroup<{
  /** The chosen product; text while the user is still typing a search. */
  product: FormControl<ProductOption | string | null>;
  quantity: FormControl<number | null>;
  /** Major units as typed ("19.99"). */
  unitPrice: FormControl<string>;
  /** Percent as typed ("10", "12.5"). */
  discount: FormControl<string>;
  tax: FormControl<string>;
}>;

export type SalesOrderForm = FormGroup<{
  customer: FormControl<CustomerOption | string | null>;
  warehouseId: FormControl<string>;
  currency: FormControl<CurrencyCode>;
  shippingAddress: FormControl<string>;
  notes: FormControl<string>;
  lines: FormArray<SalesOrderLineForm>;
}>;

/** The plain value of one line, as `valueChanges` delivers it. */
export type SalesOrderLineValue = ReturnType<SalesOrderLineForm['getRawValue']>;

export function productOption(
  product: Pick<ProductDto, 'id' | 'sku' | 'name' | 'priceMinor' | 'currency'> & Partial<Pick<ProductDto, 'taxClass'>>,
): ProductOption {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    priceMinor: product.priceMinor,
    currency: product.currency,
    ...(product.taxClass ? { taxClass: product.taxClass } : {}),
  };
}

export function customerLabel(customer: CustomerOption | string | null): string {
  if (!customer) {
    return '';
  }
  return typeof customer === 'string' ? customer : `${customer.code} · ${customer.name}`;
}

export function productLabel(product: ProductOption | string | null): string {
  if (!product) {
    return '';
  }
  return typeof product === 'string' ? product : `${product.sku} · ${product.name}`;
}

/** An option must have been picked from the suggestions (typed text alone is not a choice). */
export function pickedOption(control: AbstractControl<unknown>): ValidationErrors | null {
  const value = control.value;
  if (value === null || value === '') {
    return null;
  }
  return typeof value === 'object' ? null : { notPicked: true };
}

/** A whole quantity between 1 and the order limit. */
export function lineQuantity(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || (value as unknown) === '') {
    return null;
  }
  if (!Number.isInteger(value) || value < 1) {
    return { wholeQuantity: true };
  }
  return value > ORDER_LIMITS.maxQuantity ? { maxQuantity: true } : null;
}

/** A money amount in major units for the currency `currency()` returns. */
export function moneyValidator(currency: () => CurrencyCode) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const text = control.value ?? '';
    if (text.trim() === '') {
      return null;
    }
    const minor = parseMajorToMinor(text, currency());
    if (minor === null) {
      return { money: true };
    }
    return minor > ORDER_LIMITS.maxUnitAmountMinor ? { moneyMax: true } : null;
  };
}

export function percentValidator(maxBps: number) {
  return (control: AbstractControl<string>): ValidationErrors | null =>
    parsePercentToBps(control.value ?? '', maxBps) === null ? { percent: true } : null;
}

export function createSalesOrderForm(): SalesOrderForm {
  return new FormGroup({
    customer: new FormControl<CustomerOption | string | null>(null, {
      validators: [Validators.required, pickedOption],
    }),
    warehouseId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    currency: new FormControl<CurrencyCode>(DEFAULT_CURRENCY, { nonNullable: true }),
    shippingAddress: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(ORDER_LIMITS.addressMaxLength)],
    }),
    notes: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(ORDER_LIMITS.notesMaxLength)] }),
    lines: new FormArray<SalesOrderLineForm>([], { validators: [Validators.required] }),
  });
}

/** A new line; `currency` is read whenever the price is validated, so it follows the order's currency. */
export function createLineForm(
  currency: () => CurrencyCode,
  initial: Partial<{
    product: ProductOption;
    quantity: number;
    unitPriceMinor: number;
    discountBps: number;
    taxRateBps: number;
  }> = {},
): SalesOrderLineForm {
  return new FormGroup({
    product: new FormControl<ProductOption | string | null>(initial.product ?? null, {
      validators: [Validators.required, pickedOption],
    }),
    quantity: new FormControl<number | null>(initial.quantity ?? 1, {
      validators: [Validators.required, lineQuantity],
    }),
    unitPrice: new FormControl(
      initial.unitPriceMinor === undefined ? '' : formatMinorAsMajor(initial.unitPriceMinor, currency()),
      { nonNullable: true, validators: [Validators.required, moneyValidator(currency)] },
    ),
    discount: new FormControl(formatBpsAsPercent(initial.discountBps ?? 0), {
      nonNullable: true,
      validators: [percentValidator(ORDER_LIMITS.maxDiscountBps)],
    }),
    tax: new FormControl(formatBpsAsPercent(initial.taxRateBps ?? 0), {
      nonNullable: true,
      validators: [percentValidator(ORDER_LIMITS.maxTaxRateBps)],
    }),
  });
}

/** The line as the API takes it, or `null` while it is incomplete or invalid. */
export function toLineInput(line: SalesOrderLineValue, currency: CurrencyCode): SalesOrderLineInput | null {
  const product = line.product;
  const quantity = line.quantity;
  if (!product || typeof product === 'string' || !isLineQuantity(quantity)) {
    return null;
  }
  const unitPriceMinor = parseMajorToMinor(line.unitPrice, currency);
  const discountBps = parsePercentToBps(line.discount, ORDER_LIMITS.maxDiscountBps);
  const taxRateBps = parsePercentToBps(line.tax, ORDER_LIMITS.maxTaxRateBps);
  if (
    unitPriceMinor === null ||
    unitPriceMinor > ORDER_LIMITS.maxUnitAmountMinor ||
    discountBps === null ||
    taxRateBps === null
  ) {
    return null;
  }
  return { productId: product.id, quantity, unitPriceMinor, discountBps, taxRateBps };
}

/** Totals of a line as the server will compute them, or `null` while the line is incomplete. */
export function lineTotalsOf(line: SalesOrderLineValue, currency: CurrencyCode): LineTotals | null {
  const input = toLineInput(line, currency);
  return input ? computeLineTotals({ ...input, unitPriceMinor: input.unitPriceMinor ?? 0 }) : null;
}

function isLineQuantity(value: number | null): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= ORDER_LIMITS.maxQuantity;
}

/** Order totals: the sum of the complete lines. */
export function orderTotalsOf(lines: readonly SalesOrderLineValue[], currency: CurrencyCode): LineTotals {
  return sumTotals(lines.map((line) => lineTotalsOf(line, currency)).filter((totals) => totals !== null));
}

export function toCreateRequest(form: SalesOrderForm): CreateSalesOrderRequest {
  const value = form.getRawValue();
  const customer = value.customer;
  return {
    customerId: customer && typeof customer === 'object' ? customer.id : '',
    warehouseId: value.warehouseId,
    currency: value.currency,
    shippingAddress: value.shippingAddress.trim() || null,
    notes: value.notes.trim() || null,
    lines: linesOf(value.lines, value.currency),
  };
}

/** The whole draft (lines replace all lines); the currency of an order cannot change. */
export function toUpdateRequest(form: SalesOrderForm, version: number): UpdateSalesOrderRequest {
  const { currency: _currency, ...rest } = toCreateRequest(form);
  return { version, ...rest };
}

/** Fills the form from an order (edit page). */
export function patchFromOrder(form: SalesOrderForm, order: SalesOrderDto): void {
  const currency = () => form.controls.currency.value;
  form.controls.currency.setValue(order.currency);
  form.controls.lines.clear({ emitEvent: false });
  for (const line of order.lines) {
    form.controls.lines.push(
      createLineForm(currency, {
        product: { id: line.productId, sku: line.sku, name: line.productName, priceMinor: null, currency: null },
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        discountBps: line.discountBps,
        taxRateBps: line.taxRateBps,
      }),
      { emitEvent: false },
    );
  }
  form.patchValue({
    customer: { id: order.customerId, code: order.customerCode, name: order.customerName },
    warehouseId: order.warehouseId,
    shippingAddress: order.shippingAddress ?? '',
    notes: order.notes ?? '',
  });
}

function linesOf(lines: readonly SalesOrderLineValue[], currency: CurrencyCode): SalesOrderLineInput[] {
  return lines.map((line) => toLineInput(line, currency)).filter((line) => line !== null);
}

/** Distinct product ids of the lines that have a product, sorted (a stable key for availability). */
export function productIdsOf(lines: readonly SalesOrderLineValue[]): string[] {
  const ids = new Set<string>();
  for (const line of lines) {
    if (line.product && typeof line.product === 'object') {
      ids.add(line.product.id);
    }
  }
  return [...ids].sort();
}

/** Live availability of one line's product, and whether the order asks for more than that. */
export interface LineAvailability {
  available: number;
  /** All lines of this product together ask for more than is available. */
  short: boolean;
}

/**
 * Availability per line (by index). A product on several lines is short when the lines together
 * ask for more than is available. A product the warehouse has no stock of counts as 0 available.
 */
export function lineAvailability(
  lines: readonly SalesOrderLineValue[],
  availability: readonly AvailabilityDto[] | null,
): (LineAvailability | null)[] {
  if (!availability) {
    return lines.map(() => null);
  }
  const available = new Map(availability.map((entry) => [entry.productId, entry.available]));
  const requested = new Map<string, number>();
  for (const line of lines) {
    if (line.product && typeof line.product === 'object' && typeof line.quantity === 'number') {
      requested.set(line.product.id, (requested.get(line.product.id) ?? 0) + Math.max(line.quantity, 0));
    }
  }
  return lines.map((line) => {
    if (!line.product || typeof line.product !== 'object') {
      return null;
    }
    const free = available.get(line.product.id) ?? 0;
    return { available: free, short: (requested.get(line.product.id) ?? 0) > free };
  });
}
