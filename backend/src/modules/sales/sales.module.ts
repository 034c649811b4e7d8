import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { InventoryModule } from '../inventory/inventory.module';
import { OrdersModule } from '../orders/orders.module';
import { PartnersModule } from '../partners/partners.module';
import { SalesDocumentsService } from './sales-documents.service';
import { SettingsModule } from '../settings/settings.module';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoicesService } from './invoices/invoices.service';
import { InvoiceDocumentsService } from './invoices/invoice-documents.service';
import { SalesOrdersController } from './sales-orders.controller';
import { SalesOrdersService } from './sales-orders.service';

/** Selling to customers: sales orders with reservations, shipments, invoices and credit notes. */
@Module({
  imports: [PartnersModule, InventoryModule, OrdersModule, SettingsModule, DocumentsModule],
  controllers: [SalesOrdersController, InvoicesController],
  providers: [SalesOrdersService, InvoicesService, SalesDocumentsService, InvoiceDocumentsService],
})
export class SalesModule {}
