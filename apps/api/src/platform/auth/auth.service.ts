import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { ApiError, badRequest } from '../http/api-error';
import type { RequestContext } from '../http/request-context';
import { Department } from '../org/department.entity';
import { User } from '../org/user.entity';
import type { MeDto, TokenPairDto } from './auth.dto';
import { PasswordService } from './password.service';
import type { Principal } from './principal';
import { RefreshToken } from './refresh-token.entity';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const invalidCredentials = () => new ApiError(HttpStatus.UNAUTHORIZED, PLATFORM_ERRORS.INVALID_CREDENTIALS, 'Wrong username or password');
const invalidRefreshToken = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, PLATFORM_ERRORS.INVALID_REFRESH_TOKEN, 'The refresh token is invalid or expired; log in again');
const accountLocked = (until: Date) =>
  new ApiError(
    HttpStatus.LOCKED,
    PLATFORM_ERRORS.ACCOUNT_LOCKED,
    `The account is locked after repeated failed logins until ${until.toISOString()}`,
  );

/**
 * Login, token rotation and passwords (PLT-1). Access tokens are short-lived JWTs; refresh
 * tokens are opaque, stored hashed, single-use, and grouped in families so that a replayed
 * token revokes every token descended from the same login.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string, ctx: RequestContext): Promise<TokenPairDto> {
    const user = await this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    const subject = { objectType: 'user', objectId: user?.id ?? null, details: { username } };
    if (user?.lockedUntil && user.lockedUntil > new Date()) {
      await this.audit.recordSecurityEvent(ctx, { action: 'auth.login-locked', ...subject });
      throw accountLocked(user.lockedUntil);
    }
    const valid = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.active) {
      if (user) await this.countFailure(user.id);
      await this.audit.recordSecurityEvent(ctx, { action: 'auth.login-failed', ...subject });
      throw invalidCredentials();
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { failedLoginCount: 0, lockedUntil: null });
      await this.audit.record(
        manager,
        { ...ctx, actor: { id: user.id, name: user.name } },
        { action: 'auth.login', objectType: 'user', objectId: user.id, details: { username } },
      );
      return this.issueTokens(user.id, randomUUID(), manager);
    });
  }

  /** One more failure; the threshold-th failure in a row locks the account for a while. */
  private async countFailure(userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET
         failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
         locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
       WHERE id = $1`,
      [userId, this.config.lockoutThreshold, this.config.lockoutMinutes],
    );
  }

  async refresh(refreshToken: string, ctx: RequestContext): Promise<TokenPairDto> {
    const tokenHash = sha256(refreshToken);
    return this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshToken, { where: { tokenHash } });
      if (!token) throw invalidRefreshToken();
      // Single use: only one request may turn this token into the next one.
      const used = await manager
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ revokedAt: () => 'now()' })
        .where('id = :id AND revoked_at IS NULL', { id: token.id })
        .execute();
      if (used.affected !== 1) {
        await this.revokeFamily(token.familyId, token.userId, ctx, 'auth.refresh-reuse');
        throw invalidRefreshToken();
      }
      const active = await manager.exists(User, { where: { id: token.userId, active: true } });
      if (token.expiresAt <= new Date() || !active) throw invalidRefreshToken();
      return this.issueTokens(token.userId, token.familyId, manager);
    });
  }

  /**
   * A revoked token came back: someone holds a copy. Revoke the whole family, in a transaction of
   * its own so that the revocation stands although the request fails.
   */
  private async revokeFamily(familyId: string, userId: string, ctx: RequestContext, action: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
      await this.audit.record(manager, ctx, { action, objectType: 'user', objectId: userId, details: { familyId } });
    });
  }

  /** Ends the session the refresh token belongs to, if it is the caller's own. */
  async logout(refreshToken: string, ctx: RequestContext): Promise<void> {
    const token = await this.dataSource.manager.findOne(RefreshToken, { where: { tokenHash: sha256(refreshToken) } });
    if (!token || token.userId !== ctx.actor?.id) return;
    await this.revokeFamily(token.familyId, token.userId, ctx, 'auth.logout');
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string, ctx: RequestContext): Promise<void> {
    const user = await this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: principal.id })
      .getOneOrFail();
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      await this.audit.recordSecurityEvent(ctx, { action: 'auth.password-change-refused', objectType: 'user', objectId: user.id });
      throw badRequest('The current password is wrong', { currentPassword: ['current password is wrong'] });
    }
    if (currentPassword === newPassword) {
      throw badRequest('The new password must differ from the current one', { newPassword: ['must differ from the current password'] });
    }
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { passwordHash, passwordChangedAt: new Date() });
      await this.audit.record(manager, ctx, { action: 'auth.password-change', objectType: 'user', objectId: user.id });
    });
  }

  async me(principal: Principal): Promise<MeDto> {
    const department = principal.departmentId
      ? await this.dataSource.manager.findOne(Department, { where: { id: principal.departmentId }, select: { id: true, name: true } })
      : null;
    return {
      id: principal.id,
      username: principal.username,
      name: principal.name,
      department: department ? { id: department.id, name: department.name } : null,
      roles: [...principal.roles].sort(),
      permissions: [...principal.permissions].sort(),
      clearance: principal.clearance,
    };
  }

  private async issueTokens(userId: string, familyId: string, manager = this.dataSource.manager): Promise<TokenPairDto> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.insert(RefreshToken, {
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
    });
    const accessToken = await this.jwt.signAsync(
      { sub: userId, typ: 'access' },
      { expiresIn: this.config.accessTokenTtlSeconds, jwtid: randomUUID() },
    );
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }
}
