import { Injectable } from '@nestjs/common';
import { MailedDocument, PartnerKind, type DocumentMailDto, type PartnerDto } from '@depot/contracts';
import { DocumentMailService } from '../documents/document-mail.service';
import type { SendDocumentDto } from '../documents/dto/document-mail.dto';
import type { BusinessDocument } from '../documents/business-document';
import { WarehousesService } from '../inventory/warehouses/warehouses.service';
import { PartnersService } from '../partners/partners.service';
import { CompanySettingsService } from '../settings/company-settings.service';
import { deliveryNoteDocument, orderConfirmationDocument } from './sales-order-documents';
import { SalesOrdersService } from './sales-orders.service';

export type SalesOrderDocument = typeof MailedDocument.OrderConfirmation | typeof MailedDocument.DeliveryNote;

/** The documents printed from a sales order as it is now: the confirmation and the delivery note. */
@Injectable()
export class SalesDocumentsService {
  constructor(
    private readonly orders: SalesOrdersService,
    private readonly partners: PartnersService,
    private readonly warehouses: WarehousesService,
    private readonly settings: CompanySettingsService,
    private readonly mailer: DocumentMailService,
  ) {}

  async confirmation(id: string): Promise<BusinessDocument> {
    return (await this.printConfirmation(id)).printed;
  }

  async deliveryNote(id: string): Promise<BusinessDocument> {
    return (await this.printDeliveryNote(id)).printed;
  }

  /** E-mails the confirmation or the delivery note to the customer (202: queued). */
  async email(id: string, document: SalesOrderDocument, request: SendDocumentDto): Promise<DocumentMailDto> {
    const { printed, customer } =
      document === MailedDocument.OrderConfirmation
        ? await this.printConfirmation(id)
        : await this.printDeliveryNote(id);
    return this.mailer.send(
      {
        entityType: 'sales_order',
        entityId: id,
        document,
        printed,
        fileName: `${document === MailedDocument.OrderConfirmation ? 'order-confirmation' : 'delivery-note'}-${printed.number}`,
        partner: customer,
      },
      request,
    );
  }

  /** The documents e-mailed about the order (404 for an unknown order). */
  async emails(id: string): Promise<DocumentMailDto[]> {
    await this.orders.get(id);
    return this.mailer.list('sales_order', id);
  }

  private async printConfirmation(id: string): Promise<{ printed: BusinessDocument; customer: PartnerDto }> {
    const order = await this.orders.get(id);
    const customer = await this.partners.get(PartnerKind.Customer, order.customerId);
    const { seller, logo } = await this.settings.letterhead();
    return { printed: orderConfirmationDocument(order, customer, seller, logo), customer };
  }

  private async printDeliveryNote(id: string): Promise<{ printed: BusinessDocument; customer: PartnerDto }> {
    const order = await this.orders.get(id);
    const customer = await this.partners.get(PartnerKind.Customer, order.customerId);
    const warehouse = await this.warehouses.get(order.warehouseId);
    const { seller, logo } = await this.settings.letterhead();
    return { printed: deliveryNoteDocument(order, customer, warehouse, seller, logo), customer };
  }
}
