import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CLASSIFIED_LENDING_APPROVAL_KIND,
  LOAN_ACTIONS,
  MAX_LOAN_DAYS,
  PERMISSIONS,
  SECRECY_LABELS,
  addDays,
  clearanceCovers,
  isClassified,
  schoolDateOf,
  schoolTimeToInstant,
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
import { badRequest, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import { SYSTEM_CONTEXT, type RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NotificationsService } from '../../../platform/notifications/notifications.service';
import { User } from '../../../platform/org/user.entity';
import { TrainingRecordsService } from '../../assessment/training/training-records.service';
import { LendableKindRegistry } from './lendable-kinds';
import type { ApplyLoanDto, LendableKindDto, LoanDto, QueryLoansDto, ReturnLoanDto } from './lending.dto';
import { aboveClearance, notClassified, notOnLoan, trainingRequired } from './lending.errors';
import { ClassifiedLoan } from './loan.entity';
import { toRefOrDash } from '../../../platform/org/refs';

/** The resource type of loans (visibility in libs/shared), and source type of their inbox items. */
export const CLASSIFIED_LOAN = 'classified-loan';
/** Daily: alerts for loans past their due date (ADM-10). */
export const LOAN_OVERDUE_JOB = 'classified-loan-overdue-alerts';

/** The default chain of `classified-lending`: a school leader decides. Admins edit it. */
export const CLASSIFIED_LENDING_DEFAULT_STEPS: ApprovalStep[] = [
  { name: '校领导审批', approvers: { type: 'role', role: 'school-leader' }, mode: 'any', timeLimitHours: 48 },
];

const link = (id: string) => `/administration/lending?loan=${id}`;

/**
 * Classified lending (涉密载体外借, ADM-10). The office registers a loan application for a
 * borrower; it is refused unless the borrower's clearance covers the item and they attended a
 * confidentiality training this quarter (ASM-6). A leader approves it (`classified-lending`); the
 * approval lends the item: the borrower gets a `loan` grant on it until the end of the due date,
 * so the item's own routes let them read it and watermark its files with their name. A return
 * ends the grant; a daily job alerts borrower and office about overdue loans, once a day each.
 */
@Injectable()
export class LendingService implements OnModuleInit {
  private readonly logger = new Logger('Lending');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
    private readonly approvalKinds: ApprovalKindRegistry,
    private readonly notifications: NotificationsService,
    private readonly inbox: InboxService,
    private readonly jobs: JobsService,
    private readonly kinds: LendableKindRegistry,
    private readonly training: TrainingRecordsService,
  ) {}

  onModuleInit(): void {
    this.access.register(CLASSIFIED_LOAN, {
      table: 'classified_loans',
      named: (o, me) =>
        `${o}.borrower_id = ${me} OR ${o}.applicant_id = ${me}
         OR EXISTS (SELECT 1 FROM approval_tasks t WHERE t.request_id = ${o}.approval_request_id AND t.assignee_id = ${me})`,
      changers: () => 'false',
    });
    this.approvalKinds.register({
      kind: CLASSIFIED_LENDING_APPROVAL_KIND,
      name: '涉密载体外借审批',
      nameEn: 'Classified lending',
      defaultSteps: CLASSIFIED_LENDING_DEFAULT_STEPS,
      onOutcome: (outcome, manager) => this.onOutcome(outcome, manager),
    });
    this.jobs.register({
      name: LOAN_OVERDUE_JOB,
      cron: '0 9 * * *',
      handler: async () => {
        await this.sendOverdueAlerts();
      },
    });
  }

  private today(): string {
    return schoolDateOf(new Date(), this.config.schoolTimeZone);
  }

  /** The grant ends with the due date (the end of that school day). */
  private grantExpiry(dueOn: string): Date {
    return schoolTimeToInstant(addDays(dueOn, 1), '00:00:00', this.config.schoolTimeZone);
  }

  listKinds(): LendableKindDto[] {
    return this.kinds.all().map((k) => ({ kind: k.kind, label: k.label['zh-CN'], labelEn: k.label.en }));
  }

  // ---------- applying ----------

  async apply(dto: ApplyLoanDto, ctx: RequestContext): Promise<LoanDto> {
    const actor = ctx.actor!;
    const kind = this.kinds.get(dto.itemKind);
    if (!kind) throw badRequest('Unknown kind of item', { itemKind: ['not a lendable kind'] });
    const today = this.today();
    if (dto.dueOn <= today) throw badRequest('The due date is after today', { dueOn: ['after today'] });
    if (dto.dueOn > addDays(today, MAX_LOAN_DAYS))
      throw badRequest(`A loan lasts at most ${MAX_LOAN_DAYS} days`, { dueOn: [`within ${MAX_LOAN_DAYS} days`] });

    const refusal = async (reason: string) =>
      this.audit.recordSecurityEvent(ctx, {
        action: 'administration.lending.refused',
        objectType: kind.resourceType,
        objectId: dto.itemId,
        details: { borrowerId: dto.borrowerId, reason },
      });

    const id = await this.dataSource.transaction(async (manager) => {
      // The applicant must see the item themself: an id they cannot see is answered as if it did not exist.
      const item = await kind.describe(manager, dto.itemId);
      if (!item || !(await this.access.canRead(actor, { type: kind.resourceType, id: dto.itemId }, manager)))
        throw badRequest('No such item', { itemId: ['no item of this kind has this id'] });
      if (!isClassified(item.secrecy)) throw notClassified();
      const borrower = await manager.findOneBy(User, { id: dto.borrowerId, active: true });
      if (!borrower) throw badRequest('No such person', { borrowerId: ['no active account has this id'] });
      if (!clearanceCovers(borrower.clearance, item.secrecy)) {
        await refusal('clearance');
        throw aboveClearance();
      }
      // The ASM-6 gate: asked of the training records themselves, never assumed.
      if (!(await this.training.hadConfidentialityTrainingThisQuarter(borrower.id, new Date(), manager))) {
        await refusal('training');
        throw trainingRequired();
      }
      const loan = manager.create(ClassifiedLoan, {
        itemKind: kind.kind,
        itemId: dto.itemId,
        itemTitle: item.title.slice(0, 400),
        itemSecrecy: item.secrecy,
        borrowerId: borrower.id,
        applicantId: actor.id,
        purpose: dto.purpose,
        dueOn: dto.dueOn,
        status: 'pending',
      });
      await manager.insert(ClassifiedLoan, loan);
      const requestId = await this.approvals.submit(
        manager,
        {
          kind: CLASSIFIED_LENDING_APPROVAL_KIND,
          title: `涉密载体外借：${borrower.name} 借阅「${item.title}」（${SECRECY_LABELS[item.secrecy]['zh-CN']}），${dto.dueOn}前归还`,
          subjectType: CLASSIFIED_LOAN,
          subjectId: loan.id,
          data: { itemKind: kind.kind, itemId: dto.itemId, borrowerId: borrower.id, secrecy: item.secrecy, dueOn: dto.dueOn },
        },
        ctx,
      );
      await manager.update(ClassifiedLoan, { id: loan.id }, { approvalRequestId: requestId });
      await this.audit.record(manager, ctx, {
        action: 'administration.lending.apply',
        objectType: CLASSIFIED_LOAN,
        objectId: loan.id,
        details: { itemKind: kind.kind, itemId: dto.itemId, borrowerId: borrower.id, dueOn: dto.dueOn, requestId },
      });
      return loan.id;
    });
    return this.get(id, ctx);
  }

  /** The approval's outcome: approved lends the item (grant + register); rejected or withdrawn closes the application. */
  private async onOutcome(outcome: ApprovalOutcome, manager: EntityManager): Promise<void> {
    if (outcome.subjectType !== CLASSIFIED_LOAN || !outcome.subjectId) return;
    const lending = outcome.status === 'approved';
    const [loan] = returnedRows<{
      item_kind: string;
      item_id: string;
      item_title: string;
      borrower_id: string;
      applicant_id: string;
      due_on: string;
    }>(
      await manager.query(
        `UPDATE classified_loans SET status = $2, lent_at = CASE WHEN $3 THEN now() ELSE NULL END,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND status = 'pending'
        RETURNING item_kind, item_id, item_title, borrower_id, applicant_id, to_char(due_on, 'YYYY-MM-DD') AS due_on`,
        [outcome.subjectId, lending ? 'on-loan' : outcome.status, lending],
      ),
    );
    if (!loan) return;
    if (lending) {
      const kind = this.kinds.get(loan.item_kind);
      if (!kind) throw new Error(`Lendable kind ${loan.item_kind} is not registered; the loan cannot be granted`);
      await this.access.grant(
        manager,
        {
          objectType: kind.resourceType,
          objectId: loan.item_id,
          userId: loan.borrower_id,
          reason: 'loan',
          expiresAt: this.grantExpiry(loan.due_on),
        },
        SYSTEM_CONTEXT,
      );
    }
    await this.notifications.notify(manager, {
      recipientIds: [...new Set([loan.borrower_id, loan.applicant_id])],
      kind: lending ? 'administration.lending.approved' : 'administration.lending.declined',
      title: lending ? '【涉密载体外借】已批准' : '【涉密载体外借】未批准',
      body: lending
        ? `「${loan.item_title}」的借阅已批准，请于${loan.due_on}前归还；电子件下载时带有借阅人水印。`
        : `「${loan.item_title}」的借阅申请未获批准。`,
      link: link(outcome.subjectId),
    });
    await this.audit.record(manager, SYSTEM_CONTEXT, {
      action: lending ? 'administration.lending.lent' : 'administration.lending.decided',
      objectType: CLASSIFIED_LOAN,
      objectId: outcome.subjectId,
      details: { requestId: outcome.requestId, status: outcome.status, borrowerId: loan.borrower_id, dueOn: loan.due_on },
    });
    this.logger.log(`Loan ${outcome.subjectId}: ${outcome.status}`);
  }

  // ---------- return (归还) ----------

  async returnLoan(id: string, dto: ReturnLoanDto, ctx: RequestContext): Promise<LoanDto> {
    const actor = ctx.actor!;
    await this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(actor, { type: CLASSIFIED_LOAN, id }, ctx, manager);
      const [loan] = returnedRows<{ item_kind: string; item_id: string; borrower_id: string }>(
        await manager.query(
          `UPDATE classified_loans SET status = 'returned', returned_at = now(), returned_to = $2, return_note = $3,
                  version = version + 1, updated_at = now()
            WHERE id = $1 AND status = 'on-loan'
          RETURNING item_kind, item_id, borrower_id`,
          [id, actor.id, dto.note || null],
        ),
      );
      if (!loan) throw notOnLoan();
      // The grant is shared by the borrower's loans of the same item: it ends with the last of them.
      const [other] = await manager.query(
        `SELECT 1 FROM classified_loans WHERE item_kind = $1 AND item_id = $2 AND borrower_id = $3 AND status = 'on-loan' LIMIT 1`,
        [loan.item_kind, loan.item_id, loan.borrower_id],
      );
      const kind = this.kinds.get(loan.item_kind);
      if (kind && !other) await this.access.revoke(manager, { type: kind.resourceType, id: loan.item_id }, loan.borrower_id, ctx, 'loan');
      await this.inbox.close(manager, { sourceType: CLASSIFIED_LOAN, sourceId: id });
      await this.audit.record(manager, ctx, {
        action: 'administration.lending.return',
        objectType: CLASSIFIED_LOAN,
        objectId: id,
        details: { borrowerId: loan.borrower_id, note: dto.note ?? null },
      });
    });
    return this.get(id, ctx);
  }

  // ---------- overdue alerts (逾期提醒) ----------

  /**
   * The daily job: each loan past its due date alerts its borrower and the office person who
   * registered it (a notification and an inbox item), once per loan per school day. `today` is for tests.
   */
  async sendOverdueAlerts(today: string = this.today()): Promise<{ alerted: number }> {
    return this.dataSource.transaction(async (manager) => {
      const due: { id: string; item_title: string; borrower_id: string; applicant_id: string; due_on: string; name: string }[] =
        await manager.query(
          `SELECT l.id, l.item_title, l.borrower_id, l.applicant_id, to_char(l.due_on, 'YYYY-MM-DD') AS due_on, u.name
             FROM classified_loans l JOIN users u ON u.id = l.borrower_id
            WHERE l.status = 'on-loan' AND l.due_on < $1::date
              AND (l.alerted_overdue_on IS NULL OR l.alerted_overdue_on < $1::date)
            FOR UPDATE OF l SKIP LOCKED`,
          [today],
        );
      for (const loan of due) {
        const title = `【逾期未还】${loan.name} 借阅的「${loan.item_title}」`;
        const recipients = [...new Set([loan.borrower_id, loan.applicant_id])];
        await this.notifications.notify(manager, {
          recipientIds: recipients,
          kind: 'administration.lending.overdue',
          title,
          body: `归还期限为${loan.due_on}，已逾期，请立即归还涉密载体。`,
          link: link(loan.id),
          mandatory: true,
        });
        for (const assigneeId of recipients) {
          await this.inbox.open(manager, {
            assigneeId,
            sourceType: CLASSIFIED_LOAN,
            sourceId: loan.id,
            title,
            link: link(loan.id),
            urgency: 1,
          });
        }
      }
      if (due.length) {
        await manager.query('UPDATE classified_loans SET alerted_overdue_on = $2 WHERE id = ANY($1::uuid[])', [
          due.map((l) => l.id),
          today,
        ]);
      }
      await this.audit.record(manager, SYSTEM_CONTEXT, {
        action: 'administration.lending.overdue-alerts',
        objectType: CLASSIFIED_LOAN,
        details: { alerted: due.length, today },
      });
      return { alerted: due.length };
    });
  }

  // ---------- reading: the register (借阅登记簿) ----------

  private baseQuery(manager: EntityManager): SelectQueryBuilder<ClassifiedLoan> {
    return manager
      .createQueryBuilder(ClassifiedLoan, 'l')
      .leftJoinAndSelect('l.borrower', 'borrower')
      .leftJoinAndSelect('l.applicant', 'applicant')
      .leftJoinAndSelect('l.returnedTo', 'returnedTo');
  }

  private listQuery(query: QueryLoansDto, viewer: Principal): SelectQueryBuilder<ClassifiedLoan> {
    const visible = this.access.visibleWhere(viewer, CLASSIFIED_LOAN, 'l');
    const qb = this.baseQuery(this.dataSource.manager)
      .where(visible.sql, visible.params)
      .orderBy('l.createdAt', 'DESC')
      .addOrderBy('l.id', 'DESC');
    if (query.status) qb.andWhere('l.status = :status', { status: query.status });
    if (query.borrowerId) qb.andWhere('l.borrowerId = :borrowerId', { borrowerId: query.borrowerId });
    if (query.overdue) qb.andWhere(`l.status = 'on-loan' AND l.dueOn < :today`, { today: this.today() });
    if (query.q) qb.andWhere('l.itemTitle ILIKE :q', { q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%` });
    return qb;
  }

  async list(query: QueryLoansDto, viewer: Principal): Promise<Page<LoanDto>> {
    const today = this.today();
    return paginate(this.listQuery(query, viewer), query, (l) => this.toDto(l, viewer, today));
  }

  listRows(query: QueryLoansDto, viewer: Principal): RowSource<LoanDto> {
    const today = this.today();
    return rowSource(this.listQuery(query, viewer), (rows) => rows.map((l) => this.toDto(l, viewer, today)));
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<LoanDto> {
    await this.access.assertCanRead(ctx.actor!, { type: CLASSIFIED_LOAN, id }, ctx, manager);
    const loan = await this.baseQuery(manager).where('l.id = :id', { id }).getOne();
    if (!loan) throw notFound(CLASSIFIED_LOAN);
    return this.toDto(loan, ctx.actor!, this.today());
  }

  private toDto(l: ClassifiedLoan, viewer: Pick<Principal, 'permissions'>, today: string): LoanDto {
    const mayManage = viewer.permissions.has(PERMISSIONS.ADMIN_LENDING_MANAGE);
    return {
      id: l.id,
      itemKind: l.itemKind,
      itemId: l.itemId,
      itemTitle: l.itemTitle,
      itemSecrecy: l.itemSecrecy,
      borrower: toRefOrDash(l.borrower),
      applicant: toRefOrDash(l.applicant),
      purpose: l.purpose,
      dueOn: l.dueOn,
      status: l.status,
      overdue: l.status === 'on-loan' && l.dueOn < today,
      approvalRequestId: l.approvalRequestId,
      lentAt: l.lentAt?.toISOString() ?? null,
      returnedAt: l.returnedAt?.toISOString() ?? null,
      returnedTo: l.returnedTo ? toRefOrDash(l.returnedTo) : null,
      returnNote: l.returnNote,
      actions: mayManage ? [...LOAN_ACTIONS[l.status]] : [],
      createdAt: l.createdAt.toISOString(),
      version: l.version,
    };
  }
}
