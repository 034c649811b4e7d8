import { Module } from '@nestjs/common';
import { CompanySettingsController } from './company-settings.controller';
import { CompanySettingsService } from './company-settings.service';
import { TaxRatesController } from './tax-rates.controller';
import { TaxRatesService } from './tax-rates.service';

/** Installation-wide settings: the company that issues Depot's documents, and its tax rates. */
@Module({
  controllers: [CompanySettingsController, TaxRatesController],
  providers: [CompanySettingsService, TaxRatesService],
  exports: [CompanySettingsService, TaxRatesService],
})
export class SettingsModule {}
