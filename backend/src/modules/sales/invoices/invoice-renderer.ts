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
      bufferPages: true,
      size: 'A4',
      margins: { top: 50, left: 50, right: 50, bottom: 40 },
      info: { Title: `${document.title} ${document.number}`, Author: document.seller.name },
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      pdf.on('end', () => resolve(Buffer.concat(chunks)));
      pdf.on('error', reject);
    });
    const ink = '#1b1b1f';
    const muted = '#5e5e66';
    const right = 545;

    // Seller block, top right; logo top left.
    if (document.logo) {
      try {
        pdf.image(document.logo.bytes, 50, 45, { fit: [160, 60] });
      } catch {
        // An image pdfkit cannot embed is left out rather than failing the whole document.
      }
    }
    let sellerY = 50;
    pdf
      .fillColor(ink)
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(document.seller.name, 300, sellerY, { width: 245, align: 'right' });
    sellerY = pdf.y;
    pdf.font('Helvetica').fontSize(8.5);
    for (const line of [...document.seller.addressLines, ...document.seller.contactLines]) {
      pdf.text(line, 300, sellerY, { width: 245, align: 'right' });
      sellerY = pdf.y;
    }
    pdf.fillColor(muted);
    for (const line of document.seller.legalLines) {
      pdf.text(line, 300, sellerY, { width: 245, align: 'right' });
      sellerY = pdf.y;
    }

    // Bill to, and the document's own details.
    const top = Math.max(sellerY + 24, 150);
    pdf.fillColor(muted).font('Helvetica').fontSize(8).text('Bill to', 50, top);
    pdf
      .fillColor(ink)
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${document.customer.name} (${document.customer.code})`, 50, pdf.y + 2, { width: 240 });
    pdf.font('Helvetica').fontSize(9);
    if (document.customer.billingAddress) pdf.text(document.customer.billingAddress, { width: 240 });
    if (document.customer.taxId) pdf.text(`VAT id ${document.customer.taxId}`, { width: 240 });
    const billToBottom = pdf.y;

    pdf
      .font('Helvetica-Bold')
      .fontSize(16)
      .text(`${document.title} ${document.number}`, 300, top, { width: 245, align: 'right' });
    pdf.font('Helvetica').fontSize(9).fillColor(muted);
    const details: [string, string][] = [
      ['Issued', document.issuedOn],
      ...(document.paymentTerms ? [['Due', document.dueOn] as [string, string]] : []),
      ['Order', document.salesOrderNumber],
      ...(document.creditedNumber ? [['Corrects invoice', document.creditedNumber] as [string, string]] : []),
      ...(document.paymentStatus ? [['Payment status', document.paymentStatus] as [string, string]] : []),
    ];
    for (const [label, value] of details) pdf.text(`${label}: ${value}`, 300, pdf.y, { width: 245, align: 'right' });
    if (document.reason) pdf.text(`Reason: ${document.reason}`, 300, pdf.y, { width: 245, align: 'right' });

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
    const footerTop = pdf.page.height - 95;
    let y = Math.max(pdf.y, billToBottom) + 24;
    pdf.fillColor(ink).font('Helvetica-Bold').fontSize(8);
    for (const column of columns) pdf.text(column.title, column.x, y, { width: column.width, align: column.align });
    y += 14;
    pdf
      .moveTo(50, y - 3)
      .lineTo(right, y - 3)
      .strokeColor('#d9d9e0')
      .stroke();
    pdf.font('Helvetica').fontSize(8);
    for (const line of document.lines) {
      const height = Math.max(
        ...columns.map((column) => pdf.heightOfString(line[column.key], { width: column.width })),
      );
      if (y + height > footerTop - 10) {
        pdf.addPage();
        y = 50;
      }
      for (const column of columns)
        pdf.text(line[column.key], column.x, y, { width: column.width, align: column.align });
      y += height + 6;
    }
    y += 10;
    if (y + document.totals.length * 14 > footerTop - 10) {
      pdf.addPage();
      y = 50;
    }
    for (const total of document.totals) {
      pdf.font(total.strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      pdf.text(total.label, 350, y, { width: 90, align: 'left' });
      pdf.text(total.value, 440, y, { width: 105, align: 'right' });
      y += 14;
    }

    // How to pay.
    if (document.paymentTerms || document.bankLines.length > 0) {
      y += 16;
      if (y + (document.bankLines.length + 3) * 12 > footerTop - 10) {
        pdf.addPage();
        y = 50;
      }
      pdf.fillColor(ink);
      if (document.paymentTerms) {
        pdf.font('Helvetica').fontSize(9).text(document.paymentTerms, 50, y, { width: 495 });
        y = pdf.y + 8;
      }
      if (document.bankLines.length > 0) {
        pdf.font('Helvetica-Bold').fontSize(9).text('Bank details', 50, y, { width: 495 });
        pdf.font('Helvetica');
        for (const line of document.bankLines) pdf.text(line, 50, pdf.y + 1, { width: 495 });
      }
    }

    // The seller's legal line (and the company's footer text) at the foot of every page.
    const legal = [document.seller.name, ...document.seller.addressLines, ...document.seller.legalLines].join(' · ');
    const range = pdf.bufferedPageRange();
    for (let page = range.start; page < range.start + range.count; page += 1) {
      pdf.switchToPage(page);
      pdf.page.margins.bottom = 0;
      pdf.moveTo(50, footerTop).lineTo(right, footerTop).strokeColor('#d9d9e0').stroke();
      pdf.fillColor(muted).font('Helvetica').fontSize(7.5);
      let footerY = footerTop + 6;
      if (document.footer) {
        pdf.text(document.footer, 50, footerY, { width: 495, height: 30, ellipsis: true });
        footerY = pdf.y + 2;
      }
      pdf.text(legal, 50, footerY, { width: 495 });
      pdf.text(`Page ${page + 1} of ${range.count}`, 50, pdf.page.height - 30, { width: 495, align: 'right' });
    }
    pdf.end();
    return done;
  }
}
