import { Controller, Get, HttpCode, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ProblemDetailsDto } from '../openapi/problem-details.dto';
import { HealthService } from './health.service';

class HealthStatusDto {
  /** @example ok */
  status!: 'ok';
}

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
@Public()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @ApiOkResponse({ type: HealthStatusDto, description: 'The process is up.' })
  getLiveness(): HealthStatusDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers and the process is not shutting down' })
  @ApiOkResponse({ type: HealthStatusDto, description: 'Ready to serve.' })
  @ApiServiceUnavailableResponse({ type: ProblemDetailsDto, description: 'Not ready.' })
  async getReadiness(): Promise<HealthStatusDto> {
    await this.health.assertReady();
    return { status: 'ok' };
  }
}
