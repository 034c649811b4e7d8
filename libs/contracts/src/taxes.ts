/** Which rate of the company's country a product is sold at. */
export const TaxClass = {
  Standard: 'standard',
  Reduced: 'reduced',
  Zero: 'zero',
} as const;
export type TaxClass = (typeof TaxClass)[keyof typeof TaxClass];
export const TAX_CLASSES = Object.values(TaxClass);

/**
 * How a customer is taxed: at the product's rate (`domestic`), not at all with the buyer
 * accounting for the VAT (`eu_reverse_charge`, an EU business with a VAT id), or not at all
 * because the goods leave the EU (`export`).
 */
export const TaxTreatment = {
  Domestic: 'domestic',
  EuReverseCharge: 'eu_reverse_charge',
  Export: 'export',
} as const;
export type TaxTreatment = (typeof TaxTreatment)[keyof typeof TaxTreatment];
export const TAX_TREATMENTS = Object.values(TaxTreatment);

/** What the invoice must say when no VAT is charged (EU VAT Directive 2006/112/EC). */
export const TAX_TREATMENT_NOTES: Record<Exclude<TaxTreatment, 'domestic'>, string> = {
  eu_reverse_charge:
    'Reverse charge: VAT is to be accounted for by the recipient (Art. 196 Council Directive 2006/112/EC).',
  export: 'Tax-exempt export delivery outside the EU (Art. 146 Council Directive 2006/112/EC).',
};

export const TAX_RATE_LIMITS = {
  nameMaxLength: 60,
  maxRateBps: 10_000,
} as const;

/** A named rate of a tax class, valid from one day until (excluding) another or open-ended. */
export interface TaxRateDto {
  id: string;
  name: string;
  taxClass: TaxClass;
  /** Basis points: 1900 = 19 %. */
  rateBps: number;
  /** First day the rate applies (`YYYY-MM-DD`). */
  validFrom: string;
  /** First day it no longer applies, or null while it does. */
  validTo: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateTaxRateRequest {
  name: string;
  taxClass: TaxClass;
  rateBps: number;
  validFrom: string;
  validTo?: string | null;
}

export interface UpdateTaxRateRequest {
  version: number;
  name?: string;
  rateBps?: number;
  validFrom?: string;
  validTo?: string | null;
}

/** One line of an invoice's tax summary: the lines taxed at one rate. */
export interface TaxSummaryLine {
  rateBps: number;
  netMinor: number;
  taxMinor: number;
}

/**
 * The rate a sales line gets by default: the product class's rate valid on `day` (`YYYY-MM-DD`)
 * for a domestic customer, 0 for reverse charge and export (and when no rate applies).
 */
export function defaultTaxRateBps(
  rates: readonly Pick<TaxRateDto, 'taxClass' | 'rateBps' | 'validFrom' | 'validTo'>[],
  taxClass: TaxClass,
  treatment: TaxTreatment,
  day: string,
): number {
  if (treatment !== TaxTreatment.Domestic) return 0;
  const rate = rates.find(
    (candidate) =>
      candidate.taxClass === taxClass &&
      candidate.validFrom <= day &&
      (candidate.validTo === null || day < candidate.validTo),
  );
  return rate?.rateBps ?? 0;
}
