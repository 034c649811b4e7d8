import { Global, Module } from '@nestjs/common';
import { AuditPresenter } from './audit-presenter';
import { AuditQueryService } from './audit-query.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The audit trail. Global because every module records its changes here. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditQueryService, AuditPresenter],
  exports: [AuditService],
})
export class AuditModule {}
