import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from './invoice-document';

/** Where `invoice.html.hbs` lives (copied into dist by the nest-cli assets rule). */
const TEMPLATE_DIR = join(__dirname, 'templates');

/**
 * Renders an invoice as HTML (Handlebars template, every value escaped) and as PDF (pdfkit, in
 * process, no browser). Both take the same InvoiceDocument, so they always show the same figures.
 */
@Injectable()
export class InvoiceRenderer {
  private readonly html = Handlebars.create().compile<InvoiceDocument>(
    readFileSync(join(TEMPLATE_DIR, 'invoice.html.hbs'), 'utf8'),
    { strict: false },
  );

  renderHtml(document: InvoiceDocument): string {
    return this.html(document);
  }

  renderPdf(document: InvoiceDocument): Promise<Buffer> {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: `${document.title} ${document.number}`, Author: document.issuer },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
    });

    pdf.font('Helvetica-Bold').fontSize(18).text(`${document.title} ${document.number}`);
    pdf.font('Helvetica').fontSize(9).fillColor('#5e5e66');
    pdf.text(`Issued ${document.issuedOn} · due ${document.dueOn} · order ${document.salesOrderNumber}`);
    if (document.creditedNumber) pdf.text(`Corrects invoice ${document.creditedNumber}`);
    if (document.reason) pdf.text(`Reason: ${document.reason}`);
    if (document.paymentStatus) pdf.text(`Payment status: ${document.paymentStatus}`);
    pdf.fillColor('#1b1b1f').font('Helvetica-Bold').fontSize(11).text(document.issuer, 350, 50, { align: 'right' });

    pdf.font('Helvetica-Bold').fontSize(10).text('Bill to', 50, 130);
    pdf.font('Helvetica').text(`${document.customer.name} (${document.customer.code})`);
    if (document.customer.billingAddress) pdf.text(document.customer.billingAddress);
    if (document.customer.taxId) pdf.text(`Tax id ${document.customer.taxId}`);

    const columns = [
      { key: 'sku', title: 'SKU', x: 50, width: 70, align: 'left' },
      { key: 'description', title: 'Description', x: 122, width: 130, align: 'left' },
      { key: 'quantity', title: 'Qty', x: 254, width: 30, align: 'right' },
      { key: 'unitPrice', title: 'Unit price', x: 286, width: 62, align: 'right' },
      { key: 'discount', title: 'Disc.', x: 350, width: 40, align: 'right' },
      { key: 'taxRate', title: 'Tax', x: 392, width: 38, align: 'right' },
      { key: 'net', title: 'Net', x: 432, width: 55, align: 'right' },
      { key: 'total', title: 'Total', x: 489, width: 56, align: 'right' },
    ] as const;
    let y = Math.max(pdf.y + 20, 200);
    pdf.font('Helvetica-Bold').fontSize(8);
    for (const column of columns) pdf.text(column.title, column.x, y, { width: column.width, align: column.align });
    y += 14;
    pdf
      .moveTo(50, y - 3)
      .lineTo(545, y - 3)
      .strokeColor('#d9d9e0')
      .stroke();
    pdf.font('Helvetica').fontSize(8);
    for (const line of document.lines) {
      const height = Math.max(
        ...columns.map((column) => pdf.heightOfString(line[column.key], { width: column.width })),
      );
      if (y + height > pdf.page.height - 120) {
        pdf.addPage();
        y = 50;
      }
      for (const column of columns)
        pdf.text(line[column.key], column.x, y, { width: column.width, align: column.align });
      y += height + 6;
    }
    y += 10;
    for (const total of document.totals) {
      pdf.font(total.strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      pdf.text(total.label, 350, y, { width: 90, align: 'left' });
      pdf.text(total.value, 440, y, { width: 105, align: 'right' });
      y += 14;
    }
    pdf.end();
    return done;
  }
}
