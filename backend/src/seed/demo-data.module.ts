import { Module } from '@nestjs/common';
import { DemoDataSeeder } from './demo-data.seeder';

/** The demo data seeder, for main.ts (first start) and `npm run db:seed`. */
@Module({
  providers: [DemoDataSeeder],
  exports: [DemoDataSeeder],
})
export class DemoDataModule {}
