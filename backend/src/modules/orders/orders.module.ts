import { Module } from '@nestjs/common';
import { OrderHistoryService } from './order-history.service';

/** What purchase and sales orders share: the status timeline and the order errors. */
@Module({ providers: [OrderHistoryService], exports: [OrderHistoryService] })
export class OrdersModule {}
