import { Injectable, StreamableFile } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import PDFDocument from 'pdfkit';
import type { BusinessDocument } from './business-document';

export const DOCUMENT_FORMATS = ['pdf', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** What the HTML template reads: the document, and its lines as cells in column order. */
type HtmlView = BusinessDocument & { rows: { value: string; align: string }[][] };

/** Where `document.html.hbs` lives (copied into dist by the nest-cli assets rule). */
const TEMPLATE_DIR = join(__dirname, 'templates');

const INK = '#1b1b1f';
const MUTED = '#5e5e66';
const RULE = '#d9d9e0';
const LEFT = 50;
const RIGHT = 545;
const WIDTH = RIGHT - LEFT;

/**
 * Renders every business document from one template set: HTML (a Handlebars template, every
 * value escaped) and PDF (pdfkit, in process, no browser), both from the same BusinessDocument,
 * so the two always show the same figures.
 */
@Injectable()
export class DocumentRenderer {
  private readonly html = Handlebars.create().compile<HtmlView>(
    readFileSync(join(TEMPLATE_DIR, 'document.html.hbs'), 'utf8'),
    { strict: false },
  );

  /** The document as a download (PDF) or a page to show (HTML), named `<fileName>.pdf`. */
  async file(document: BusinessDocument, format: DocumentFormat, fileName: string): Promise<StreamableFile> {
    if (format === 'html') {
      return new StreamableFile(Buffer.from(this.renderHtml(document), 'utf8'), { type: 'text/html; charset=utf-8' });
    }
    const pdf = await this.renderPdf(document);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${fileName}.pdf"`,
      length: pdf.length,
    });
  }

  renderHtml(document: BusinessDocument): string {
    const rows = document.lines.map((line) =>
      document.columns.map((column) => ({ value: line[column.key] ?? '', align: column.align })),
    );
    return this.html({ ...document, rows });
  }

  renderPdf(document: BusinessDocument): Promise<Buffer> {
    const pdf = new PDFDocument({
      bufferPages: true,
      size: 'A4',
      margins: { top: 50, left: LEFT, right: 50, bottom: 40 },
      info: { Title: `${document.title} ${document.number}`, Author: document.seller.name },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
    });
    const footerTop = pdf.page.height - 95;
    /** Starts a new page when `height` more points would run into the footer. */
    const room = (y: number, height: number): number => {
      if (y + height <= footerTop - 10) return y;
      pdf.addPage();
      return 50;
    };

    // Logo top left, the seller top right.
    if (document.logo) {
      try {
        pdf.image(document.logo.bytes, LEFT, 45, { fit: [160, 60] });
      } catch {
        // An image pdfkit cannot embed is left out rather than failing the whole document.
      }
    }
    const block = { x: 300, width: 245, align: 'right' as const };
    pdf.fillColor(INK).font('Helvetica-Bold').fontSize(11).text(document.seller.name, block.x, 50, block);
    pdf.font('Helvetica').fontSize(8.5);
    for (const line of [...document.seller.addressLines, ...document.seller.contactLines]) {
      pdf.text(line, block.x, pdf.y, block);
    }
    pdf.fillColor(MUTED);
    for (const line of document.seller.legalLines) pdf.text(line, block.x, pdf.y, block);

    // The recipient (and a second address) on the left, the document's title and details on the right.
    const top = Math.max(pdf.y + 24, 150);
    pdf.fillColor(MUTED).font('Helvetica').fontSize(8).text(document.recipient.heading, LEFT, top);
    pdf
      .fillColor(INK)
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(document.recipient.name, LEFT, pdf.y + 2, { width: 240 });
    pdf.font('Helvetica').fontSize(9);
    for (const line of document.recipient.lines) pdf.text(line, LEFT, pdf.y, { width: 240 });
    if (document.secondary) {
      pdf
        .fillColor(MUTED)
        .fontSize(8)
        .text(document.secondary.heading, LEFT, pdf.y + 10);
      pdf.fillColor(INK).fontSize(9);
      for (const line of document.secondary.lines) pdf.text(line, LEFT, pdf.y + 2, { width: 240 });
    }
    const leftBottom = pdf.y;
    // The title may take the page's right 300 points (long titles such as "Order confirmation SO-…").
    pdf.font('Helvetica-Bold').fontSize(document.title.length > 12 ? 14 : 16);
    pdf.text(`${document.title} ${document.number}`, RIGHT - 300, top, { width: 300, align: 'right' });
    pdf.font('Helvetica').fontSize(9).fillColor(MUTED);
    for (const { label, value } of document.details) pdf.text(`${label}: ${value}`, block.x, pdf.y, block);

    // The lines.
    const columns = document.columns.map((column, index) => ({
      ...column,
      x: LEFT + document.columns.slice(0, index).reduce((sum, previous) => sum + previous.width, 0),
    }));
    const cell = (column: (typeof columns)[number]) => ({ width: column.width - 4, align: column.align });
    let y = Math.max(pdf.y, leftBottom) + 24;
    const header = () => {
      pdf.fillColor(INK).font('Helvetica-Bold').fontSize(8);
      for (const column of columns) pdf.text(column.title, column.x, y, cell(column));
      y += 14;
      pdf
        .moveTo(LEFT, y - 3)
        .lineTo(RIGHT, y - 3)
        .strokeColor(RULE)
        .stroke();
      pdf.font('Helvetica').fontSize(8);
    };
    header();
    for (const line of document.lines) {
      const height = Math.max(...columns.map((column) => pdf.heightOfString(line[column.key] ?? '', cell(column))));
      const next = room(y, height);
      if (next !== y) {
        y = next;
        header();
      }
      for (const column of columns) pdf.text(line[column.key] ?? '', column.x, y, cell(column));
      y += height + 6;
    }

    // Totals, right-aligned under the table.
    if (document.totals.length > 0) {
      y = room(y + 10, document.totals.length * 14);
      for (const total of document.totals) {
        pdf
          .fillColor(INK)
          .font(total.strong ? 'Helvetica-Bold' : 'Helvetica')
          .fontSize(9);
        pdf.text(total.label, 350, y, { width: 90, align: 'left' });
        pdf.text(total.value, 440, y, { width: 105, align: 'right' });
        y += 14;
      }
    }

    // Notes (payment terms, reasons) and where to pay.
    if (document.notes.length > 0 || document.bankLines.length > 0) {
      y = room(y + 16, (document.notes.length + document.bankLines.length + 2) * 13);
      pdf.fillColor(INK).font('Helvetica').fontSize(9);
      for (const note of document.notes) {
        pdf.text(note, LEFT, y, { width: WIDTH });
        y = pdf.y + 4;
      }
      if (document.bankLines.length > 0) {
        pdf.font('Helvetica-Bold').text('Bank details', LEFT, y + 4, { width: WIDTH });
        pdf.font('Helvetica');
        for (const line of document.bankLines) pdf.text(line, LEFT, pdf.y + 1, { width: WIDTH });
      }
    }

    // The seller's legal line (and the company's footer text) at the foot of every page.
    const legal = [document.seller.name, ...document.seller.addressLines, ...document.seller.legalLines].join(' · ');
    const range = pdf.bufferedPageRange();
    for (let page = range.start; page < range.start + range.count; page += 1) {
      pdf.switchToPage(page);
      pdf.page.margins.bottom = 0;
      pdf.moveTo(LEFT, footerTop).lineTo(RIGHT, footerTop).strokeColor(RULE).stroke();
      pdf.fillColor(MUTED).font('Helvetica').fontSize(7.5);
      let footerY = footerTop + 6;
      if (document.footer) {
        pdf.text(document.footer, LEFT, footerY, { width: WIDTH, height: 30, ellipsis: true });
        footerY = pdf.y + 2;
      }
      pdf.text(legal, LEFT, footerY, { width: WIDTH });
      pdf.text(`Page ${page + 1} of ${range.count}`, LEFT, pdf.page.height - 30, { width: WIDTH, align: 'right' });
    }
    pdf.end();
    return done;
  }
}
