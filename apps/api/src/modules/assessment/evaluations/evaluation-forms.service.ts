import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EVALUATION_ERRORS, addDays, schoolTimeToInstant, scoreProblems, type IsoDate } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { TrainingRecordsService } from '../training/training-records.service';
import { EVALUATION_FORM } from './evaluation-cycles.service';
import { EvaluationForm } from './evaluation.entities';
import type { EvaluationFormDetailDto, EvaluationFormDto, EvidenceDto, QueryMyFormsDto, SubmitEvaluationFormDto } from './evaluations.dto';

/**
 * The forms of evaluations (ASM-2) as their evaluators fill them. A form is visible to its
 * evaluator only: nobody, not even the office, reads someone else's form by id, so a peer's
 * identity never reaches the person evaluated.
 */
@Injectable()
export class EvaluationFormsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
    private readonly training: TrainingRecordsService,
  ) {}

  onModuleInit(): void {
    this.access.register(EVALUATION_FORM, { table: 'evaluation_forms', named: (o, me) => `${o}.evaluator_id = ${me}` });
  }

  private query(manager: EntityManager) {
    return manager
      .createQueryBuilder(EvaluationForm, 'f')
      .innerJoinAndSelect('f.cycle', 'cycle')
      .innerJoinAndSelect('f.participant', 'participant')
      .innerJoinAndSelect('participant.person', 'person');
  }

  /** The forms I am to fill (or filled): pending first, then the newest. Drafts' forms do not exist yet. */
  async mine(query: QueryMyFormsDto, ctx: RequestContext): Promise<EvaluationFormDto[]> {
    const visible = this.access.visibleWhere(ctx.actor!, EVALUATION_FORM, 'f');
    const qb = this.query(this.dataSource.manager)
      .where(visible.sql, visible.params)
      // Pending first ('pending' sorts after 'expired' and before 'submitted', so order by "is pending").
      .addSelect(`f.status = 'pending'`, 'is_pending')
      .orderBy('is_pending', 'DESC')
      .addOrderBy('cycle.period_start', 'DESC')
      .addOrderBy('person.name', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .limit(500);
    if (query.status) qb.andWhere('f.status = :status', { status: query.status });
    return (await qb.getMany()).map((f) => this.toDto(f));
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<EvaluationFormDetailDto> {
    await this.access.assertCanRead(ctx.actor!, { type: EVALUATION_FORM, id }, ctx, manager);
    const form = await this.query(manager).where('f.id = :id', { id }).getOne();
    if (!form) throw notFound(EVALUATION_FORM);
    return {
      ...this.toDto(form),
      evidence: await this.evidence(form.participant!.personId, form.cycle!.periodStart, form.cycle!.periodEnd, manager),
    };
  }

  /**
   * Submits the form, once: a conditional UPDATE that only a pending form of an open cycle passes,
   * so that of two racing submissions exactly one wins and the other gets 409.
   */
  async submit(id: string, dto: SubmitEvaluationFormDto, ctx: RequestContext): Promise<EvaluationFormDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanRead(ctx.actor!, { type: EVALUATION_FORM, id }, ctx, manager);
      // Shared lock on the cycle: closing it (which locks it for update) waits for this submission, or this waits for the close.
      const [cycle] = await manager.query(
        `SELECT c.status, c.dimensions, f.source FROM evaluation_forms f JOIN evaluation_cycles c ON c.id = f.cycle_id
          WHERE f.id = $1 FOR SHARE OF c`,
        [id],
      );
      const problems = scoreProblems(cycle.dimensions, dto.scores);
      if (cycle.source === 'peer' && dto.comment)
        problems.comment = ['peer forms take scores only, so that no wording can identify the peer'];
      if (Object.keys(problems).length) throw badRequest('The scores do not fit the form', problems);
      const updated = returnedRows(
        await manager.query(
          `UPDATE evaluation_forms f SET status = 'submitted', scores = $3, comment = $4, submitted_at = now()
          WHERE f.id = $1 AND f.evaluator_id = $2 AND f.status = 'pending'
            AND EXISTS (SELECT 1 FROM evaluation_cycles c WHERE c.id = f.cycle_id AND c.status = 'open')
          RETURNING f.id`,
          [id, ctx.actor!.id, JSON.stringify(dto.scores), dto.comment || null],
        ),
      );
      if (updated.length === 0) {
        throw conflict(EVALUATION_ERRORS.EVALUATION_FORM_CLOSED, 'This form was already submitted, or its cycle is not open');
      }
      await this.inbox.close(manager, { sourceType: EVALUATION_FORM, sourceId: id, assigneeId: ctx.actor!.id });
      // The audit entry says a form was submitted, not what it gave nor for whom.
      await this.audit.record(manager, ctx, { action: 'assessment.evaluation.form.submit', objectType: EVALUATION_FORM, objectId: id });
      return this.get(id, ctx, manager);
    });
  }

  /**
   * The evaluated person's own figures over the cycle's period, in the school's time zone: their
   * inbox (items closed, the share closed by their deadline, items overdue now) and the training
   * sessions they attended (ASM-6). Only what the records say; nothing estimated.
   */
  async evidence(personId: string, periodStart: string, periodEnd: string, manager: EntityManager): Promise<EvidenceDto> {
    const tz = this.config.schoolTimeZone;
    const from = schoolTimeToInstant(periodStart as IsoDate, '00:00:00', tz);
    const to = schoolTimeToInstant(addDays(periodEnd as IsoDate, 1), '00:00:00', tz);
    const inbox = await this.inbox.figures(personId, from, to, manager);
    return {
      inboxClosed: inbox.closed,
      inboxWithDeadline: inbox.withDeadline,
      inboxOnTime: inbox.onTime,
      onTimeRate: inbox.withDeadline ? Math.round((inbox.onTime / inbox.withDeadline) * 1000) / 10 : null,
      inboxOverdueOpen: inbox.overdueOpen,
      trainingSessions: await this.training.sessionsAttended(personId, from, to, manager),
    };
  }

  private toDto(f: EvaluationForm): EvaluationFormDto {
    const cycle = f.cycle!;
    const person = f.participant!.person!;
    return {
      id: f.id,
      cycle: { id: cycle.id, name: cycle.name },
      periodStart: cycle.periodStart,
      periodEnd: cycle.periodEnd,
      evaluatee: { id: person.id, name: person.name },
      source: f.source,
      status: f.status,
      dimensions: cycle.dimensions,
      scores: f.scores,
      comment: f.comment,
      submittedAt: f.submittedAt,
    };
  }
}
