import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EVALUATION_CYCLE_TRANSITIONS,
  EVALUATION_ERRORS,
  dimensionProblems,
  evaluationCycleActionsFrom,
  personResult,
  roundScore,
  sourceWeightProblems,
  type EvaluationCycleAction,
  type EvaluationSource,
} from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AuditService } from '../../../platform/audit/audit.service';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import { returnedRows } from '../../../platform/http/sql';
import { InboxService } from '../../../platform/inbox/inbox.service';
import { EvaluationCycle, EvaluationForm, EvaluationParticipant, EvaluationResult, EvaluationTemplate } from './evaluation.entities';
import type {
  CreateEvaluationCycleDto,
  CreateEvaluationTemplateDto,
  CycleMoveDto,
  EvaluationCycleDto,
  EvaluationTemplateDto,
  ParticipantProgressDto,
  QueryCyclesDto,
  ResultCycleDto,
} from './evaluations.dto';

export const EVALUATION_CYCLE = 'evaluation-cycle';
export const EVALUATION_FORM = 'evaluation-form';
export const EVALUATION_REPORT = 'evaluation-report';

const SOURCE_TITLE: Record<EvaluationSource, string> = { self: '自评', peer: '互评', leader: '领导评价' };
const formLink = (id: string) => `/assessment/evaluations/forms?open=${id}`;

/**
 * Templates and cycles of evaluations (考核, ASM-2), run by the office
 * (assessment.evaluations.manage): a cycle is set up as a draft, opened (every form lands in its
 * evaluator's inbox), closed (results computed, pending forms expire, peer scores erased) and
 * released (each person sees their report and acknowledges it).
 */
