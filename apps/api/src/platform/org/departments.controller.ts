import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../auth/decorators';
import { ApiErrors } from '../http/api-responses';
import { Idempotent } from '../http/idempotency';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentDto, DepartmentDto, UpdateDepartmentDto } from './org.dto';

@ApiTags('org')
@Controller('org/departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.ORG_READ })
  @ApiOperation({
    operationId: 'listDepartments',
    summary: 'List departments',
    description: 'PLT-1: every department, flat, with parentId to build the tree.',
  })
  @ApiOkResponse({ type: [DepartmentDto] })
  listDepartments(): Promise<DepartmentDto[]> {
    return this.departments.list();
  }

  @Post()
  @Authenticated({ permission: PERMISSIONS.DEPARTMENTS_MANAGE })
  @Idempotent()
  @ApiOperation({
    operationId: 'createDepartment',
    summary: 'Create a department',
    description: 'PLT-1, ADM-1: with its head and liaison person.',
  })
  @ApiCreatedResponse({ type: DepartmentDto })
  @ApiErrors(400, 409)
  createDepartment(@Body() dto: CreateDepartmentDto, @Ctx() ctx: RequestContext): Promise<DepartmentDto> {
    return this.departments.create(dto, ctx);
  }

  @Get(':id')
  @Authenticated({ permission: PERMISSIONS.ORG_READ })
  @ApiOperation({ operationId: 'getDepartment', summary: 'Get a department', description: 'PLT-1' })
  @ApiOkResponse({ type: DepartmentDto })
  @ApiErrors(400, 404)
  getDepartment(@Param('id', UUID_PARAM) id: string): Promise<DepartmentDto> {
    return this.departments.get(id);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.DEPARTMENTS_MANAGE })
  @ApiOperation({
    operationId: 'updateDepartment',
    summary: 'Change a department',
    description: 'PLT-1, ADM-1: a department cannot move under itself.',
  })
  @ApiOkResponse({ type: DepartmentDto })
  @ApiErrors(400, 404, 409)
  updateDepartment(
    @Param('id', UUID_PARAM) id: string,
    @Body() dto: UpdateDepartmentDto,
    @Ctx() ctx: RequestContext,
  ): Promise<DepartmentDto> {
    return this.departments.update(id, dto, ctx);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.DEPARTMENTS_MANAGE })
  @ApiOperation({
    operationId: 'deleteDepartment',
    summary: 'Delete an empty department',
    description: 'PLT-1: 409 while it has sub-departments or members.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 404, 409)
  async deleteDepartment(@Param('id', UUID_PARAM) id: string, @Ctx() ctx: RequestContext): Promise<void> {
    await this.departments.remove(id, ctx);
  }
}
