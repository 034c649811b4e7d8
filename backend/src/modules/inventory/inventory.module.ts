import { Module } from '@nestjs/common';
import { StockLedgerService } from './stock/stock-ledger.service';
import { StockController } from './stock/stock.controller';
import { StockService } from './stock/stock.service';
import { WarehousesController } from './warehouses/warehouses.controller';
import { WarehousesService } from './warehouses/warehouses.service';

/** Warehouses, stock levels and the append-only ledger. StockLedgerService is how other modules move stock. */
@Module({
  controllers: [WarehousesController, StockController],
  providers: [WarehousesService, StockService, StockLedgerService],
  exports: [StockLedgerService, WarehousesService],
})
export class InventoryModule {}
