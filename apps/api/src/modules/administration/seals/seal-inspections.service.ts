import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { schoolDateOf } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { FilesService } from '../../../platform/files/files.service';
import { notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { inspectionDone, notCustodian } from '../administration.errors';
import type { QuerySealInspectionsDto, RecordSealInspectionDto, SealInspectionDto } from './seal-inspections.dto';
import { SealInspection } from './seal.entities';
import { toInspectionDto } from './seals.mapper';
import { SealsService } from './seals.service';

/** The resource type of inspections (and owner type of their photos). */
export const SEAL_INSPECTION = 'seal-inspection';
/** Monthly, on the 1st: an inspection for each seal still kept (ADM-6). */
export const SEAL_INSPECTION_JOB = 'seal-inspections-monthly';

/**
 * Seal inspections (印章检查, ADM-6): each month every custodian checks each seal in their
 * custody and records a result with a photo; damage or loss found is reported at once.
 */
@Injectable()
export class SealInspectionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    private readonly seals: SealsService,
  ) {}

  onModuleInit(): void {
    this.access.register(SEAL_INSPECTION, {
      table: 'seal_inspections',
      named: (o, me) => `${o}.custodian_id = ${me}`,
    });
    this.jobs.register({
      name: SEAL_INSPECTION_JOB,
      cron: '0 7 1 * *',
      handler: async () => {
        await this.openMonthly();
      },
    });
  }

  /**
   * Opens the month's inspection for every seal in use or suspended (a lost or destroyed seal has
   * nothing to inspect), with its current custodian; tells each custodian. Idempotent per month.
   */
  async openMonthly(period = schoolDateOf(new Date(), this.config.schoolTimeZone).slice(0, 7), ctx: RequestContext = SYSTEM_CONTEXT) {
    return this.dataSource.transaction(async (manager) => {
      const opened = returnedRows<{ id: string; custodian_id: string }>(
        await manager.query(
          `INSERT INTO seal_inspections (seal_id, period, custodian_id)
           SELECT id, $1, custodian_id FROM seals WHERE status IN ('in-use', 'suspended')
           ON CONFLICT (seal_id, period) DO NOTHING
           RETURNING id, custodian_id`,
          [period],
        ),
      );
      const custodians = [...new Set(opened.map((o) => o.custodian_id))];
      for (const custodian of custodians) {
        const count = opened.filter((o) => o.custodian_id === custodian).length;
        await this.notifications.notify(manager, {
          recipientIds: [custodian],
          kind: 'administration.seal.inspection',
          title: `【印章检查】${period}`,
          body: `本月有${count}枚印章待检查，请拍照并登记检查结果。`,
          link: '/administration/seal-inspections',
        });
      }
      await this.audit.record(manager, ctx, {
        action: 'administration.seal.inspections-open',
        objectType: SEAL_INSPECTION,
        details: { period, opened: opened.length },
      });
      return { period, opened: opened.length };
    });
  }

  async list(query: QuerySealInspectionsDto, viewer: Principal): Promise<Page<SealInspectionDto>> {
    const visible = this.access.visibleWhere(viewer, SEAL_INSPECTION, 'i');
    const qb = this.dataSource.manager
      .createQueryBuilder(SealInspection, 'i')
      .leftJoinAndSelect('i.seal', 'seal')
      .leftJoinAndSelect('i.custodian', 'custodian')
      .leftJoinAndSelect('i.inspectedBy', 'inspectedBy')
      .where(visible.sql, visible.params)
      .orderBy('i.period', 'DESC')
      .addOrderBy('seal.name', 'ASC')
      .addOrderBy('i.id', 'ASC');
    if (query.period) qb.andWhere('i.period = :period', { period: query.period });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    const page = await paginate(qb, query, (i) => toInspectionDto(i, []));
    const photos = await this.files.attachmentsOf(
      this.dataSource.manager,
      SEAL_INSPECTION,
      page.items.map((i) => i.id),
    );
    for (const item of page.items) item.photos = photos.get(item.id) ?? [];
    return page;
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<SealInspectionDto> {
    await this.access.assertCanRead(ctx.actor!, { type: SEAL_INSPECTION, id }, ctx, manager);
    const inspection = await manager.findOne(SealInspection, {
      where: { id },
      relations: { seal: true, custodian: true, inspectedBy: true },
    });
    if (!inspection) throw notFound(SEAL_INSPECTION);
    return toInspectionDto(inspection, (await this.files.attachmentsOf(manager, SEAL_INSPECTION, [id])).get(id) ?? []);
  }

  /** The custodian records the result and photo; damage or loss is reported on the seal at once. */
  async record(id: string, dto: RecordSealInspectionDto, ctx: RequestContext): Promise<SealInspectionDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: SEAL_INSPECTION, id }, ctx, manager);
      const found = await manager.findOne(SealInspection, { where: { id } });
      if (!found) throw notFound(SEAL_INSPECTION);
      // The seal first, then the inspection: the order every seal change takes, so no deadlock.
      const seal = await this.seals.lockSeal(manager, found.sealId);
      const inspection = await manager
        .createQueryBuilder(SealInspection, 'i')
        .setLock('pessimistic_write')
        .where('i.id = :id', { id })
        .getOneOrFail();
      if (inspection.custodianId !== ctx.actor!.id) throw notCustodian('Only the custodian records the inspection');
      if (inspection.status !== 'open') throw inspectionDone();
      await manager.update(
        SealInspection,
        { id },
        { status: 'done', result: dto.result, note: dto.note || null, inspectedAt: new Date(), inspectedById: ctx.actor!.id },
      );
      await this.files.attach(manager, dto.photoIds ?? [], { type: SEAL_INSPECTION, id }, ctx, 'photoIds');
      await this.audit.record(manager, ctx, {
        action: 'administration.seal.inspection-record',
        objectType: SEAL_INSPECTION,
        objectId: id,
        details: { sealId: seal.id, result: dto.result },
      });
      if (dto.result !== 'normal') await this.seals.reportIncident(manager, seal, dto.result, dto.note ?? '', ctx);
      return this.get(id, ctx, manager);
    });
  }
}
