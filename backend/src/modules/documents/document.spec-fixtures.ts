import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Seller } from '../settings/company-settings.service';

/** The demo company as a seller, for document tests. */
export const SELLER: Seller = {
  legalName: 'Depot Demo GmbH',
  street: 'Lagerstraße 1',
  postalCode: '10115',
  city: 'Berlin',
  countryCode: 'DE',
  vatId: 'DE123456789',
  taxNumber: '12/345/67890',
  registration: 'Amtsgericht Berlin-Charlottenburg HRB 123456',
  email: 'billing@depot-demo.example',
  phone: null,
  website: null,
  bankName: 'Commerzbank',
  bankAccountHolder: 'Depot Demo GmbH',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  defaultCurrency: 'EUR',
  defaultLanguage: 'en',
  paymentTermsDays: 30,
  numberPrefixes: { invoice: 'INV', credit_note: 'CN', sales_order: 'SO', purchase_order: 'PO' },
  invoiceFooter: 'Thank you for your business.',
  logoSha256: null,
};

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The text of each page of a PDF (pdf.js runs in a child process: it needs dynamic imports jest lacks). */
export function pdfPages(pdf: Buffer): { num: number; text: string }[] {
  const output = execFileSync(process.execPath, [join(__dirname, '../../../tools/pdf-text.mjs')], { input: pdf });
  return (JSON.parse(output.toString()) as { pages: { num: number; text: string }[] }).pages;
}
