import { Controller, Get, HttpCode, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ProblemDetailsDto } from '../openapi/problem-details.dto';
import { HealthService } from './health.service';

/** The answer of a health probe that passed (a failed readiness probe is a 503 problem instead). */
class HealthStatusDto {
  /** Always `ok`: the probe passed. */
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status!: 'ok';
}

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
@Public()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Liveness: the process is up',
    description:
      'Answers without touching the database: restart the process only when this fails. Needs no credentials.',
  })
  @ApiOkResponse({ type: HealthStatusDto, description: 'The process is up.' })
  getLiveness(): HealthStatusDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the database answers and the process is not shutting down',
    description:
      'Send traffic to this instance only while this answers 200. A 503 (database unreachable for 2 s, or ' +
      'shutting down after SIGTERM) is temporary. Needs no credentials.',
  })
  @ApiOkResponse({ type: HealthStatusDto, description: 'Ready to serve.' })
  @ApiServiceUnavailableResponse({ type: ProblemDetailsDto, description: 'Not ready.' })
  async getReadiness(): Promise<HealthStatusDto> {
    await this.health.assertReady();
    return { status: 'ok' };
  }
}
