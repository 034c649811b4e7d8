import { Injectable } from '@nestjs/common';
import { PartnerKind } from '@depot/contracts';
import type { BusinessDocument } from '../documents/business-document';
import { WarehousesService } from '../inventory/warehouses/warehouses.service';
import { PartnersService } from '../partners/partners.service';
import { CompanySettingsService } from '../settings/company-settings.service';
import { deliveryNoteDocument, orderConfirmationDocument } from './sales-order-documents';
import { SalesOrdersService } from './sales-orders.service';

/** The documents printed from a sales order as it is now: the confirmation and the delivery note. */
@Injectable()
export class SalesDocumentsService {
  constructor(
    private readonly orders: SalesOrdersService,
    private readonly partners: PartnersService,
    private readonly warehouses: WarehousesService,
    private readonly settings: CompanySettingsService,
  ) {}

  async confirmation(id: string): Promise<BusinessDocument> {
    const order = await this.orders.get(id);
    const customer = await this.partners.get(PartnerKind.Customer, order.customerId);
    const { seller, logo } = await this.settings.letterhead();
    return orderConfirmationDocument(order, customer, seller, logo);
  }

  async deliveryNote(id: string): Promise<BusinessDocument> {
    const order = await this.orders.get(id);
    const customer = await this.partners.get(PartnerKind.Customer, order.customerId);
    const warehouse = await this.warehouses.get(order.warehouseId);
    const { seller, logo } = await this.settings.letterhead();
    return deliveryNoteDocument(order, customer, warehouse, seller, logo);
  }
}
