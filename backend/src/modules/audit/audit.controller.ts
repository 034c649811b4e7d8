import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type AuditEventDto, type Page } from '@depot/contracts';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { ApiProblems } from '../../platform/openapi/api-responses';
import { AuditQueryService, SECURITY_ACTION_PREFIXES } from './audit-query.service';
import { AuditEventListQueryDto, AuditEventPageDto } from './dto/audit-event.dto';

@ApiTags('audit')
@Controller({ version: '1' })
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get('audit-events')
  @Authenticated({ permission: Permission.AuditRead })
  @ApiOperation({ summary: 'Browse the audit trail', description: 'Every recorded change, newest first.' })
  @ApiOkResponse({ type: AuditEventPageDto, description: 'A page of audit events.' })
  @ApiProblems(400)
  listAuditEvents(@Query() query: AuditEventListQueryDto): Promise<Page<AuditEventDto>> {
    return this.audit.list(query);
  }

  @Get('security-events')
  @Authenticated({ permission: Permission.IdentitySecurityLogRead })
  @ApiOperation({
    summary: 'Browse the security log',
    description: 'Sign-ins (successful and failed), sessions, passwords, MFA, API keys and role changes.',
  })
  @ApiOkResponse({ type: AuditEventPageDto, description: 'A page of security events.' })
  @ApiProblems(400)
  listSecurityEvents(@Query() query: AuditEventListQueryDto): Promise<Page<AuditEventDto>> {
    return this.audit.list(query, SECURITY_ACTION_PREFIXES);
  }
}
