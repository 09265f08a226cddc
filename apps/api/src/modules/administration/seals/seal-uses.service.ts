import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEPARTMENT_HEAD_SEAL_TYPES,
  LEADER_SEAL_TYPES,
  SEAL_TYPE_LABELS,
  SEAL_USE_APPROVAL_KIND,
  type ApprovalStep,
} from '@xiaoban/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AccessService } from '../../../platform/access/access.service';
import { ApprovalKindRegistry, type ApprovalOutcome } from '../../../platform/approvals/approval-kinds';
import { ApprovalsService } from '../../../platform/approvals/approvals.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { rowSource, type RowSource } from '../../../platform/excel/row-source';
import { StoredFile } from '../../../platform/files/file.entity';
import { toAttachmentDto } from '../../../platform/files/files.mapper';
import { FilesService } from '../../../platform/files/files.service';
import { badRequest, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { notCustodian, sealNotInUse, useCopiesExceeded, useNotApproved, useSpent } from '../administration.errors';
import type {
  ApplySealUseDto,
  QuerySealApplicationsDto,
  QuerySealUsesDto,
  RegisterSealUseDto,
  SealFileDto,
  SealUseApplicationDetailDto,
  SealUseApplicationDto,
  SealUseDto,
} from './seal-uses.dto';
import { Seal, SealUse, SealUseApplication } from './seal.entities';
import { toApplicationDetailDto, toApplicationDto, toUseDto } from './seals.mapper';
import { SealsService } from './seals.service';

/** The resource type of seal-use applications (and owner type of the files to be stamped). */
export const SEAL_USE_APPLICATION = 'seal-use-application';

/**
 * The default chain of `seal-use` (ADM-5): the seal type chooses the steps through their
 * conditions on the request's `sealType`. A 部门章 needs the applicant's department head; 公章,
 * 党委章 and 法人章 need a school leader (校长/书记); 财务章 and 合同章 need both. Admins edit it.
 */
export const SEAL_USE_DEFAULT_STEPS: ApprovalStep[] = [
  {
    name: '部门负责人审核',
    approvers: { type: 'department-head' },
    mode: 'any',
    condition: { field: 'sealType', op: 'in', value: [...DEPARTMENT_HEAD_SEAL_TYPES] },
    timeLimitHours: 48,
  },
  {
    name: '校领导审批',
    approvers: { type: 'role', role: 'school-leader' },
    mode: 'any',
    condition: { field: 'sealType', op: 'in', value: [...LEADER_SEAL_TYPES] },
    timeLimitHours: 48,
  },
];

const link = (id: string) => `/administration/seal-uses/${id}`;

/**
 * Seal use (用印, ADM-5): the application with the file to be stamped, its approval, and the
 * custodian's registration of each actual use against it.
 *
 * The approved copies are held in the database: a use takes its copies with one conditional
 * UPDATE (`… WHERE status = 'approved' AND copies_used + n <= copies`), so two uses registered at
 * the same moment cannot together stamp more than was approved — the second waits for the
 * first's row lock, re-reads the row, and finds the approval spent.
 */
@Injectable()
export class SealUsesService implements OnModuleInit {
  private readonly logger = new Logger('SealUses');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
    private readonly approvalKinds: ApprovalKindRegistry,
    private readonly notifications: NotificationsService,
    private readonly seals: SealsService,
  ) {}

  onModuleInit(): void {
    this.access.register(SEAL_USE_APPLICATION, {
      table: 'seal_use_applications',
      // The applicant, the seal's custodian, and the approvers of its request (they read the file to be stamped).
      named: (o, me) =>
        `${o}.applicant_id = ${me}
         OR EXISTS (SELECT 1 FROM seals s WHERE s.id = ${o}.seal_id AND s.custodian_id = ${me})
         OR EXISTS (SELECT 1 FROM approval_tasks t WHERE t.request_id = ${o}.approval_request_id AND t.assignee_id = ${me})`,
      changers: () => 'false',
    });
    this.approvalKinds.register({
      kind: SEAL_USE_APPROVAL_KIND,
      name: '用印审批',
      nameEn: 'Seal use',
      defaultSteps: SEAL_USE_DEFAULT_STEPS,
      onOutcome: (outcome, manager) => this.onOutcome(outcome, manager),
    });
  }

  // ---------- applying ----------

  async apply(dto: ApplySealUseDto, ctx: RequestContext): Promise<SealUseApplicationDetailDto> {
    const actor = ctx.actor!;
    const id = await this.dataSource.transaction(async (manager) => {
      // Locked so that an application cannot slip in while the seal is being reported lost.
      const seal = await manager.createQueryBuilder(Seal, 's').setLock('pessimistic_read').where('s.id = :id', { id: dto.sealId }).getOne();
      if (!seal) throw badRequest('No such seal', { sealId: ['no seal has this id'] });
      if (seal.status !== 'in-use') throw sealNotInUse(seal.status);
      const application = manager.create(SealUseApplication, {
        sealId: seal.id,
        applicantId: actor.id,
        departmentId: actor.departmentId ?? null,
        documentTitle: dto.documentTitle,
        copies: dto.copies,
        copiesUsed: 0,
        reason: dto.reason,
        status: 'pending',
      });
      await manager.insert(SealUseApplication, application);
      await this.files.attach(manager, dto.attachmentIds, { type: SEAL_USE_APPLICATION, id: application.id }, ctx);
      const requestId = await this.approvals.submit(
        manager,
        {
          kind: SEAL_USE_APPROVAL_KIND,
          title: `用印申请：${SEAL_TYPE_LABELS[seal.sealType]['zh-CN']}「${seal.name}」 ${dto.documentTitle}（${dto.copies}份）`,
          subjectType: SEAL_USE_APPLICATION,
          subjectId: application.id,
          data: { sealType: seal.sealType, sealId: seal.id, sealName: seal.name, documentTitle: dto.documentTitle, copies: dto.copies },
        },
        ctx,
      );
      await manager.update(SealUseApplication, { id: application.id }, { approvalRequestId: requestId });
      await this.audit.record(manager, ctx, {
        action: 'administration.seal-use.apply',
        objectType: SEAL_USE_APPLICATION,
        objectId: application.id,
        details: { sealId: seal.id, copies: dto.copies, requestId },
      });
      return application.id;
    });
    return this.get(id, ctx);
  }

  /** The approval's final outcome: approved opens the copies for use; rejected or withdrawn closes the application. */
  private async onOutcome(outcome: ApprovalOutcome, manager: EntityManager): Promise<void> {
    if (outcome.subjectType !== SEAL_USE_APPLICATION || !outcome.subjectId) return;
    const rows: { applicant_id: string; custodian_id: string; document_title: string }[] = await manager.query(
      `UPDATE seal_use_applications a SET status = $2, decided_at = now(), version = a.version + 1, updated_at = now()
         FROM seals s WHERE a.id = $1 AND a.status = 'pending' AND s.id = a.seal_id
       RETURNING a.applicant_id, s.custodian_id, a.document_title`,
      [outcome.subjectId, outcome.status],
    );
    const [row] = returnedRows<(typeof rows)[number]>(rows);
    if (!row) return;
    if (outcome.status === 'approved') {
      await this.notifications.notify(manager, {
        recipientIds: [row.applicant_id, row.custodian_id],
        kind: 'administration.seal-use.approved',
        title: '【用印】申请已批准',
        body: `「${row.document_title}」的用印申请已批准，请持文件到印章管理员处用印。`,
        link: link(outcome.subjectId),
      });
    }
    await this.audit.record(manager, SYSTEM_CONTEXT, {
      action: 'administration.seal-use.decided',
      objectType: SEAL_USE_APPLICATION,
      objectId: outcome.subjectId,
      details: { requestId: outcome.requestId, status: outcome.status },
    });
    this.logger.log(`Seal-use application ${outcome.subjectId}: ${outcome.status}`);
  }

  // ---------- reading ----------

  private applicationsQuery(manager: EntityManager): SelectQueryBuilder<SealUseApplication> {
    return manager
      .createQueryBuilder(SealUseApplication, 'a')
      .leftJoinAndSelect('a.seal', 'seal')
      .leftJoinAndSelect('a.applicant', 'applicant')
      .leftJoinAndSelect('a.department', 'department');
  }

  async list(query: QuerySealApplicationsDto, viewer: Principal): Promise<Page<SealUseApplicationDto>> {
    const visible = this.access.visibleWhere(viewer, SEAL_USE_APPLICATION, 'a');
    const qb = this.applicationsQuery(this.dataSource.manager)
      .where(visible.sql, visible.params)
      .orderBy('a.createdAt', 'DESC')
      .addOrderBy('a.id', 'DESC');
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.sealId) qb.andWhere('a.sealId = :sealId', { sealId: query.sealId });
    if (query.q) qb.andWhere('a.documentTitle ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    return paginate(qb, query, (a) => toApplicationDto(a, viewer.id));
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<SealUseApplicationDetailDto> {
    await this.access.assertCanRead(ctx.actor!, { type: SEAL_USE_APPLICATION, id }, ctx, manager);
    const application = await this.applicationsQuery(manager).where('a.id = :id', { id }).getOne();
    if (!application) throw notFound(SEAL_USE_APPLICATION);
    const stored = await manager.find(StoredFile, {
      where: { ownerType: SEAL_USE_APPLICATION, ownerId: id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    // The file to be stamped is shown with its SHA-256: what was approved is what gets stamped.
    const files: SealFileDto[] = stored.map((f) => ({ ...toAttachmentDto(f), sha256: f.sha256 }));
    const uses = await this.usesQuery(manager).where('u.applicationId = :id', { id }).orderBy('u.usedAt', 'ASC').getMany();
    return toApplicationDetailDto(application, ctx.actor!.id, files, uses);
  }

  // ---------- registering a use (用印登记) ----------

  async registerUse(id: string, dto: RegisterSealUseDto, ctx: RequestContext): Promise<SealUseApplicationDetailDto> {
    const actor = ctx.actor!;
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(actor, { type: SEAL_USE_APPLICATION, id }, ctx, manager);
      const application = await manager.findOne(SealUseApplication, { where: { id }, relations: { seal: true } });
      if (!application) throw notFound(SEAL_USE_APPLICATION);
      const seal = application.seal!;
      if (seal.custodianId !== actor.id) throw notCustodian('Only the seal’s custodian registers its use');
      if (seal.status !== 'in-use') throw sealNotInUse(seal.status);
      await this.seals.assertUser(manager, dto.handledById, 'handledById');
      await this.seals.assertUser(manager, dto.supervisedById, 'supervisedById');
      const usedAt = dto.usedAt ? new Date(dto.usedAt) : new Date();
      if (usedAt.getTime() > Date.now() + 5 * 60_000)
        throw badRequest('A use is registered after it happened', { usedAt: ['in the future'] });

      // The approval is held here: the copies are taken only if the application is approved and has them left.
      const taken: { copies_used: number }[] = returnedRows(
        await manager.query(
          `UPDATE seal_use_applications
              SET copies_used = copies_used + $2,
                  status = CASE WHEN copies_used + $2 = copies THEN 'spent' ELSE status END,
                  version = version + 1, updated_at = now()
            WHERE id = $1 AND status = 'approved' AND copies_used + $2 <= copies
          RETURNING copies_used`,
          [id, dto.copies],
        ),
      );
      if (taken.length === 0) {
        const [now] = await manager.query(`SELECT status, copies, copies_used FROM seal_use_applications WHERE id = $1`, [id]);
        if (now.status === 'spent') throw useSpent();
        if (now.status !== 'approved') throw useNotApproved();
        throw useCopiesExceeded(now.copies - now.copies_used);
      }
      const use = manager.create(SealUse, {
        applicationId: id,
        sealId: seal.id,
        usedAt,
        copies: dto.copies,
        handledById: dto.handledById,
        supervisedById: dto.supervisedById,
        registeredById: actor.id,
        note: dto.note || null,
      });
      await manager.insert(SealUse, use);
      await this.audit.record(manager, ctx, {
        action: 'administration.seal-use.register',
        objectType: SEAL_USE_APPLICATION,
        objectId: id,
        details: { useId: use.id, sealId: seal.id, copies: dto.copies, copiesUsed: taken[0].copies_used },
      });
      return this.get(id, ctx, manager);
    });
  }

  // ---------- the register (用印登记簿) ----------

  private usesQuery(manager: EntityManager): SelectQueryBuilder<SealUse> {
    return manager
      .createQueryBuilder(SealUse, 'u')
      .leftJoinAndSelect('u.seal', 'seal')
      .leftJoinAndSelect('u.application', 'application')
      .leftJoinAndSelect('application.applicant', 'applicant')
      .leftJoinAndSelect('application.department', 'department')
      .leftJoinAndSelect('u.handledBy', 'handledBy')
      .leftJoinAndSelect('u.supervisedBy', 'supervisedBy')
      .leftJoinAndSelect('u.registeredBy', 'registeredBy');
  }

  private registerQuery(query: QuerySealUsesDto): SelectQueryBuilder<SealUse> {
    const qb = this.usesQuery(this.dataSource.manager).orderBy('u.usedAt', 'DESC').addOrderBy('u.id', 'DESC');
    if (query.sealId) qb.andWhere('u.sealId = :sealId', { sealId: query.sealId });
    // School dates: the register is kept in the school's time zone.
    const tz = { tz: this.config.schoolTimeZone };
    if (query.from) qb.andWhere(`(u.usedAt AT TIME ZONE :tz)::date >= :from`, { ...tz, from: query.from });
    if (query.to) qb.andWhere(`(u.usedAt AT TIME ZONE :tz)::date <= :to`, { ...tz, to: query.to });
    if (query.q) qb.andWhere('application.documentTitle ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    return qb;
  }

  async register(query: QuerySealUsesDto): Promise<Page<SealUseDto>> {
    return paginate(this.registerQuery(query), query, toUseDto);
  }

  registerRows(query: QuerySealUsesDto): RowSource<SealUseDto> {
    return rowSource(this.registerQuery(query), (rows) => rows.map(toUseDto));
  }
}
