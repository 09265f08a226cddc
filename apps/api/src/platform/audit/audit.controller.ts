import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS } from '@xiaoban/shared';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Authenticated } from '../auth/decorators';
import { Exportable, ExportRequested } from '../excel/exportable';
import { rowSource, type RowSource } from '../excel/row-source';
import type { SheetSpec } from '../excel/sheet';
import { paginate, Paginated } from '../http/pagination';
import { escapeLike } from '../http/sql';
import { AuditChainService } from './audit-chain.service';
import { AuditEntry } from './audit-entry.entity';
import { AuditEntryDto, ChainVerificationDto, QueryAuditLogDto, SealResultDto } from './audit.dto';

const AuditEntryPage = Paginated(AuditEntryDto);

/** The audit log as a sheet (PLT-6, PLT-7). */
const AUDIT_LOG_SHEET: SheetSpec<AuditEntryDto> = {
  title: '操作日志',
  fileName: 'audit-log',
  columns: [
    { header: '序号', key: 'id', width: 10 },
    { header: '时间', key: 'occurredAt', width: 18, format: 'datetime' },
    { header: '操作人', key: 'actor.name', width: 12 },
    { header: '操作', key: 'action', width: 24 },
    { header: '对象类型', key: 'objectType', width: 16 },
    { header: '对象', key: 'objectId', width: 38 },
    { header: '变更', key: 'diff', width: 60, value: (e) => (e.diff ? JSON.stringify(e.diff) : null) },
    { header: 'IP', key: 'ip', width: 16 },
    { header: '请求号', key: 'requestId', width: 38 },
  ],
};

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
  @Exportable(AUDIT_LOG_SHEET, AuditEntryPage)
  async listAuditLog(
    @Query() query: QueryAuditLogDto,
    @ExportRequested() exporting: boolean,
  ): Promise<InstanceType<typeof AuditEntryPage> | RowSource<AuditEntryDto>> {
    const qb = this.entries.createQueryBuilder('a').orderBy('a.id', 'DESC');
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.objectType) qb.andWhere('a.object_type = :objectType', { objectType: query.objectType });
    if (query.objectId) qb.andWhere('a.object_id = :objectId', { objectId: query.objectId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from) qb.andWhere('a.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.occurred_at < :to', { to: query.to });
    if (query.q) qb.andWhere('(a.actor_name ILIKE :q OR a.action ILIKE :q OR a.object_id ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    if (exporting) return rowSource(qb, (entries) => entries.map(toAuditEntryDto));
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
