import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../auth/decorators';
import { ApiErrors } from '../http/api-responses';
import { Idempotent } from '../http/idempotency';
import { Paginated } from '../http/pagination';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import { CreateUserDto, QueryUsersDto, ResetPasswordDto, UpdateUserDto, UserDto } from './org.dto';
import { UsersService } from './users.service';

const UserPage = Paginated(UserDto);

@ApiTags('org')
@Controller('org/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.ORG_READ })
  @ApiOperation({
    operationId: 'listUsers',
    summary: 'List accounts',
    description: 'PLT-1: search by name, username or phone; filter by department and active flag.',
  })
  @ApiOkResponse({ type: UserPage })
  @ApiErrors(400)
  listUsers(@Query() query: QueryUsersDto): Promise<InstanceType<typeof UserPage>> {
    return this.users.list(query);
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
