import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isPermission, PERMISSIONS } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { API_TOKEN_PREFIX, type ApiTokenAuthenticator } from '../auth/api-token-authenticator';
import type { Principal } from '../auth/principal';
import { badRequest, notFound } from '../http/api-error';
import { paginate, type Page } from '../http/pagination';
import type { RequestContext } from '../http/request-context';
import { escapeLike, returnedRows } from '../http/sql';
import { ApiToken } from './api-token.entity';
import type { ApiTokenDto, CreateApiTokenDto, CreatedApiTokenDto, QueryApiTokensDto } from './api-tokens.dto';
import { apiTokenStatus, toApiTokenDto } from './integration.mapper';

/** A token lives at most this long; a forgotten one dies eventually. */
const MAX_LIFETIME_DAYS = 3 * 366;
/** `xbt_` and 8 characters of the secret: shown in lists to recognise a token. */
const PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * API tokens for other school systems (PLT-9): issued by an admin with scopes from their own
 * permissions, stored as a SHA-256 only, refused once expired or revoked. As the guard's
 * authenticator it turns a presented token into a principal holding exactly the token's scopes.
 */
@Injectable()
export class ApiTokensService implements ApiTokenAuthenticator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: QueryApiTokensDto): Promise<Page<ApiTokenDto>> {
    const qb = this.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .leftJoinAndSelect('t.createdBy', 'creator')
      .orderBy('t.createdAt', 'DESC')
      .addOrderBy('t.id');
    if (query.status === 'active') qb.andWhere('t.revokedAt IS NULL AND t.expiresAt > now()');
    if (query.status === 'expired') qb.andWhere('t.revokedAt IS NULL AND t.expiresAt <= now()');
    if (query.status === 'revoked') qb.andWhere('t.revokedAt IS NOT NULL');
    if (query.q) qb.andWhere('(t.name ILIKE :q OR t.tokenPrefix ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return paginate(qb, query, toApiTokenDto);
  }

  async create(dto: CreateApiTokenDto, ctx: RequestContext): Promise<CreatedApiTokenDto> {
    const actor = ctx.actor!;
    const scopes = [...new Set(dto.permissions)].sort();
    const notHeld = scopes.filter((p) => !actor.permissions.has(p));
    if (notHeld.length) badRequestFor('permissions', `you do not hold ${notHeld.join(', ')}`);
    // A token that could mint tokens would outlive any revocation of it.
    if (scopes.includes(PERMISSIONS.INTEGRATION_TOKENS_MANAGE)) {
      badRequestFor('permissions', `${PERMISSIONS.INTEGRATION_TOKENS_MANAGE} cannot be given to a token`);
    }
    const expiresAt = new Date(dto.expiresAt);
    if (expiresAt.getTime() <= Date.now()) badRequestFor('expiresAt', 'expiresAt must be in the future');
    if (expiresAt.getTime() > Date.now() + MAX_LIFETIME_DAYS * 86_400_000)
      badRequestFor('expiresAt', 'expiresAt must be within three years');

    const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    return this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(ApiToken, {
        name: dto.name,
        tokenPrefix: secret.slice(0, PREFIX_LENGTH),
        tokenHash: sha256(secret),
        permissions: scopes,
        createdById: actor.apiToken ? null : actor.id,
        expiresAt,
      });
      const created = await manager.findOneOrFail(ApiToken, { where: { id: identifiers[0].id as string }, relations: { createdBy: true } });
      await this.audit.record(manager, ctx, {
        action: 'api-token.create',
        objectType: 'api-token',
        objectId: created.id,
        before: null,
        after: { name: created.name, permissions: scopes, expiresAt: created.expiresAt },
      });
      return { ...toApiTokenDto(created), token: secret };
    });
  }

  /** Revokes a token at once; revoking a revoked token changes nothing. */
  async revoke(id: string, reason: string | undefined, ctx: RequestContext): Promise<ApiTokenDto> {
    return this.dataSource.transaction(async (manager) => {
      // Conditional, so that two admins revoking at once record one revocation.
      const revoked = returnedRows(
        await manager.query('UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]),
      );
      const token = await manager.findOne(ApiToken, { where: { id }, relations: { createdBy: true } });
      if (!token) throw notFound('API token');
      if (revoked.length) {
        await this.audit.record(manager, ctx, {
          action: 'api-token.revoke',
          objectType: 'api-token',
          objectId: id,
          details: { name: token.name, reason: reason ?? null },
        });
      }
      return toApiTokenDto(token);
    });
  }

  async authenticate(secret: string, from: { ip: string | null; requestId: string }): Promise<Principal | null> {
    const token = await this.dataSource.manager.findOne(ApiToken, { where: { tokenHash: sha256(secret) } });
    const status = token ? apiTokenStatus(token) : 'unknown';
    if (!token || status !== 'active') {
      // A refused credential is a security event, recorded although the request is rejected.
      await this.audit.recordSecurityEvent(
        { actor: null, ip: from.ip, requestId: from.requestId },
        {
          action: 'api-token.refused',
          objectType: 'api-token',
          objectId: token?.id ?? null,
          details: { reason: status, prefix: secret.slice(0, PREFIX_LENGTH) },
        },
      );
      return null;
    }
    // At most one write a minute per token, however busy the integration.
    if (!token.lastUsedAt || token.lastUsedAt.getTime() < Date.now() - 60_000) {
      await this.dataSource.query(
        `UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [token.id],
      );
    }
    return {
      id: token.id,
      username: `api-token:${token.tokenPrefix}`,
      name: token.name,
      departmentId: null,
      roles: [],
      // Exactly its scopes; a permission since removed from the catalogue means nothing.
      permissions: new Set(token.permissions.filter(isPermission)),
      clearance: 'none',
      apiToken: true,
    };
  }
}

function badRequestFor(field: string, message: string): never {
  throw badRequest(message, { [field]: [message] });
}
