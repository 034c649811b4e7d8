import { PRODUCT_LIMITS, isValidBarcode } from '@depot/contracts';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** EAN-13 or UPC-A with a correct check digit. */
export function IsBarcode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBarcode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidBarcode(value),
        defaultMessage: () => 'barcode must be an EAN-13 or UPC-A code with a valid check digit',
      },
    },
    options,
  );
}

const KEY = new RegExp(PRODUCT_LIMITS.attributeKeyPattern);

/** Problem with an attributes object, or null when it is fine. */
export function attributesProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'attributes must be an object';
  const entries = Object.entries(value);
  if (entries.length > PRODUCT_LIMITS.maxAttributes) {
    return `attributes may hold at most ${PRODUCT_LIMITS.maxAttributes} keys`;
  }
  for (const [key, entry] of entries) {
    if (key.length > PRODUCT_LIMITS.attributeKeyMaxLength || !KEY.test(key)) {
      return `attribute key "${key.slice(0, 80)}" must be lower-case letters, digits, ".", "_" or "-" (at most ${PRODUCT_LIMITS.attributeKeyMaxLength})`;
    }
    if (typeof entry !== 'string' || entry.length > PRODUCT_LIMITS.attributeValueMaxLength) {
      return `attribute "${key}" must be a string of at most ${PRODUCT_LIMITS.attributeValueMaxLength} characters`;
    }
  }
  return null;
}

/** Flat string key/value attributes within the limits. */
export function IsProductAttributes(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isProductAttributes',
      validator: {
        validate: (value: unknown) => attributesProblem(value) === null,
        defaultMessage: (args) => attributesProblem(args?.value) ?? 'attributes are invalid',
      },
    },
    options,
  );
}
