import { Injectable } from '@angular/core';
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
  PRODUCT_LIMITS,
  isValidBarcode,
  type CreateProductRequest,
  type CurrencyCode,
  type ProductDto,
  type UpdateProductRequest,
} from '@depot/contracts';

import { formatMinorAsMajor, minorDigits, parseMajorToMinor } from '../../../../shared/money/money';

export const DEFAULT_UNIT = 'pcs';
export const DEFAULT_CURRENCY: CurrencyCode = 'EUR';

/** One key/value row of the attributes editor. */
export type AttributeRow = FormGroup<{
  key: FormControl<string>;
  value: FormControl<string>;
}>;

export type ProductFormGroup = FormGroup<{
  sku: FormControl<string>;
  name: FormControl<string>;
  description: FormControl<string>;
  unit: FormControl<string>;
  /** Price in major units as typed ("19.99"); converted to integer minor units on save. */
  price: FormControl<string>;
  currency: FormControl<CurrencyCode>;
  /** Purchase cost in major units, optional. */
  cost: FormControl<string>;
  barcode: FormControl<string>;
  categoryId: FormControl<string | null>;
  reorderPoint: FormControl<number | null>;
  reorderQuantity: FormControl<number | null>;
  /** The supplier the product is normally bought from. */
  preferredSupplierId: FormControl<string | null>;
  supplierSku: FormControl<string>;
  /** Unit purchase price from that supplier, in major units, optional. */
  purchasePrice: FormControl<string>;
  attributes: FormArray<AttributeRow>;
}>;

/** API field names that differ from the form's control names (for server-side field errors). */
export const PRODUCT_FIELD_MAP: Readonly<Record<string, string>> = {
  priceMinor: 'price',
  costMinor: 'cost',
  purchasePriceMinor: 'purchasePrice',
};

/** Builds the typed product form and converts between it and the API's DTOs. */
@Injectable({ providedIn: 'root' })
export class ProductFormService {
  createForm(): ProductFormGroup {
    const form: ProductFormGroup = new FormGroup({
      sku: new FormControl('', {
        nonNullable: true,
        validators: [
          Validators.required,
          Validators.maxLength(PRODUCT_LIMITS.skuMaxLength),
          Validators.pattern(PRODUCT_LIMITS.skuPattern),
        ],
      }),
      name: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(PRODUCT_LIMITS.nameMaxLength), notBlank],
      }),
      description: new FormControl('', {
        nonNullable: true,
        validators: [Validators.maxLength(PRODUCT_LIMITS.descriptionMaxLength)],
      }),
      unit: new FormControl(DEFAULT_UNIT, {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(PRODUCT_LIMITS.unitMaxLength), notBlank],
      }),
      price: new FormControl('', { nonNullable: true, validators: [Validators.required, priceValidator] }),
      currency: new FormControl<CurrencyCode>(DEFAULT_CURRENCY, {
        nonNullable: true,
        validators: [Validators.required, currencyValidator],
      }),
      cost: new FormControl('', { nonNullable: true, validators: [priceValidator] }),
      barcode: new FormControl('', { nonNullable: true, validators: [barcodeValidator] }),
      categoryId: new FormControl<string | null>(null),
      reorderPoint: new FormControl<number | null>(0, { validators: quantityValidators() }),
      reorderQuantity: new FormControl<number | null>(0, { validators: quantityValidators() }),
      preferredSupplierId: new FormControl<string | null>(null),
      supplierSku: new FormControl('', {
        nonNullable: true,
        validators: [Validators.maxLength(PRODUCT_LIMITS.supplierSkuMaxLength)],
      }),
      purchasePrice: new FormControl('', { nonNullable: true, validators: [priceValidator] }),
      attributes: new FormArray<AttributeRow>([], { validators: [Validators.maxLength(PRODUCT_LIMITS.maxAttributes)] }),
    });
    return form;
  }

  /** A new attribute row; its key must be unique among the rows of the same form. */
  createAttributeRow(key = '', value = ''): AttributeRow {
    return new FormGroup({
      key: new FormControl(key, {
        nonNullable: true,
        validators: [
          Validators.required,
          Validators.maxLength(PRODUCT_LIMITS.attributeKeyMaxLength),
          Validators.pattern(PRODUCT_LIMITS.attributeKeyPattern),
          uniqueAttributeKey,
        ],
      }),
      value: new FormControl(value, {
        nonNullable: true,
        validators: [Validators.required, Validators.maxLength(PRODUCT_LIMITS.attributeValueMaxLength), notBlank],
      }),
    });
  }

  /** Re-checks every key for duplicates (a change in one row can fix or break another). */
  revalidateAttributeKeys(form: ProductFormGroup): void {
    for (const row of form.controls.attributes.controls) {
      row.controls.key.updateValueAndValidity({ emitEvent: false });
    }
  }

  /** Puts a product into the form (as loaded from the server) and marks the form pristine. */
  patchForm(form: ProductFormGroup, product: ProductDto): void {
    form.reset({
      sku: product.sku,
      name: product.name,
      description: product.description ?? '',
      unit: product.unit,
      price: formatMinorAsMajor(product.priceMinor, product.currency),
      currency: product.currency,
      cost: product.costMinor === null ? '' : formatMinorAsMajor(product.costMinor, product.currency),
      barcode: product.barcode ?? '',
      categoryId: product.categoryId,
      reorderPoint: product.reorderPoint,
      reorderQuantity: product.reorderQuantity,
      preferredSupplierId: product.preferredSupplierId,
      supplierSku: product.supplierSku ?? '',
      purchasePrice:
        product.purchasePriceMinor === null ? '' : formatMinorAsMajor(product.purchasePriceMinor, product.currency),
    });
    const attributes = form.controls.attributes;
    attributes.clear({ emitEvent: false });
    for (const [key, value] of Object.entries(product.attributes)) {
      attributes.push(this.createAttributeRow(key, value), { emitEvent: false });
    }
    this.revalidateAttributeKeys(form);
    form.markAsPristine();
  }

  toCreateRequest(form: ProductFormGroup): CreateProductRequest {
    const value = form.getRawValue();
    return {
      sku: value.sku.trim(),
      name: value.name.trim(),
      description: value.description.trim() || null,
      unit: value.unit.trim(),
      priceMinor: this.#priceMinor(value.price, value.currency),
      costMinor: value.cost.trim() ? this.#priceMinor(value.cost, value.currency) : null,
      currency: value.currency,
      barcode: value.barcode.trim() || null,
      categoryId: value.categoryId,
      attributes: Object.fromEntries(value.attributes.map((row) => [row.key.trim(), row.value.trim()])),
      reorderPoint: value.reorderPoint ?? 0,
      reorderQuantity: value.reorderQuantity ?? 0,
      preferredSupplierId: value.preferredSupplierId,
      supplierSku: value.supplierSku.trim() || null,
      purchasePriceMinor: value.purchasePrice.trim() ? this.#priceMinor(value.purchasePrice, value.currency) : null,
    };
  }

  /** The full editable state plus the `version` the form was loaded with (optimistic locking). */
  toUpdateRequest(form: ProductFormGroup, version: number): UpdateProductRequest {
    return { version, ...this.toCreateRequest(form) };
  }

  #priceMinor(price: string, currency: CurrencyCode): number {
    const minor = parseMajorToMinor(price, currency);
    if (minor === null) {
      throw new Error('The price and cost must be validated before the form is converted.');
    }
    return minor;
  }
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value.trim() === '' ? { required: true } : null;
}

