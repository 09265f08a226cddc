import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isWorkMatterClosed, schoolDateOf, type WorkMatterStatus } from '@xiaoban/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { rowSource, type RowSource } from '../../../platform/excel/row-source';
import { badRequest, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import type { RefDto } from '../../../platform/org/org.dto';
import { matterClosed } from '../administration.errors';
import type {
  CreateWorkMatterDto,
  FollowUpWorkMatterDto,
  QueryWorkMattersDto,
  UpdateWorkMatterDto,
  WorkMatterDetailDto,
  WorkMatterDto,
} from './ledger.dto';
import { WorkMatter, WorkMatterDepartment, WorkMatterFollowUp } from './ledger.entities';
import { toRefOrDash } from '../../../platform/org/refs';

/** The resource type of the ledger's matters. */
export const WORK_MATTER = 'work-matter';
/** Daily: reminders of open matters past their deadline (ADM-3). */
export const WORK_LEDGER_REMINDER_JOB = 'work-ledger-overdue-reminders';

const link = (id: string) => `/administration/ledger/${id}`;

/**
 * The work ledger (工作台账, ADM-3): important matters with an owner, the departments involved, a
 * deadline and a status; a follow-up log per matter; a daily reminder for the overdue ones.
 */
@Injectable()
export class LedgerService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.access.register(WORK_MATTER, {
      table: 'work_matters',
      named: (o, me) => `${o}.owner_id = ${me} OR ${o}.created_by = ${me}`,
    });
    this.jobs.register({
      name: WORK_LEDGER_REMINDER_JOB,
      cron: '30 8 * * *',
      handler: async () => {
        await this.sendOverdueReminders();
      },
    });
  }

  private today(): string {
    return schoolDateOf(new Date(), this.config.schoolTimeZone);
  }

  async create(dto: CreateWorkMatterDto, ctx: RequestContext): Promise<WorkMatterDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      await this.assertOwner(manager, dto.ownerId);
      const matter = manager.create(WorkMatter, {
        title: dto.title,
        description: dto.description || null,
        ownerId: dto.ownerId,
        dueOn: dto.dueOn,
        status: 'open',
        createdById: ctx.actor!.id,
      });
      await manager.insert(WorkMatter, matter);
      await this.setDepartments(manager, matter.id, dto.departmentIds ?? []);
      if (dto.ownerId !== ctx.actor!.id) {
        await this.notifications.notify(manager, {
          recipientIds: [dto.ownerId],
          kind: 'administration.ledger.assigned',
          title: `【工作台账】${dto.title}`,
          body: `您是该事项的责任人，完成时限 ${dto.dueOn}。`,
          link: link(matter.id),
        });
      }
      await this.audit.record(manager, ctx, {
        action: 'administration.ledger.create',
        objectType: WORK_MATTER,
        objectId: matter.id,
        details: { ownerId: dto.ownerId, dueOn: dto.dueOn, departmentIds: dto.departmentIds ?? [] },
      });
      return matter.id;
    });
    return this.get(id, ctx);
  }

  private query(manager: EntityManager): SelectQueryBuilder<WorkMatter> {
    return manager.createQueryBuilder(WorkMatter, 'm').leftJoinAndSelect('m.owner', 'owner').leftJoinAndSelect('m.createdBy', 'createdBy');
  }

  private listQuery(query: QueryWorkMattersDto, viewer: Principal): SelectQueryBuilder<WorkMatter> {
    const visible = this.access.visibleWhere(viewer, WORK_MATTER, 'm');
    const qb = this.query(this.dataSource.manager).where(visible.sql, visible.params).orderBy('m.dueOn', 'ASC').addOrderBy('m.id', 'ASC');
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (query.ownerId) qb.andWhere('m.ownerId = :ownerId', { ownerId: query.ownerId });
    if (query.overdue) qb.andWhere(`m.status IN ('open', 'in-progress') AND m.dueOn < :today`, { today: this.today() });
    if (query.q) qb.andWhere('m.title ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    return qb;
  }

  async list(query: QueryWorkMattersDto, viewer: Principal): Promise<Page<WorkMatterDto>> {
    const today = this.today();
    const page = await paginate(this.listQuery(query, viewer), query, (m) => this.toDto(m, [], today));
    const departments = await this.departmentsOf(
      this.dataSource.manager,
      page.items.map((m) => m.id),
    );
    for (const item of page.items) item.departments = departments.get(item.id) ?? [];
    return page;
  }

  exportRows(query: QueryWorkMattersDto, viewer: Principal): RowSource<WorkMatterDto> {
    const today = this.today();
    return rowSource(this.listQuery(query, viewer), async (rows) => {
      const departments = await this.departmentsOf(
        this.dataSource.manager,
        rows.map((m) => m.id),
      );
      return rows.map((m) => this.toDto(m, departments.get(m.id) ?? [], today));
    });
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<WorkMatterDetailDto> {
    await this.access.assertCanRead(ctx.actor!, { type: WORK_MATTER, id }, ctx, manager);
    const matter = await this.query(manager).where('m.id = :id', { id }).getOne();
    if (!matter) throw notFound(WORK_MATTER);
    const followUps = await manager.find(WorkMatterFollowUp, {
      where: { matterId: id },
      relations: { recordedBy: true },
      order: { recordedAt: 'ASC', id: 'ASC' },
    });
    const departments = (await this.departmentsOf(manager, [id])).get(id) ?? [];
    return {
      ...this.toDto(matter, departments, this.today()),
      followUps: followUps.map((f) => ({
        id: f.id,
        note: f.note,
        statusTo: f.statusTo,
        recordedBy: toRefOrDash(f.recordedBy),
        recordedAt: f.recordedAt.toISOString(),
      })),
    };
  }

  async update(id: string, dto: UpdateWorkMatterDto, ctx: RequestContext): Promise<WorkMatterDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: WORK_MATTER, id }, ctx, manager);
      if (dto.ownerId) await this.assertOwner(manager, dto.ownerId);
      const changes: Record<string, unknown> = {};
      for (const key of ['title', 'description', 'ownerId', 'dueOn'] as const) if (dto[key] !== undefined) changes[key] = dto[key];
      // A new deadline starts the overdue reminders afresh.
      if (dto.dueOn) changes.remindedOverdueOn = null;
      await updateVersioned(manager, WorkMatter, id, dto.version, changes, WORK_MATTER);
      if (dto.departmentIds) await this.setDepartments(manager, id, dto.departmentIds);
      await this.audit.record(manager, ctx, {
        action: 'administration.ledger.update',
        objectType: WORK_MATTER,
        objectId: id,
        details: { ...changes, departmentIds: dto.departmentIds },
      });
      return this.get(id, ctx, manager);
    });
  }

  /** A follow-up (跟进) by the owner or a keeper of the ledger; it may move the status (推进中, 办结, 撤销). */
  async followUp(id: string, dto: FollowUpWorkMatterDto, ctx: RequestContext): Promise<WorkMatterDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: WORK_MATTER, id }, ctx, manager);
      const matter = await manager.createQueryBuilder(WorkMatter, 'm').setLock('pessimistic_write').where('m.id = :id', { id }).getOne();
      if (!matter) throw notFound(WORK_MATTER);
      if (isWorkMatterClosed(matter.status)) throw matterClosed();
      const statusTo: WorkMatterStatus | null = dto.status && dto.status !== matter.status ? dto.status : null;
      await manager.insert(WorkMatterFollowUp, { matterId: id, note: dto.note, statusTo, recordedById: ctx.actor!.id });
      if (statusTo) {
        await manager.query(
          `UPDATE work_matters SET status = $2::varchar, closed_at = CASE WHEN $2::varchar IN ('done', 'cancelled') THEN now() ELSE NULL END,
                  version = version + 1, updated_at = now() WHERE id = $1`,
          [id, statusTo],
        );
      }
      await this.audit.record(manager, ctx, {
        action: 'administration.ledger.follow-up',
        objectType: WORK_MATTER,
        objectId: id,
        details: { from: matter.status, to: statusTo ?? matter.status },
      });
      return this.get(id, ctx, manager);
    });
  }

  /**
   * The daily reminder (ADM-3): each open matter past its deadline reminds its owner once a day.
   * `today` is for tests. Returns how many matters were reminded.
   */
  async sendOverdueReminders(today: string = this.today()): Promise<{ reminded: number }> {
    return this.dataSource.transaction(async (manager) => {
      const due: { id: string; title: string; owner_id: string; due_on: string }[] = await manager.query(
        `SELECT id, title, owner_id, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM work_matters
          WHERE status IN ('open', 'in-progress') AND due_on < $1::date
            AND (reminded_overdue_on IS NULL OR reminded_overdue_on < $1::date)
          FOR UPDATE SKIP LOCKED`,
        [today],
      );
      for (const m of due) {
        await this.notifications.notify(manager, {
          recipientIds: [m.owner_id],
          kind: 'administration.ledger.overdue',
          title: `【逾期提醒】${m.title}`,
          body: `工作台账事项「${m.title}」的完成时限为${m.due_on}，已逾期，请尽快推进并登记跟进情况。`,
          link: link(m.id),
        });
      }
      if (due.length) {
        await manager.query('UPDATE work_matters SET reminded_overdue_on = $2 WHERE id = ANY($1::uuid[])', [due.map((m) => m.id), today]);
      }
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'administration.ledger.overdue-reminders',
        objectType: WORK_MATTER,
        details: { reminded: due.length, today },
      });
      return { reminded: due.length };
    });
  }

  // ---------- helpers ----------

  private toDto(m: WorkMatter, departments: RefDto[], today: string): WorkMatterDto {
    return {
      id: m.id,
      title: m.title,
      description: m.description,
      owner: toRefOrDash(m.owner),
      departments,
      dueOn: m.dueOn,
      status: m.status,
      overdue: !isWorkMatterClosed(m.status) && m.dueOn < today,
      closedAt: m.closedAt?.toISOString() ?? null,
      createdBy: toRefOrDash(m.createdBy),
      createdAt: m.createdAt.toISOString(),
      version: m.version,
    };
  }

  private async departmentsOf(manager: EntityManager, matterIds: string[]): Promise<Map<string, RefDto[]>> {
    const result = new Map<string, RefDto[]>();
    if (matterIds.length === 0) return result;
    const rows: { matter_id: string; id: string; name: string }[] = await manager.query(
      `SELECT md.matter_id, d.id, d.name FROM work_matter_departments md JOIN departments d ON d.id = md.department_id
        WHERE md.matter_id = ANY($1::uuid[]) ORDER BY d.name`,
      [matterIds],
    );
    for (const r of rows) result.set(r.matter_id, [...(result.get(r.matter_id) ?? []), { id: r.id, name: r.name }]);
    return result;
  }

  private async setDepartments(manager: EntityManager, matterId: string, departmentIds: string[]): Promise<void> {
    const ids = [...new Set(departmentIds)];
    if (ids.length) {
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM departments WHERE id = ANY($1::uuid[])', [ids]);
      if (n !== ids.length) throw badRequest('No such department', { departmentIds: ['one or more departments do not exist'] });
    }
    await manager.delete(WorkMatterDepartment, { matterId });
    if (ids.length)
      await manager.insert(
        WorkMatterDepartment,
        ids.map((departmentId) => ({ matterId, departmentId })),
      );
  }

  private async assertOwner(manager: EntityManager, userId: string): Promise<void> {
    const [row] = await manager.query('SELECT 1 FROM users WHERE id = $1 AND active', [userId]);
    if (!row) throw badRequest('No such person', { ownerId: ['no active account has this id'] });
  }
}
