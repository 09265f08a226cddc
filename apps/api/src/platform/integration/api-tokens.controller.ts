import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { Authenticated } from '../auth/decorators';
import { ApiErrors } from '../http/api-responses';
import { Paginated } from '../http/pagination';
import { UUID_PARAM } from '../http/params';
import { Ctx, type RequestContext } from '../http/request-context';
import { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto, QueryApiTokensDto, RevokeApiTokenDto } from './api-tokens.dto';
import { ApiTokensService } from './api-tokens.service';

const ApiTokenPage = Paginated(ApiTokenDto);

@ApiTags('integration')
@Controller('integration/tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @Authenticated({ permission: PERMISSIONS.INTEGRATION_TOKENS_MANAGE })
  @ApiOperation({
    operationId: 'listApiTokens',
    summary: 'API tokens',
    description: 'PLT-9: tokens of other school systems, newest first, with scopes, expiry and last use; never the secret.',
  })
  @ApiOkResponse({ type: ApiTokenPage })
  @ApiErrors(400)
  listApiTokens(@Query() query: QueryApiTokensDto): Promise<InstanceType<typeof ApiTokenPage>> {
    return this.tokens.list(query);
  }

  // No @Idempotent(): a replayed answer would have to keep the secret, which is stored hashed only.
  @Post()
  @Authenticated({ permission: PERMISSIONS.INTEGRATION_TOKENS_MANAGE })
  @ApiOperation({
    operationId: 'createApiToken',
    summary: 'Issue an API token',
    description:
      'PLT-9: scoped to permissions the caller holds, with an expiry. The secret (`xbt_…`) is in this answer only; the other ' +
      'system sends it as `Authorization: Bearer xbt_…` and may then call exactly the routes its scopes allow (403 elsewhere).',
  })
  @ApiCreatedResponse({ type: CreatedApiTokenDto })
  @ApiErrors(400)
  createApiToken(@Body() dto: CreateApiTokenDto, @Ctx() ctx: RequestContext): Promise<CreatedApiTokenDto> {
    return this.tokens.create(dto, ctx);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.INTEGRATION_TOKENS_MANAGE })
  @ApiOperation({
    operationId: 'revokeApiToken',
    summary: 'Revoke an API token',
    description: 'PLT-9: refused from the next request on; audited. Revoking a revoked token changes nothing.',
  })
  @ApiOkResponse({ type: ApiTokenDto })
  @ApiErrors(400, 404)
  revokeApiToken(@Param('id', UUID_PARAM) id: string, @Body() dto: RevokeApiTokenDto, @Ctx() ctx: RequestContext): Promise<ApiTokenDto> {
    return this.tokens.revoke(id, dto.reason, ctx);
  }
}