@Injectable()
export class EvaluationCyclesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
  ) {}

  // ---------- templates ----------

  async createTemplate(dto: CreateEvaluationTemplateDto, ctx: RequestContext): Promise<EvaluationTemplateDto> {
    const problems = dimensionProblems(dto.dimensions);
    if (Object.keys(problems).length) throw badRequest('The dimensions do not add up', problems);
    return this.dataSource.transaction(async (manager) => {
      const template = manager.create(EvaluationTemplate, {
        name: dto.name,
        dimensions: dto.dimensions.map(({ key, name, weight, scaleMin, scaleMax }) => ({ key, name, weight, scaleMin, scaleMax })),
        createdById: ctx.actor!.id,
      });
      await manager.insert(EvaluationTemplate, template);
      await this.audit.record(manager, ctx, {
        action: 'assessment.evaluation.template.create',
        objectType: 'evaluation-template',
        objectId: template.id,
        details: { name: dto.name },
      });
      return this.templateDto(template);
    });
  }

  async listTemplates(): Promise<EvaluationTemplateDto[]> {
    const templates = await this.dataSource.manager.find(EvaluationTemplate, { order: { createdAt: 'DESC' }, take: 200 });
    return templates.map((t) => this.templateDto(t));
  }

  private templateDto(t: EvaluationTemplate): EvaluationTemplateDto {
    return { id: t.id, name: t.name, dimensions: t.dimensions, createdAt: t.createdAt };
  }

  // ---------- cycles ----------

  async createCycle(dto: CreateEvaluationCycleDto, ctx: RequestContext): Promise<EvaluationCycleDto> {
    const problems: Record<string, string[]> = { ...sourceWeightProblems(dto.sourceWeights) };
    if (dto.periodEnd < dto.periodStart) problems.periodEnd = ['must not be before periodStart'];
    if (!dto.personIds?.length && !dto.departmentIds?.length) problems.personIds = ['give people or departments to evaluate'];
    if (Object.keys(problems).length) throw badRequest('The cycle is not complete', problems);

    return this.dataSource.transaction(async (manager) => {
      const template = await manager.findOneBy(EvaluationTemplate, { id: dto.templateId });
      if (!template) throw badRequest('No such template', { templateId: ['no template has this id'] });
      const people = await this.participantsOf(manager, dto);
      if (people.length === 0) throw badRequest('Nobody to evaluate', { personIds: ['no active person found'] });
      const cycle = manager.create(EvaluationCycle, {
        name: dto.name,
        period: dto.period,
        periodStart: dto.periodStart,
        periodEnd: dto.periodEnd,
        templateId: template.id,
        dimensions: template.dimensions,
        selfWeight: dto.sourceWeights.self,
        peerWeight: dto.sourceWeights.peer,
        leaderWeight: dto.sourceWeights.leader,
        peerMinimum: dto.peerMinimum,
        status: 'draft',
        createdById: ctx.actor!.id,
      });
      await manager.insert(EvaluationCycle, cycle);

      const ids = new Set(people.map((p) => p.id));
      const chosen = new Map((dto.peerAssignments ?? []).map((a) => [a.personId, [...new Set(a.peerIds)]]));
      for (const [personId, peerIds] of chosen) {
        if (!ids.has(personId))
          throw badRequest('Peers for someone not evaluated', { peerAssignments: [`${personId} is not a participant`] });
        if (peerIds.includes(personId)) throw badRequest('Nobody is their own peer', { peerAssignments: [`${personId} lists themself`] });
      }
      const chosenPeers = [...new Set([...chosen.values()].flat())];
      if (chosenPeers.length) {
        const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM users WHERE id = ANY($1) AND active`, [chosenPeers]);
        if (n !== chosenPeers.length) throw badRequest('No such peer', { peerAssignments: ['every peer must be an active account'] });
      }
      for (const person of people) {
        const leaderId = person.leaderId;
        // By default, the colleagues of the same department who are evaluated too, except the leader.
        const peers =
          chosen.get(person.id) ??
          people
            .filter((p) => p.id !== person.id && p.departmentId && p.departmentId === person.departmentId && p.id !== leaderId)
            .map((p) => p.id);
        await manager.insert(EvaluationParticipant, {
          cycleId: cycle.id,
          personId: person.id,
          departmentId: person.departmentId,
          leaderId,
          peerIds: peers,
        });
      }
      await this.audit.record(manager, ctx, {
        action: 'assessment.evaluation.cycle.create',
        objectType: EVALUATION_CYCLE,
        objectId: cycle.id,
        details: { name: dto.name, participants: people.length },
      });
      return this.cycleDto(manager, cycle.id);
    });
  }

  /**
   * The people named or in the departments named, with their department and leader: the head of
   * their department, or for a head the head of the department above (none when there is none).
   */
  private async participantsOf(
    manager: EntityManager,
    dto: CreateEvaluationCycleDto,
  ): Promise<{ id: string; departmentId: string | null; leaderId: string | null }[]> {
    const rows: { id: string; department_id: string | null; leader_id: string | null }[] = await manager.query(
      `SELECT u.id, u.department_id,
              CASE WHEN d.head_id IS NULL THEN NULL
                   WHEN d.head_id <> u.id THEN d.head_id
                   ELSE (SELECT p.head_id FROM departments p WHERE p.id = d.parent_id AND p.head_id <> u.id) END AS leader_id
         FROM users u LEFT JOIN departments d ON d.id = u.department_id
        WHERE u.active AND (u.id = ANY($1::uuid[]) OR u.department_id = ANY($2::uuid[]))
        ORDER BY u.name, u.id`,
      [dto.personIds ?? [], dto.departmentIds ?? []],
    );
    if (dto.personIds?.length) {
      const found = new Set(rows.map((r) => r.id));
      const missing = dto.personIds.filter((id) => !found.has(id));
      if (missing.length) throw badRequest('No such person', { personIds: missing.map((id) => `${id}: no active account`) });
    }
    return rows.map((r) => ({ id: r.id, departmentId: r.department_id, leaderId: r.leader_id }));
  }

  async listCycles(query: QueryCyclesDto): Promise<EvaluationCycleDto[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(EvaluationCycle, 'c')
      .select('c.id', 'id')
      .orderBy('c.period_start', 'DESC')
      .addOrderBy('c.created_at', 'DESC')
      .limit(200);
    if (query.status) qb.where('c.status = :status', { status: query.status });
    const rows = await qb.getRawMany<{ id: string }>();
    return Promise.all(rows.map((r) => this.cycleDto(this.dataSource.manager, r.id)));
  }

  /** Closed and released cycles, newest first: their names and periods are no secret, their results are filtered per person. */
  async resultCycles(): Promise<ResultCycleDto[]> {
    const cycles = await this.dataSource.manager.find(EvaluationCycle, {
      where: [{ status: 'closed' }, { status: 'released' }],
      order: { periodStart: 'DESC', createdAt: 'DESC' },
      take: 200,
    });
    return cycles.map(({ id, name, periodStart, periodEnd, status }) => ({ id, name, periodStart, periodEnd, status }));
  }

  getCycle(id: string): Promise<EvaluationCycleDto> {
    return this.cycleDto(this.dataSource.manager, id);
  }

  /** Who is evaluated and how far their forms are: counts only, never which peer submitted. */
  async progress(id: string): Promise<ParticipantProgressDto[]> {
    await this.cycleDto(this.dataSource.manager, id);
    const rows = await this.dataSource.query(
      `SELECT p.person_id, u.name AS person_name, p.department_id, d.name AS department_name, p.leader_id, l.name AS leader_name,
              cardinality(p.peer_ids)::int AS peers_asked,
              (SELECT count(*)::int FROM evaluation_forms f WHERE f.participant_id = p.id AND f.source = 'peer' AND f.status = 'submitted') AS peers_submitted,
              EXISTS (SELECT 1 FROM evaluation_forms f WHERE f.participant_id = p.id AND f.source = 'self' AND f.status = 'submitted') AS self_submitted,
              EXISTS (SELECT 1 FROM evaluation_forms f WHERE f.participant_id = p.id AND f.source = 'leader' AND f.status = 'submitted') AS leader_submitted
         FROM evaluation_participants p JOIN users u ON u.id = p.person_id
         LEFT JOIN departments d ON d.id = p.department_id LEFT JOIN users l ON l.id = p.leader_id
        WHERE p.cycle_id = $1 ORDER BY d.name NULLS LAST, u.name, p.id`,
      [id],
    );
    return rows.map((r: Record<string, unknown>) => ({
      person: { id: r.person_id as string, name: r.person_name as string },
      department: r.department_id ? { id: r.department_id as string, name: r.department_name as string } : null,
      leader: r.leader_id ? { id: r.leader_id as string, name: r.leader_name as string } : null,
      peersAsked: r.peers_asked as number,
      peersSubmitted: r.peers_submitted as number,
      selfSubmitted: r.self_submitted as boolean,
      leaderSubmitted: r.leader_submitted as boolean,
    }));
  }

  /** Opens the cycle: a self form for everyone, a form per assigned peer and one for the leader, each in its evaluator's inbox. */
  open(id: string, dto: CycleMoveDto, ctx: RequestContext): Promise<EvaluationCycleDto> {
    return this.move(id, dto, 'open', ctx, async (manager, cycle) => {
      const participants = await manager.find(EvaluationParticipant, { where: { cycleId: id }, relations: { person: true } });
      for (const p of participants) {
        const evaluators: [string, EvaluationSource][] = [
          [p.personId, 'self'],
          ...p.peerIds.map((peer): [string, EvaluationSource] => [peer, 'peer']),
        ];
        if (p.leaderId && cycle.leaderWeight > 0) evaluators.push([p.leaderId, 'leader']);
        for (const [evaluatorId, source] of evaluators) {
          if (source === 'peer' && cycle.peerWeight === 0) continue;
          if (source === 'self' && cycle.selfWeight === 0) continue;
          const form = manager.create(EvaluationForm, { cycleId: id, participantId: p.id, evaluatorId, source, status: 'pending' });
          await manager.insert(EvaluationForm, form);
          await this.inbox.open(manager, {
            assigneeId: evaluatorId,
            sourceType: EVALUATION_FORM,
            sourceId: form.id,
            title:
              source === 'self'
                ? `【考核${SOURCE_TITLE.self}】${cycle.name}`
                : `【考核${SOURCE_TITLE[source]}】${cycle.name}：${p.person!.name}`,
            link: formLink(form.id),
          });
        }
      }
      return { openedAt: new Date() };
    });
  }

  /**
   * Closes the cycle: pending forms expire (and leave their inboxes), each participant's result is
   * computed from the submitted forms, and the peer forms' scores are erased, so that from here on
   * only the aggregate says anything about what peers gave.
   */
  close(id: string, dto: CycleMoveDto, ctx: RequestContext): Promise<EvaluationCycleDto> {
    return this.move(id, dto, 'close', ctx, async (manager, cycle) => {
      const expired = returnedRows<{ id: string }>(
        await manager.query(`UPDATE evaluation_forms SET status = 'expired' WHERE cycle_id = $1 AND status = 'pending' RETURNING id`, [id]),
      );
      for (const form of expired) await this.inbox.close(manager, { sourceType: EVALUATION_FORM, sourceId: form.id }, 'cancelled');
      const participants = await manager.findBy(EvaluationParticipant, { cycleId: id });
      const forms = await manager.findBy(EvaluationForm, { cycleId: id, status: 'submitted' });
      const weights = { self: cycle.selfWeight, peer: cycle.peerWeight, leader: cycle.leaderWeight };
      for (const p of participants) {
        const own = forms.filter((f) => f.participantId === p.id);
        const result = personResult(
          cycle.dimensions,
          weights,
          cycle.peerMinimum,
          own.map((f) => ({ source: f.source, scores: f.scores! })),
        );
        await manager.insert(EvaluationResult, {
          cycleId: id,
          participantId: p.id,
          personId: p.personId,
          departmentId: p.departmentId,
          total: result.total === null ? null : roundScore(result.total).toFixed(2),
          sources: result.sources,
          peerWithheld: result.peerWithheld,
          selfComment: own.find((f) => f.source === 'self')?.comment ?? null,
          leaderComment: own.find((f) => f.source === 'leader')?.comment ?? null,
        });
      }
      await manager.query(`UPDATE evaluation_forms SET scores = NULL, comment = NULL WHERE cycle_id = $1 AND source = 'peer'`, [id]);
      return { closedAt: new Date() };
    });
  }

  /** Releases the results: each person's report appears, with a to-do to acknowledge it. */
  release(id: string, dto: CycleMoveDto, ctx: RequestContext): Promise<EvaluationCycleDto> {
    return this.move(id, dto, 'release', ctx, async (manager, cycle) => {
      const results = returnedRows<{ id: string; person_id: string }>(
        await manager.query(`UPDATE evaluation_results SET released_at = now() WHERE cycle_id = $1 RETURNING id, person_id`, [id]),
      );
      for (const r of results) {
        await this.inbox.open(manager, {
          assigneeId: r.person_id,
          sourceType: EVALUATION_REPORT,
          sourceId: r.id,
          title: `【考核结果】${cycle.name}`,
          link: `/assessment/evaluations/reports?open=${r.id}`,
        });
      }
      return { releasedAt: new Date() };
    });
  }

  private async move(
    id: string,
    dto: CycleMoveDto,
    action: EvaluationCycleAction,
    ctx: RequestContext,
    apply: (manager: EntityManager, cycle: EvaluationCycle) => Promise<Partial<EvaluationCycle>>,
  ): Promise<EvaluationCycleDto> {
    return this.dataSource.transaction(async (manager) => {
      // The lock keeps submissions (which take it shared) out while the cycle changes state.
      const cycle = await manager.findOne(EvaluationCycle, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cycle) throw notFound(EVALUATION_CYCLE);
      const transition = EVALUATION_CYCLE_TRANSITIONS[action];
      if (!transition.from.includes(cycle.status)) {
        throw conflict(EVALUATION_ERRORS.EVALUATION_CYCLE_ILLEGAL_MOVE, `A cycle that is ${cycle.status} cannot be moved by ${action}`);
      }
      const changes = await apply(manager, cycle);
      await updateVersioned(manager, EvaluationCycle, id, dto.version, { ...changes, status: transition.to }, EVALUATION_CYCLE);
      await this.audit.record(manager, ctx, {
        action: `assessment.evaluation.cycle.${action}`,
        objectType: EVALUATION_CYCLE,
        objectId: id,
      });
      return this.cycleDto(manager, id);
    });
  }

  private async cycleDto(manager: EntityManager, id: string): Promise<EvaluationCycleDto> {
    const cycle = await manager.findOne(EvaluationCycle, { where: { id }, relations: { template: true } });
    if (!cycle) throw notFound(EVALUATION_CYCLE);
    const [counts] = await manager.query(
      `SELECT (SELECT count(*)::int FROM evaluation_participants WHERE cycle_id = $1) AS participants,
              count(*)::int AS total, count(*) FILTER (WHERE status = 'submitted')::int AS submitted
         FROM evaluation_forms WHERE cycle_id = $1`,
      [id],
    );
    return {
      id: cycle.id,
      name: cycle.name,
      period: cycle.period,
      periodStart: cycle.periodStart,
      periodEnd: cycle.periodEnd,
      template: { id: cycle.template!.id, name: cycle.template!.name },
      dimensions: cycle.dimensions,
      sourceWeights: { self: cycle.selfWeight, peer: cycle.peerWeight, leader: cycle.leaderWeight },
      peerMinimum: cycle.peerMinimum,
      status: cycle.status,
      participantCount: counts.participants,
      formsSubmitted: counts.submitted,
      formsTotal: counts.total,
      actions: evaluationCycleActionsFrom(cycle.status),
      version: cycle.version,
    };
  }
}
