import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { InventoryModule } from '../inventory/inventory.module';
import { ImportsController } from './imports.controller';
import { OpeningStockImportService } from './opening-stock-import.service';
import { ProductImportService } from './product-import.service';

/** CSV imports (products, opening stock): dry-run report, then all-or-nothing through the owning modules. */
@Module({
  imports: [CatalogModule, InventoryModule],
  controllers: [ImportsController],
  providers: [ProductImportService, OpeningStockImportService],
})
export class ImportsModule {}
