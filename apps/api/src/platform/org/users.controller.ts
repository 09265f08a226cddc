import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import type { FastifyRequest } from 'fastify';
import { Authenticated } from '../auth/decorators';
import { XLSX_MIME } from '../excel/excel.constants';
import { Exportable, ExportRequested } from '../excel/exportable';
import { ImportReportDto } from '../excel/import-report.dto';
import type { RowSource } from '../excel/row-source';
import { readUploadedWorkbook } from '../excel/workbook-import';
import { ApiErrors } from '../http/api-responses';
import { Idempotent } from '../http/idempotency';
import { Paginated } from '../http/pagination';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import { CreateUserDto, QueryUsersDto, ResetPasswordDto, UpdateUserDto, UserDto } from './org.dto';
import { UsersImportService } from './users-import.service';
import { USERS_SHEET } from './users.sheet';
import { UsersService } from './users.service';

const UserPage = Paginated(UserDto);

@ApiTags('org')
@Controller('org/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly usersImport: UsersImportService,
  ) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.ORG_READ })
  @ApiOperation({
    operationId: 'listUsers',
    summary: 'List accounts',
    description: 'PLT-1: search by name, username or phone; filter by department and active flag.',
  })
  @Exportable(USERS_SHEET, UserPage)
  @ApiErrors(400)
  listUsers(
    @Query() query: QueryUsersDto,
    @ExportRequested() exporting: boolean,
  ): Promise<InstanceType<typeof UserPage>> | RowSource<UserDto> {
    return exporting ? this.users.exportRows(query) : this.users.list(query);
  }

  @Post('import')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.USERS_MANAGE })
  @ApiOperation({
    operationId: 'importUsers',
    summary: 'Import accounts from Excel',
    description:
      'PLT-1, PLT-7: an .xlsx with the columns of the accounts export (用户名 and 姓名 required; 初始密码 optional). Rows are matched by ' +
      'username: existing accounts take the sheet’s values (an empty cell clears the field; passwords are never changed), new ones ' +
      'are created. Every row is checked with the create rules; with any problem nothing is imported (400 IMPORT_FAILED, `errors` ' +
      'keyed `rows[N].field`). `dryRun=true` only reports.',
  })
  @ApiConsumes(XLSX_MIME, 'multipart/form-data')
  @ApiBody({ schema: { type: 'string', format: 'binary', description: 'The workbook as the body, or in the multipart field `file`' } })
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Check and report only; write nothing' })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiErrors(400, 413)
  async importUsers(
    @Req() request: FastifyRequest,
    @Query('dryRun') dryRun: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportReportDto> {
    const workbook = await readUploadedWorkbook(request);
    return this.usersImport.importWorkbook(workbook, dryRun === 'true', ctx);
  }

  @Post()
  @Authenticated({ permission: PERMISSIONS.USERS_MANAGE })
  @Idempotent()
  @ApiOperation({
    operationId: 'createUser',
    summary: 'Create an account',
    description: 'PLT-1: the password is stored as argon2id. NFR-7: accepts Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(400, 409)
  createUser(@Body() dto: CreateUserDto, @Ctx() ctx: RequestContext): Promise<UserDto> {
    return this.users.create(dto, ctx);
  }

  @Get(':id')
  @Authenticated({ permission: PERMISSIONS.ORG_READ })
  @ApiOperation({ operationId: 'getUser', summary: 'Get an account', description: 'PLT-1' })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404)
  getUser(@Param('id', UUID_PARAM) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @Authenticated({ permission: PERMISSIONS.USERS_MANAGE })
  @ApiOperation({
    operationId: 'updateUser',
    summary: 'Change an account',
    description: 'PLT-1: department, positions, roles, clearance, active flag. Optimistic locking by version.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404, 409)
  updateUser(@Param('id', UUID_PARAM) id: string, @Body() dto: UpdateUserDto, @Ctx() ctx: RequestContext): Promise<UserDto> {
    return this.users.update(id, dto, ctx);
  }

  @Post(':id/reset-password')
  @HttpCode(204)
  @Authenticated({ permission: PERMISSIONS.USERS_MANAGE })
  @ApiOperation({
    operationId: 'resetUserPassword',
    summary: "Reset a person's password",
    description: 'PLT-1: also lifts a lock and ends their sessions.',
  })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  async resetUserPassword(@Param('id', UUID_PARAM) id: string, @Body() dto: ResetPasswordDto, @Ctx() ctx: RequestContext): Promise<void> {
    await this.users.resetPassword(id, dto.newPassword, ctx);
  }
}
