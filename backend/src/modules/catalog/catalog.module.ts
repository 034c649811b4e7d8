import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesController } from './categories/categories.controller';
import { CategoriesService } from './categories/categories.service';
import { ProductEntity } from './products/product.entity';
import { ProductsController } from './products/products.controller';
import { ProductsService } from './products/products.service';
import { ProductsBulkService } from './products/products-bulk.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity])],
  controllers: [ProductsController, CategoriesController],
  providers: [ProductsService, ProductsBulkService, CategoriesService],
  exports: [ProductsService],
})
export class CatalogModule {}
