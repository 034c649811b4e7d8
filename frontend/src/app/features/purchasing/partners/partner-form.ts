import { type AbstractControl, FormControl, FormGroup, type ValidationErrors, Validators } from '@angular/forms';
import {
  PARTNER_LIMITS,
  type CreatePartnerRequest,
  type PartnerDto,
  type UpdatePartnerRequest,
} from '@depot/contracts';

export type PartnerForm = FormGroup<{
  code: FormControl<string>;
  name: FormControl<string>;
  contactName: FormControl<string>;
  email: FormControl<string>;
  phone: FormControl<string>;
  billingAddress: FormControl<string>;
  shippingAddress: FormControl<string>;
  taxId: FormControl<string>;
  paymentTermsDays: FormControl<number | null>;
  notes: FormControl<string>;
  active: FormControl<boolean>;
}>;

export type PartnerTextField = Exclude<keyof PartnerForm['controls'], 'paymentTermsDays' | 'active'>;

/** The typed partner form; every limit comes from PARTNER_LIMITS, which the API checks too. */
export function createPartnerForm(partner?: PartnerDto): PartnerForm {
  const text = (value: string | null | undefined, maxLength: number, required = false) =>
    new FormControl(value ?? '', {
      nonNullable: true,
      validators: [...(required ? [Validators.required, notBlank] : []), Validators.maxLength(maxLength)],
    });
  return new FormGroup({
    code: new FormControl(partner?.code ?? '', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.maxLength(PARTNER_LIMITS.codeMaxLength),
        Validators.pattern(PARTNER_LIMITS.codePattern),
      ],
    }),
    name: text(partner?.name, PARTNER_LIMITS.nameMaxLength, true),
    contactName: text(partner?.contactName, PARTNER_LIMITS.contactNameMaxLength),
    email: new FormControl(partner?.email ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(PARTNER_LIMITS.emailMaxLength), Validators.email],
    }),
    phone: text(partner?.phone, PARTNER_LIMITS.phoneMaxLength),
    billingAddress: text(partner?.billingAddress, PARTNER_LIMITS.addressMaxLength),
    shippingAddress: text(partner?.shippingAddress, PARTNER_LIMITS.addressMaxLength),
    taxId: text(partner?.taxId, PARTNER_LIMITS.taxIdMaxLength),
    paymentTermsDays: new FormControl<number | null>(partner?.paymentTermsDays ?? 30, {
      validators: [Validators.required, wholeDays],
    }),
    notes: text(partner?.notes, PARTNER_LIMITS.notesMaxLength),
    active: new FormControl(partner?.active ?? true, { nonNullable: true }),
  });
}

/** Empty optional fields are sent as `null` (the API clears them), text is trimmed. */
export function toCreatePartnerRequest(form: PartnerForm): CreatePartnerRequest {
  const value = form.getRawValue();
  const optional = (text: string) => text.trim() || null;
  return {
    code: value.code.trim(),
    name: value.name.trim(),
    contactName: optional(value.contactName),
    email: optional(value.email),
    phone: optional(value.phone),
    billingAddress: optional(value.billingAddress),
    shippingAddress: optional(value.shippingAddress),
    taxId: optional(value.taxId),
    paymentTermsDays: value.paymentTermsDays ?? 0,
    notes: optional(value.notes),
  };
}

export function toUpdatePartnerRequest(form: PartnerForm, version: number): UpdatePartnerRequest {
  return { version, ...toCreatePartnerRequest(form), active: form.controls.active.value };
}

/** Puts a partner as loaded from the server into the form. */
export function resetPartnerForm(form: PartnerForm, partner: PartnerDto): void {
  form.reset({
    code: partner.code,
    name: partner.name,
    contactName: partner.contactName ?? '',
    email: partner.email ?? '',
    phone: partner.phone ?? '',
    billingAddress: partner.billingAddress ?? '',
    shippingAddress: partner.shippingAddress ?? '',
    taxId: partner.taxId ?? '',
    paymentTermsDays: partner.paymentTermsDays,
    notes: partner.notes ?? '',
    active: partner.active,
  });
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && !control.value.trim() ? { required: true } : null;
}

/** A whole number of days from 0 to PARTNER_LIMITS.maxPaymentTermsDays. */
export function wholeDays(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || (value as unknown) === '') {
    return null;
  }
  return Number.isInteger(value) && value >= 0 && value <= PARTNER_LIMITS.maxPaymentTermsDays
    ? null
    : { paymentTerms: true };
}
