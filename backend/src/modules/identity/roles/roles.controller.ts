import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSION_CATALOGUE, Permission, type RoleDto, type Page, ErrorCode } from '@depot/contracts';
import { Authenticated } from '../../../platform/auth/auth.decorators';
import { ParseIdPipe } from '../../../platform/http/parse-id.pipe';
import { ApiProblems } from '../../../platform/openapi/api-responses';
import { ApiProblemCodes } from '../../../platform/openapi/api-problem-codes';
import {
  CreateRoleDto,
  PermissionGroupDto,
  PermissionListQueryDto,
  RoleListQueryDto,
  RoleResponseDto,
  UpdateRoleDto,
} from './dto/role.dto';
import { RolesService } from './roles.service';
import { PageOf, wholeList } from '../../../platform/http/pagination/page-dto';
import { Idempotent } from '../../../platform/http/idempotency/idempotent.decorator';
import {
  CreatedLocation,
  ETagged,
  IfMatch,
  IfMatchVersion,
} from '../../../platform/http/conditional/conditional.decorators';

@ApiTags('identity')
@Controller({ version: '1' })
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get('permissions')
  @Authenticated({ permission: Permission.IdentityRolesRead })
  @ApiOperation({
    summary: 'The permission catalogue, grouped by module',
    description:
      'Every permission a role can grant or an API key can be scoped to, grouped by module, with a label and a description for each.',
  })
  @ApiOkResponse({ type: PageOf(PermissionGroupDto), description: 'Every permission Depot knows.' })
  listPermissions(@Query() query: PermissionListQueryDto): Page<PermissionGroupDto> {
    return wholeList(
      PERMISSION_CATALOGUE.map((group) => ({ module: group.module, permissions: [...group.permissions] })),
      query,
      { fields: { module: (group) => group.module }, key: (group) => group.module },
    );
  }

  @Get('roles')
  @Authenticated({ permission: Permission.IdentityRolesRead })
  @ApiOperation({
    summary: 'List roles',
    description: 'Built-in and custom roles with their permissions and how many users hold each.',
  })
  @ApiOkResponse({ type: PageOf(RoleResponseDto), description: 'Built-in roles first, then by name.' })
  async listRoles(@Query() query: RoleListQueryDto): Promise<Page<RoleDto>> {
    return wholeList(await this.roles.list(), query, {
      fields: { name: (role) => role.name, createdAt: (role) => role.createdAt },
      key: (role) => role.id,
    });
  }

  @Get('roles/:id')
  @ETagged()
  @Authenticated({ permission: Permission.IdentityRolesRead })
  @ApiOperation({
    summary: 'Get a role',
    description: 'One role with its permissions, whether it requires two-step verification, and `version`.',
  })
  @ApiOkResponse({ type: RoleResponseDto, description: 'The role.' })
  @ApiProblems(400, 404)
  @ApiProblemCodes(ErrorCode.RoleNotFound)
  getRole(@Param('id', ParseIdPipe) id: string): Promise<RoleDto> {
    return this.roles.get(id);
  }

  @Post('roles')
  @CreatedLocation('/api/v1/roles/{id}')
  @Idempotent()
  @Authenticated({ permission: Permission.IdentityRolesManage })
  @ApiOperation({
    summary: 'Create a custom role',
    description: 'A role is a named set of permissions; names are unique case-insensitively.',
  })
  @ApiCreatedResponse({ type: RoleResponseDto, description: 'Created.' })
  @ApiProblems(400, 409, 415)
  @ApiProblemCodes(ErrorCode.RoleNameTaken)
  createRole(@Body() body: CreateRoleDto): Promise<RoleDto> {
    return this.roles.create(body);
  }

  @Patch('roles/:id')
  @IfMatch()
  @Authenticated({ permission: Permission.IdentityRolesManage })
  @ApiOperation({ summary: 'Update a role', description: 'Built-in roles: only `requireMfa`.' })
  @ApiOkResponse({ type: RoleResponseDto, description: 'Updated.' })
  @ApiProblems(400, 404, 409, 415)
  @ApiProblemCodes(ErrorCode.RoleNotFound, ErrorCode.RoleNameTaken, ErrorCode.RoleBuiltIn)
  updateRole(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateRoleDto): Promise<RoleDto> {
    return this.roles.update(id, body);
  }

  @Delete('roles/:id')
  @IfMatch({ etag: false })
  @HttpCode(204)
  @Authenticated({ permission: Permission.IdentityRolesManage })
  @ApiOperation({ summary: 'Delete a custom role', description: 'Only when no user holds it.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiProblems(400, 404, 409)
  @ApiProblemCodes(ErrorCode.RoleNotFound, ErrorCode.RoleBuiltIn, ErrorCode.RoleInUse)
  deleteRole(
    @Param('id', ParseIdPipe) id: string,
    @IfMatchVersion() expectedVersion: number | undefined,
  ): Promise<void> {
    return this.roles.remove(id, expectedVersion);
  }
}
