import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, UserStatus, type BulkResult, type Page, type UserDto, ErrorCode } from '@depot/contracts';
import { BULK_DESCRIPTION, BulkResultDto } from '../../../platform/http/bulk/bulk.dto';
import { Authenticated } from '../../../platform/auth/auth.decorators';
import { CurrentPrincipal } from '../../../platform/auth/current-principal.decorator';
import type { Principal } from '../../../platform/auth/principal';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import {
  CreateUserDto,
  SetUserRolesDto,
  UserBulkDto,
  UpdateUserDto,
  UserListQueryDto,
  UserPageDto,
  UserResponseDto,
} from './dto/user.dto';
import { UsersService } from './users.service';
import { Idempotent } from '../../../platform/http/idempotency/idempotent.decorator';
import { CreatedLocation, ETagged, IfMatch } from '../../../platform/http/conditional/conditional.decorators';

@ApiTags('identity')
@Controller({ path: 'users', version: '1' })
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated({ permission: Permission.IdentityUsersRead })
  @ApiOperation({
    summary: 'List users',
    description: 'Search `q` matches e-mail and name; filter by role and status.',
  })
  @ApiOkResponse({ type: UserPageDto, description: 'A page of users.' })
  @ApiProblems(400)
  listUsers(@Query() query: UserListQueryDto): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Post('bulk')
  @HttpCode(200)
  @Idempotent()
  @Authenticated({ permission: Permission.IdentityUsersManage })
  @ApiOperation({
    summary: 'Disable many users',
    description:
      "`disable`: as the single operation, each user's sessions end and their API keys stop working; a disabled " +
      'user is `unchanged`; your own account fails its row (AUTH.FORBIDDEN). ' +
      BULK_DESCRIPTION,
  })
  @ApiOkResponse({ type: BulkResultDto, description: 'One result per id, and a summary.' })
  @ApiProblems(400, 413, 415)
  bulkUsers(@CurrentPrincipal() actor: Principal, @Body() body: UserBulkDto): Promise<BulkResult> {
    return this.users.bulk(actor, body);
  }

  @Get(':id')
  @ETagged()
  @Authenticated({ permission: Permission.IdentityUsersRead })
  @ApiOperation({
    summary: 'Get a user',
    description: 'One user with their roles, status, two-step verification state and `version`.',
  })
  @ApiOkResponse({ type: UserResponseDto, description: 'The user.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.UserNotFound)
  getUser(@Param('id', ParseIdPipe) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @CreatedLocation('/api/v1/users/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.IdentityUsersManage })
  @ApiOperation({
    summary: 'Create a user',
    description: 'With `initialPassword` the user must change it at first sign-in; without, an invitation is e-mailed.',
  })
  @ApiCreatedResponse({ type: UserResponseDto, description: 'Created.' })
  @ApiProblems(400, 409, 415)
  @ApiProblemCodes(ErrorCode.EmailTaken)
  createUser(@CurrentPrincipal() actor: Principal, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(body, actor);
  }

  @Patch(':id')
  @IfMatch()
  @Authenticated({ permission: Permission.IdentityUsersManage })
  @ApiOperation({
    summary: 'Update a user',
    description: 'E-mail and name only; roles and status have their own operations.',
  })
  @ApiOkResponse({ type: UserResponseDto, description: 'Updated.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.UserNotFound, ErrorCode.EmailTaken)
  updateUser(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateUserDto): Promise<UserDto> {
    return this.users.update(id, body);
  }

  @Put(':id/roles')
  @IfMatch()
  @Authenticated({ permission: Permission.IdentityUsersManage })
  @ApiOperation({
    summary: "Replace a user's roles",
    description:
      'Send the role names the user should hold and the `version` you read; their permissions change with their ' +
      'next request. Your own roles cannot be changed (409).',
  })
  @ApiOkResponse({ type: UserResponseDto, description: 'Roles replaced.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.UserNotFound, { status: 409, code: ErrorCode.Forbidden })
  setUserRoles(
    @CurrentPrincipal() actor: Principal,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SetUserRolesDto,
  ): Promise<UserDto> {
    return this.users.setRoles(actor, id, body);
  }

  @Post(':id/disable')
  @Idempotent()
  @HttpCode(200)
  @Authenticated({ permission: Permission.IdentityUsersManage })
  @ApiOperation({ summary: 'Disable a user', description: 'Ends all their sessions; their API keys stop working.' })
  @ApiOkResponse({ type: UserResponseDto, description: 'Disabled.' })
  @ApiProblems(400, 404, 409)
  @ApiProblemCodes(ErrorCode.UserNotFound, { status: 409, code: ErrorCode.Forbidden })
  disableUser(@CurrentPrincipal() actor: Principal, @Param('id', ParseIdPipe) id: string): Promise<UserDto> {
    return this.users.setStatus(actor, id, UserStatus.Disabled);
  }

  @Post(':id/enable')
  @Idempotent()
  @HttpCode(200)
  @Authenticated({ permission: Permission.IdentityUsersManage })
  @ApiOperation({
    summary: 'Enable a user',
    description: 'Lets a disabled user sign in again; enabling an active user changes nothing.',
  })
  @ApiOkResponse({ type: UserResponseDto, description: 'Enabled.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.UserNotFound)
  enableUser(@CurrentPrincipal() actor: Principal, @Param('id', ParseIdPipe) id: string): Promise<UserDto> {
    return this.users.setStatus(actor, id, UserStatus.Active);
  }
}
