import { Injectable } from '@nestjs/common';
import { PartnerKind } from '@depot/contracts';
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
  ) {}

  async purchaseOrder(id: string): Promise<BusinessDocument> {
    const order = await this.orders.get(id);
    const supplier = await this.partners.get(PartnerKind.Supplier, order.supplierId);
    const warehouse = await this.warehouses.get(order.warehouseId);
    const { seller, logo } = await this.settings.letterhead();
    return purchaseOrderDocument(order, supplier, warehouse, seller, logo);
  }
}
