import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../auth/decorators';
import { ApiErrors } from '../http/api-responses';
import { Idempotent } from '../http/idempotency';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import { CreateRoleDto, RoleDto, UpdateRoleDto } from './org.dto';
import { RolesService } from './roles.service';

@ApiTags('org')
@Controller('org/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.ORG_READ })
  @ApiOperation({ operationId: 'listRoles', summary: 'List roles', description: 'PLT-1: seeded roles first, each with its permissions.' })
  @ApiOkResponse({ type: [RoleDto] })
  listRoles(): Promise<RoleDto[]> {
    return this.roles.list();
  }

  @Post()
  @Authenticated({ permission: PERMISSIONS.ROLES_MANAGE })
  @Idempotent()
  @ApiOperation({ operationId: 'createRole', summary: 'Create a role', description: 'PLT-1: permissions from the catalogue only.' })
  @ApiCreatedResponse({ type: RoleDto })
  @ApiErrors(400, 409)
  createRole(@Body() dto: CreateRoleDto, @Ctx() ctx: RequestContext): Promise<RoleDto> {
    return this.roles.create(dto, ctx);
  }

  @Get(':id')
  @Authenticated({ permission: PERMISSIONS.ORG_READ })
  @ApiOperation({ operationId: 'getRole', summary: 'Get a role', description: 'PLT-1' })
  @ApiOkResponse({ type: RoleDto })
  @ApiErrors(400, 404)
  getRole(@Param('id', UUID_PARAM) id: string): Promise<RoleDto> {
    return this.roles.get(id);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.ROLES_MANAGE })
  @ApiOperation({ operationId: 'updateRole', summary: 'Change a role', description: 'PLT-1: name, description, permissions.' })
  @ApiOkResponse({ type: RoleDto })
  @ApiErrors(400, 404, 409)
  updateRole(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateRoleDto, @Ctx() ctx: RequestContext): Promise<RoleDto> {
    return this.roles.update(id, dto, ctx);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.ROLES_MANAGE })
  @ApiOperation({ operationId: 'deleteRole', summary: 'Delete a role', description: 'PLT-1: seeded roles cannot be deleted (409).' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404, 409)
  async deleteRole(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    await this.roles.remove(id, ctx);
  }
}
