import { Module } from '@nestjs/common';
import { CustomersController, SuppliersController } from './partners.controller';
import { PartnersService } from './partners.service';

/** Suppliers and customers (one table, two sets of endpoints). */
@Module({
  controllers: [SuppliersController, CustomersController],
  providers: [PartnersService],
  exports: [PartnersService],
})
export class PartnersModule {}
