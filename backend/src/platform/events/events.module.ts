import { Global, Module } from '@nestjs/common';
import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxHandlers } from './outbox-handlers';
import { OutboxService } from './outbox.service';

/** Domain events: the transactional outbox, its dispatcher, and the handler registry. */
@Global()
@Module({
  providers: [OutboxService, OutboxHandlers, OutboxDispatcher],
  exports: [OutboxService, OutboxHandlers, OutboxDispatcher],
})
export class EventsModule {}
