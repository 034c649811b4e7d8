import { Module } from '@nestjs/common';
import { InstanceHeartbeat } from './instance-heartbeat';
import { OperationsController } from './operations.controller';
import { OperationsStatusService } from './operations-status.service';

/** The operations page: every process's heartbeat, and the deployment status for administrators. */
@Module({ controllers: [OperationsController], providers: [InstanceHeartbeat, OperationsStatusService] })
export class OperationsModule {}
