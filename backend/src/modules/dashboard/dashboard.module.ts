import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** Read-only figures across inventory, purchasing and sales for the landing page. */
@Module({ controllers: [DashboardController], providers: [DashboardService] })
export class DashboardModule {}
