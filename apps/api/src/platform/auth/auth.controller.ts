import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiErrors } from '../http/api-responses';
import { Ctx, type RequestContext } from '../http/request-context';
import { ChangePasswordDto, LoginDto, MeDto, RefreshDto, TokenPairDto } from './auth.dto';
import { AuthService } from './auth.service';
import { Authenticated, Public } from './decorators';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    operationId: 'login',
    summary: 'Log in',
    description:
      'PLT-1: username and password for a token pair. Rate-limited per client (429); an account locks after repeated failures (423 ACCOUNT_LOCKED).',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors(400, 401, 423, 429)
  login(@Body() dto: LoginDto, @Ctx() ctx: RequestContext): Promise<TokenPairDto> {
    return this.auth.login(dto.username, dto.password, ctx);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    operationId: 'refreshTokens',
    summary: 'Exchange a refresh token for a new pair',
    description: 'PLT-1: refresh tokens rotate; presenting a used one again revokes its whole family.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiErrors(400, 401, 429)
  refreshTokens(@Body() dto: RefreshDto, @Ctx() ctx: RequestContext): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken, ctx);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ operationId: 'logout', summary: 'Log out', description: 'PLT-1: revokes the session the refresh token belongs to.' })
  @ApiNoContentResponse()
  @ApiErrors(400)
  async logout(@Body() dto: RefreshDto, @Ctx() ctx: RequestContext): Promise<void> {
    await this.auth.logout(dto.refreshToken, ctx);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({
    operationId: 'getMe',
    summary: 'Who am I',
    description: 'PLT-1: the signed-in person with department, roles, permissions and clearance.',
  })
  @ApiOkResponse({ type: MeDto })
  getMe(@Ctx() ctx: RequestContext): Promise<MeDto> {
    return this.auth.me(ctx.actor!);
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ operationId: 'changeOwnPassword', summary: 'Change my password', description: 'PLT-1: needs the current password.' })
  @ApiNoContentResponse()
  @ApiErrors(400)
  async changeOwnPassword(@Body() dto: ChangePasswordDto, @Ctx() ctx: RequestContext): Promise<void> {
    await this.auth.changePassword(ctx.actor!, dto.currentPassword, dto.newPassword, ctx);
  }
}
