import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { OrdersModule } from '../orders/orders.module';
import { PartnersModule } from '../partners/partners.module';
import { SettingsModule } from '../settings/settings.module';
import { PurchaseOrdersController } from './purchase-orders.controller';
import { PurchaseOrdersService } from './purchase-orders.service';
import { ReplenishmentController } from './replenishment/replenishment.controller';
import { ReplenishmentService } from './replenishment/replenishment.service';

/** Buying from suppliers: purchase orders, their receipts into stock, and reorder suggestions. */
@Module({
  imports: [PartnersModule, InventoryModule, OrdersModule, SettingsModule],
  controllers: [PurchaseOrdersController, ReplenishmentController],
  providers: [PurchaseOrdersService, ReplenishmentService],
})
export class PurchasingModule {}
