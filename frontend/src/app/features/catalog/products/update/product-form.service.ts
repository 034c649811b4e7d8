import { Injectable } from '@angular/core';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import {
  CURRENCIES,
  PRODUCT_LIMITS,
  type CreateProductRequest,
  type CurrencyCode,
  type ProductDto,
  type UpdateProductRequest,
} from '@depot/contracts';

import { formatMinorAsMajor, minorDigits, parseMajorToMinor } from '../../../../shared/money/money';

export const DEFAULT_UNIT = 'pcs';
export const DEFAULT_CURRENCY: CurrencyCode = 'EUR';

export type ProductFormGroup = FormGroup<{
  sku: FormControl<string>;
  name: FormControl<string>;
  description: FormControl<string>;
  unit: FormControl<string>;
  /** Price in major units as typed ("19.99"); converted to integer minor units on save. */
  price: FormControl<string>;
  currency: FormControl<CurrencyCode>;
}>;

/** API field names that differ from the form's control names (for server-side field errors). */
export const PRODUCT_FIELD_MAP: Readonly<Record<string, string>> = { priceMinor: 'price' };

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
    });
    return form;
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
    });
  }

  toCreateRequest(form: ProductFormGroup): CreateProductRequest {
    const value = form.getRawValue();
    return {
      sku: value.sku.trim(),
      name: value.name.trim(),
      description: value.description.trim() || null,
      unit: value.unit.trim(),
      priceMinor: this.#priceMinor(value.price, value.currency),
      currency: value.currency,
    };
  }

  /** The full editable state plus the `version` the form was loaded with (optimistic locking). */
  toUpdateRequest(form: ProductFormGroup, version: number): UpdateProductRequest {
    return { version, ...this.toCreateRequest(form) };
  }

  #priceMinor(price: string, currency: CurrencyCode): number {
    const minor = parseMajorToMinor(price, currency);
    if (minor === null) {
      throw new Error('The price must be validated before the form is converted.');
    }
    return minor;
  }
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value.trim() === '' ? { required: true } : null;
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
