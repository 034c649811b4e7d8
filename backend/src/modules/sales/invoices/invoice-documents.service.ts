import { Injectable } from '@nestjs/common';
import { InvoiceKind, MailedDocument, PartnerKind, type DocumentMailDto } from '@depot/contracts';
import type { BusinessDocument } from '../../documents/business-document';
import { DocumentMailService } from '../../documents/document-mail.service';
import type { SendDocumentDto } from '../../documents/dto/document-mail.dto';
import { PartnersService } from '../../partners/partners.service';
import { CompanySettingsService } from '../../settings/company-settings.service';
import { invoiceDocument } from './invoice-document';
import { InvoicesService } from './invoices.service';

/** Invoices and credit notes as printed (with the seller they were issued by) and e-mailed. */
@Injectable()
export class InvoiceDocumentsService {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly partners: PartnersService,
    private readonly settings: CompanySettingsService,
    private readonly mailer: DocumentMailService,
  ) {}

  async document(id: string): Promise<BusinessDocument> {
    const invoice = await this.invoices.get(id);
    const credited = invoice.creditedInvoiceId ? await this.invoices.get(invoice.creditedInvoiceId) : null;
    const seller = await this.invoices.sellerOf(id);
    // The logo is branding, not a legal detail: documents print the current one (if they had one).
    const logo = seller.logoSha256 ? await this.settings.logo().catch(() => null) : null;
    return invoiceDocument(invoice, credited?.number ?? null, seller, logo);
  }

  /** E-mails the invoice or credit note to the customer (its current address unless `to` is given). */
  async email(id: string, request: SendDocumentDto): Promise<DocumentMailDto> {
    const invoice = await this.invoices.get(id);
    const customer = await this.partners.get(PartnerKind.Customer, invoice.customer.id);
    return this.mailer.send(
      {
        entityType: 'invoice',
        entityId: id,
        document: invoice.kind === InvoiceKind.CreditNote ? MailedDocument.CreditNote : MailedDocument.Invoice,
        printed: await this.document(id),
        fileName: invoice.number,
        partner: customer,
      },
      request,
    );
  }

  /** The e-mails of the invoice (404 for an unknown one). */
  async emails(id: string): Promise<DocumentMailDto[]> {
    await this.invoices.get(id);
    return this.mailer.list('invoice', id);
  }
}
