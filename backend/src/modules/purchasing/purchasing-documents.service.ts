import { Injectable } from '@nestjs/common';
import { MailedDocument, PartnerKind, type DocumentMailDto, type PartnerDto } from '@depot/contracts';
import { DocumentMailService } from '../documents/document-mail.service';
import type { SendDocumentDto } from '../documents/dto/document-mail.dto';
import type { BusinessDocument } from '../documents/business-document';
import { WarehousesService } from '../inventory/warehouses/warehouses.service';
import { PartnersService } from '../partners/partners.service';
import { CompanySettingsService } from '../settings/company-settings.service';
import { purchaseOrderDocument } from './purchase-order-document';
import { PurchaseOrdersService } from './purchase-orders.service';

/** The purchase order as printed for the supplier. */
@Injectable()
export class PurchasingDocumentsService {
  constructor(
    private readonly orders: PurchaseOrdersService,
    private readonly partners: PartnersService,
    private readonly warehouses: WarehousesService,
    private readonly settings: CompanySettingsService,
    private readonly mailer: DocumentMailService,
  ) {}

  async purchaseOrder(id: string): Promise<BusinessDocument> {
    return (await this.print(id)).printed;
  }

  /** E-mails the purchase order to the supplier (202: queued). */
  async email(id: string, request: SendDocumentDto): Promise<DocumentMailDto> {
    const { printed, supplier } = await this.print(id);
    return this.mailer.send(
      {
        entityType: 'purchase_order',
        entityId: id,
        document: MailedDocument.PurchaseOrder,
        printed,
        fileName: `purchase-order-${printed.number}`,
        partner: supplier,
      },
      request,
    );
  }

  /** The documents e-mailed about the order (404 for an unknown order). */
  async emails(id: string): Promise<DocumentMailDto[]> {
    await this.orders.get(id);
    return this.mailer.list('purchase_order', id);
  }

  private async print(id: string): Promise<{ printed: BusinessDocument; supplier: PartnerDto }> {
    const order = await this.orders.get(id);
    const supplier = await this.partners.get(PartnerKind.Supplier, order.supplierId);
    const warehouse = await this.warehouses.get(order.warehouseId);
    const { seller, logo } = await this.settings.letterhead();
    return { printed: purchaseOrderDocument(order, supplier, warehouse, seller, logo), supplier };
  }
}
