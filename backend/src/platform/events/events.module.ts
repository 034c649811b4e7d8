import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxHandlers } from './outbox-handlers';
import { OutboxService } from './outbox.service';
import { UserMessages } from './user-messages';

/** Domain events: the transactional outbox, its dispatcher, and the handler registry; direct user messages. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEventEntity])],
  providers: [OutboxService, OutboxHandlers, OutboxDispatcher, UserMessages],
  exports: [OutboxService, OutboxHandlers, OutboxDispatcher, UserMessages],
})
export class EventsModule {}
