import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, type MailMessageDto, type Page, ErrorCode } from '@depot/contracts';
import { Authenticated } from '../../platform/auth/auth.decorators';
import { ParseIdPipe } from '../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../platform/openapi/api-problem-codes';
import { MailMessageListQueryDto, MailMessagePageDto, MailMessageResponseDto } from './dto/mail-message.dto';
import { MailMessagesService } from './mail-messages.service';
import { Idempotent } from '../../platform/http/idempotency/idempotent.decorator';

/** Outgoing e-mail: whether each message was delivered, and sending failed ones again. */
@ApiTags('mail')
@Controller({ path: 'mail-messages', version: '1' })
export class MailMessagesController {
  constructor(private readonly messages: MailMessagesService) {}

  @Get()
  @Authenticated({ permission: Permission.MailMessagesRead })
  @ApiOperation({
    summary: 'List outgoing e-mail',
    description:
      'Invitations, password resets and notices Depot queued, newest first, with their delivery state, ' +
      'attempts and last error. Message bodies are never returned.',
  })
  @ApiOkResponse({ type: MailMessagePageDto, description: 'A page of messages.' })
  @ApiProblems(400)
  listMailMessages(@Query() query: MailMessageListQueryDto): Promise<Page<MailMessageDto>> {
    return this.messages.list(query);
  }

  @Post(':id/retry')
  @Idempotent()
  @HttpCode(202)
  @Authenticated({ permission: Permission.MailMessagesManage })
  @ApiOperation({
    summary: 'Send a failed e-mail again',
    description:
      'Queues a `failed` message again, due now, with a fresh retry schedule. A link it carries may have expired meanwhile.',
  })
  @ApiAcceptedResponse({ type: MailMessageResponseDto, description: 'Queued again.' })
  @ApiProblems(400, 404, 409)
  @ApiProblemCodes(ErrorCode.MailNotFound, ErrorCode.MailNotRetryable)
  retryMailMessage(@Param('id', ParseIdPipe) id: string): Promise<MailMessageDto> {
    return this.messages.retry(id);
  }
}
