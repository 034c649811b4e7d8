import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/** Where rendered document pages go for people to look at (with the browser tests' screenshots). */
export const DOCUMENT_SCREENSHOTS = resolve(__dirname, '..', '..', '.artifacts', 'documents');

/**
 * The text of each page of a PDF, read in a child process (pdf.js needs dynamic imports jest's
 * sandbox lacks). With `screenshot`, each page is also saved as
 * `e2e/.artifacts/documents/<screenshot>-<page>.png`.
 */
export function pdfPages(pdf: Buffer, screenshot?: string): string[] {
  const args = [join(__dirname, '../../../backend/tools/pdf-text.mjs')];
  if (screenshot) args.push('--png', join(DOCUMENT_SCREENSHOTS, screenshot));
  const output = execFileSync(process.execPath, args, { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(output.toString()) as { pages: { text: string }[] }).pages.map((page) => page.text);
}
