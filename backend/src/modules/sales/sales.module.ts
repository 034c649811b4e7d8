import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { OrdersModule } from '../orders/orders.module';
import { PartnersModule } from '../partners/partners.module';
import { SettingsModule } from '../settings/settings.module';
import { InvoiceRenderer } from './invoices/invoice-renderer';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoicesService } from './invoices/invoices.service';
import { SalesOrdersController } from './sales-orders.controller';
import { SalesOrdersService } from './sales-orders.service';

/** Selling to customers: sales orders with reservations, shipments, invoices and credit notes. */
@Module({
  imports: [PartnersModule, InventoryModule, OrdersModule, SettingsModule],
  controllers: [SalesOrdersController, InvoicesController],
  providers: [SalesOrdersService, InvoicesService, InvoiceRenderer],
})
export class SalesModule {}