function quantityValidators(): ValidatorFn[] {
  return [
    Validators.required,
    Validators.min(0),
    Validators.max(PRODUCT_LIMITS.maxReorderQuantity),
    (control: AbstractControl<number | null>) =>
      control.value === null || Number.isInteger(control.value) ? null : { integer: true },
  ];
}

/**
 * EAN-13 or UPC-A: 13 or 12 digits whose last digit is the GS1 check digit. `barcodeFormat` for
 * the wrong length or non-digits, `barcodeCheckDigit` for a typo the check digit caught.
 */
export const barcodeValidator: ValidatorFn = (control: AbstractControl<string>) => {
  const value = control.value.trim();
  if (!value) {
    return null;
  }
  if (!new RegExp(PRODUCT_LIMITS.barcodePattern).test(value)) {
    return { barcodeFormat: true };
  }
  return isValidBarcode(value) ? null : { barcodeCheckDigit: true };
};

/** Attribute keys are unique within the product (reads the sibling rows of the form array). */
function uniqueAttributeKey(control: AbstractControl<string>): ValidationErrors | null {
  const key = control.value.trim();
  const row = control.parent;
  const rows = row?.parent;
  if (!key || !row || !(rows instanceof FormArray)) {
    return null;
  }
  const index = rows.controls.indexOf(row);
  const earlier = rows.controls
    .slice(0, index)
    .some((other: AbstractControl<{ key: string }>) => other.value.key.trim() === key);
  return earlier ? { duplicateKey: true } : null;
}

function currencyValidator(control: AbstractControl<string>): ValidationErrors | null {
  return (CURRENCIES as readonly string[]).includes(control.value) ? null : { currency: true };
}

/**
 * The price must be a non-negative amount with at most the currency's decimals (reads the
 * sibling `currency` control; the component re-runs it when the currency changes).
 */
export const priceValidator: ValidatorFn = (control: AbstractControl<string>) => {
  if (!control.value) {
    return null;
  }
  const currencyControl: AbstractControl<CurrencyCode> | null = control.parent?.get('currency') ?? null;
  const currency = currencyControl?.value ?? DEFAULT_CURRENCY;
  const minor = parseMajorToMinor(control.value, currency);
  if (minor === null) {
    return { price: { digits: minorDigits(currency) } };
  }
  if (minor > PRODUCT_LIMITS.maxPriceMinor) {
    return { priceMax: { max: formatMinorAsMajor(PRODUCT_LIMITS.maxPriceMinor, currency) } };
  }
  return null;
};
