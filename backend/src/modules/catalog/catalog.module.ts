import { Module } from '@nestjs/common';
import { CategoriesController } from './categories/categories.controller';
import { CategoriesService } from './categories/categories.service';
import { ProductsController } from './products/products.controller';
import { ProductsService } from './products/products.service';
import { ProductsBulkService } from './products/products-bulk.service';

@Module({
  controllers: [ProductsController, CategoriesController],
  providers: [ProductsService, ProductsBulkService, CategoriesService],
  exports: [ProductsService],
})
export class CatalogModule {}
