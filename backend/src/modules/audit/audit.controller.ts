import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type AuditEventDto, type Page } from '@depot/contracts';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { ApiProblems } from '../../platform/openapi/api-responses';
import { AuditQueryService, SECURITY_ACTION_PREFIXES } from './audit-query.service';
import { AuditEventListQueryDto, AuditEventPageDto, AuditEventExportQueryDto } from './dto/audit-event.dto';

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

  @Get('audit-events/export.csv')
  @Authenticated({ permission: Permission.AuditRead, rateLimit: 'bulk' })
  @ApiOperation({
    summary: 'Export the audit trail as CSV',
    description: 'Every event matching the same filters as the list, newest first, streamed.',
  })
  @ApiOkResponse({
    description: 'CSV with a header row; `changes` is the field-level before/after as JSON.',
    content: {
      'text/csv': {
        schema: {
          type: 'string',
          example: 'occurred_at,actor_type,actor,actor_id,action,entity_type,entity_id,changes,request_id,ip\n',
        },
      },
    },
  })
  @ApiProblems(400)
  exportAuditEvents(@Query() query: AuditEventExportQueryDto): Promise<StreamableFile> {
    return this.audit.export(query);
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
