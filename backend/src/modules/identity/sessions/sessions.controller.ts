import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, Permission, type SessionDto, type Page } from '@depot/contracts';
import { AllowWithoutMfa, Authenticated } from '../../../platform/auth/auth.decorators';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import type { Principal } from '../../../platform/auth/principal';
import { NotFoundError } from '../../../platform/http/app-error';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import { SessionListQueryDto, SessionResponseDto } from './dto/session.dto';
import type { SessionEntity } from './session.entity';
import { SessionsService } from './sessions.service';
import { PageOf, wholeList, type WholeListSort } from '../../../platform/http/pagination/page-dto';

const SESSION_SORT: WholeListSort<SessionDto> = {
  fields: { createdAt: (session) => session.createdAt, lastUsedAt: (session) => session.lastUsedAt },
  key: (session) => session.id,
};

function toDto(session: SessionEntity, currentSessionId: string): SessionDto {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    ip: session.ip,
    userAgent: session.userAgent,
    current: session.id === currentSessionId,
  };
}

/** Your own sessions (/me/sessions) and, for admins, anyone's (/users/{id}/sessions). */
@ApiTags('identity')
@Controller({ version: '1' })
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get('me/sessions')
  @Authenticated()
  @AllowWithoutMfa()
  @ApiOperation({
    summary: 'List your active sessions',
    description:
      'Every session you are signed in with (browser or app), newest first; `current` marks the one making this request.',
  })
  @ApiOkResponse({ type: PageOf(SessionResponseDto), description: 'Active sessions, most recently used first.' })
  async listMySessions(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SessionListQueryDto,
  ): Promise<Page<SessionDto>> {
    const sessions = await this.sessions.listActive(principal.userId);
    return wholeList(
      sessions.map((session) => toDto(session, principal.sessionId)),
      query,
      SESSION_SORT,
    );
  }

  @Delete('me/sessions')
  @HttpCode(204)
  @Authenticated()
  @AllowWithoutMfa()
  @ApiOperation({ summary: 'Sign out everywhere', description: 'Ends all your sessions, this one included.' })
  @ApiNoContentResponse({ description: 'All sessions ended.' })
  async endAllMySessions(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.sessions.endAllForUser(principal.userId, 'logout_everywhere');
  }

  @Delete('me/sessions/:sessionId')
  @HttpCode(204)
  @Authenticated()
  @AllowWithoutMfa()
  @ApiOperation({
    summary: 'End one of your sessions',
    description: 'Signs that device out: its refresh token stops working at once and its access token within seconds.',
  })
  @ApiNoContentResponse({ description: 'Session ended.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.SessionNotFound)
  async endMySession(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId', ParseIdPipe) sessionId: string,
  ): Promise<void> {
    await this.endOne(principal.userId, sessionId, 'revoked_by_user');
  }

  @Get('users/:id/sessions')
  @Authenticated({ permission: Permission.IdentitySessionsManage })
  @ApiOperation({
    summary: "List a user's active sessions",
    description: "An administrator's view of where a user is signed in, newest first.",
  })
  @ApiOkResponse({ type: PageOf(SessionResponseDto), description: 'Active sessions, most recently used first.' })
  @ApiProblems(400)
  async listUserSessions(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseIdPipe) userId: string,
    @Query() query: SessionListQueryDto,
  ): Promise<Page<SessionDto>> {
    const sessions = await this.sessions.listActive(userId);
    return wholeList(
      sessions.map((session) => toDto(session, principal.sessionId)),
      query,
      SESSION_SORT,
    );
  }

  @Delete('users/:id/sessions')
  @HttpCode(204)
  @Authenticated({ permission: Permission.IdentitySessionsManage })
  @ApiOperation({
    summary: "End all of a user's sessions",
    description: 'Signs the user out everywhere (e.g. a lost laptop); they can sign in again unless disabled.',
  })
  @ApiNoContentResponse({ description: 'All sessions ended.' })
  @ApiProblems(400)
  async endUserSessions(@Param('id', ParseIdPipe) userId: string): Promise<void> {
    await this.sessions.endAllForUser(userId, 'revoked_by_admin');
  }

  @Delete('users/:id/sessions/:sessionId')
  @HttpCode(204)
  @Authenticated({ permission: Permission.IdentitySessionsManage })
  @ApiOperation({ summary: "End one of a user's sessions", description: 'Signs the user out of one device.' })
  @ApiNoContentResponse({ description: 'Session ended.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.SessionNotFound)
  async endUserSession(
    @Param('id', ParseIdPipe) userId: string,
    @Param('sessionId', ParseIdPipe) sessionId: string,
  ): Promise<void> {
    await this.endOne(userId, sessionId, 'revoked_by_admin');
  }

  private async endOne(userId: string, sessionId: string, reason: string): Promise<void> {
    const session = await this.sessions.findActive(userId, sessionId);
    if (!session) throw new NotFoundError(ErrorCode.SessionNotFound, `No active session ${sessionId}.`);
    await this.sessions.end(session, reason);
  }
}
