import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExcludeController, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type DevMailDto, type Page } from '@depot/contracts';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../platform/openapi/api-responses';
import { DevMailboxService } from './dev-mailbox.service';
import { DevMailListQueryDto, DevMailPageDto, DevMailResponseDto } from './dto/dev-mail.dto';

/**
 * Mail kept instead of sent when no SMTP server is configured. Not mounted in production, and left
 * out of the OpenAPI document (and so the SDK): it is a development aid, not part of the API.
 */
@ApiExcludeController()
@ApiTags('development')
@Controller({ path: 'dev/mailbox', version: '1' })
export class DevMailboxController {
  constructor(private readonly mailbox: DevMailboxService) {}

  @Get()
  @Authenticated({ permission: Permission.DevMailboxRead })
  @ApiOperation({
    summary: 'List the development mailbox',
    description: 'Messages Depot would have sent, newest first. Does not exist in production.',
  })
  @ApiOkResponse({ type: DevMailPageDto, description: 'A page of messages.' })
  @ApiProblems(400, 404)
  listDevMail(@Query() query: DevMailListQueryDto): Promise<Page<DevMailDto>> {
    return this.mailbox.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: Permission.DevMailboxRead })
  @ApiOperation({ summary: 'Get a message from the development mailbox' })
  @ApiOkResponse({ type: DevMailResponseDto, description: 'The message.' })
  @ApiProblems(400, 404)
  getDevMail(@Param('id', ParseIdPipe) id: string): Promise<DevMailDto> {
    return this.mailbox.get(id);
  }
}
