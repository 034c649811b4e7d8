import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type OperationsStatusDto } from '@depot/contracts';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { OperationsStatusResponseDto } from './dto/operations-status.dto';
import { OperationsStatusService } from './operations-status.service';

/** The state of the deployment, for administrators. */
@ApiTags('operations')
@Controller({ path: 'operations', version: '1' })
export class OperationsController {
  constructor(private readonly operations: OperationsStatusService) {}

  @Get('status')
  @Authenticated({ permission: Permission.OperationsStatusRead })
  @ApiOperation({
    summary: 'Deployment status',
    description:
      'Version and commit, the Depot processes seen in the last minute (each writes a heartbeat every 15 s), ' +
      'database and Redis round trips, the outbox backlog, webhook endpoints that are off or failing, the mail ' +
      'queue and the last recorded `npm run db:backup`. Cheap enough to poll every 15 s.',
  })
  @ApiOkResponse({ type: OperationsStatusResponseDto, description: 'The status.' })
  getOperationsStatus(): Promise<OperationsStatusDto> {
    return this.operations.status();
  }
}
