import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { InventoryModule } from '../inventory/inventory.module';
import { OrdersModule } from '../orders/orders.module';
import { PartnersModule } from '../partners/partners.module';
import { PurchasingDocumentsService } from './purchasing-documents.service';
import { SettingsModule } from '../settings/settings.module';
import { PurchaseOrdersController } from './purchase-orders.controller';
import { PurchaseOrdersService } from './purchase-orders.service';
import { ReplenishmentController } from './replenishment/replenishment.controller';
import { ReplenishmentService } from './replenishment/replenishment.service';

/** Buying from suppliers: purchase orders, their receipts into stock, and reorder suggestions. */
@Module({
  imports: [PartnersModule, InventoryModule, OrdersModule, SettingsModule, DocumentsModule],
  controllers: [PurchaseOrdersController, ReplenishmentController],
  providers: [PurchaseOrdersService, ReplenishmentService, PurchasingDocumentsService],
})
export class PurchasingModule {}
