import { Module } from '@nestjs/common';
import { CustomersController, SuppliersController } from './partners.controller';
import { PartnersService } from './partners.service';
import { SettingsModule } from '../settings/settings.module';

/** Suppliers and customers (one table, two sets of endpoints). */
@Module({
  imports: [SettingsModule],
  controllers: [SuppliersController, CustomersController],
  providers: [PartnersService],
  exports: [PartnersService],
})
export class PartnersModule {}
