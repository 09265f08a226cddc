import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Authenticated } from '../auth/decorators';
import { paginate, Paginated } from '../http/pagination';
import { escapeLike } from '../http/sql';
import { AuditChainService } from './audit-chain.service';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryDto, ChainVerificationDto, QueryAuditLogDto, SealResultDto } from './audit.dto';

const AuditEntryPage = Paginated(AuditEntryDto);

export function toAuditEntryDto(entry: AuditEntry): AuditEntryDto {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    actor: entry.actorId ? { id: entry.actorId, name: entry.actorName } : null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    diff: entry.diff,
    ip: entry.ip,
    requestId: entry.requestId,
  };
}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly chain: AuditChainService,
  ) {}

  @Get('logs')
  @Authenticated({ permission: PERMISSIONS.AUDIT_READ })
  @ApiOperation({
    operationId: 'listAuditLog',
    summary: 'Search the audit log',
    description: 'PLT-6: by actor, object, action and time; newest first.',
  })
  @ApiOkResponse({ type: AuditEntryPage })
  async listAuditLog(@Query() query: QueryAuditLogDto): Promise<InstanceType<typeof AuditEntryPage>> {
    const qb = this.entries.createQueryBuilder('a').orderBy('a.id', 'DESC');
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.objectType) qb.andWhere('a.object_type = :objectType', { objectType: query.objectType });
    if (query.objectId) qb.andWhere('a.object_id = :objectId', { objectId: query.objectId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from) qb.andWhere('a.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.occurred_at < :to', { to: query.to });
    if (query.q) qb.andWhere('(a.actor_name ILIKE :q OR a.action ILIKE :q OR a.object_id ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return paginate(qb, query, toAuditEntryDto);
  }

  @Get('verify')
  @Authenticated({ permission: PERMISSIONS.AUDIT_VERIFY })
  @ApiOperation({
    operationId: 'verifyAuditChain',
    summary: 'Verify the hash chain',
    description: 'PLT-6: recomputes the chain; reports the first broken link and the unsealed tail.',
  })
  @ApiOkResponse({ type: ChainVerificationDto })
  verifyAuditChain(): Promise<ChainVerificationDto> {
    return this.chain.verify();
  }

  @Post('seal')
  @HttpCode(200)
  @Authenticated({ permission: PERMISSIONS.AUDIT_VERIFY })
  @ApiOperation({
    operationId: 'sealAuditChain',
    summary: 'Seal the audit log now',
    description: 'PLT-6: links every committed, unsealed entry into the chain at once instead of at the next scheduled run.',
  })
  @ApiOkResponse({ type: SealResultDto })
  async sealAuditChain(): Promise<SealResultDto> {
    return { sealed: await this.chain.seal() };
  }
}
