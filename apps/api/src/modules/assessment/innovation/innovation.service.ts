import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INNOVATION_ERRORS, INNOVATION_TRANSITIONS, PERMISSIONS, innovationActionsFrom, type InnovationAction } from '@xiaoban/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { updateVersioned } from '../../../database/versioned-update';
import { AccessService } from '../../../platform/access/access.service';
import { AuditService } from '../../../platform/audit/audit.service';
import type { Principal } from '../../../platform/auth/principal';
import { badRequest, conflict, notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { escapeLike } from '../../../platform/http/sql';
import { InnovationSuggestion } from './innovation-suggestion.entity';
import type {
  AdoptedYearDto,
  AwardInnovationDto,
  InnovationDto,
  QueryAdoptedDto,
  QueryInnovationsDto,
  RecordImplementationDto,
  ReviewInnovationDto,
  SubmitInnovationDto,
} from './innovation.dto';
import { toRef } from '../../../platform/org/refs';

export const INNOVATION = 'innovation-suggestion';

/**
 * Innovation suggestions and awards (创新建议, ASM-7). Anyone signed in submits one and follows it;
 * the reviewers (assessment.innovation.manage) adopt it or not (with a reason), record its
 * implementation, and record the award: level, prize money or certificate, date.
 */
@Injectable()
export class InnovationService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.access.register(INNOVATION, { table: 'innovation_suggestions', named: (o, me) => `${o}.submitter_id = ${me}` });
  }

  async submit(dto: SubmitInnovationDto, ctx: RequestContext): Promise<InnovationDto> {
    return this.dataSource.transaction(async (manager) => {
      const suggestion = manager.create(InnovationSuggestion, {
        title: dto.title,
        description: dto.description,
        expectedBenefit: dto.expectedBenefit,
        submitterId: ctx.actor!.id,
        submittedAt: new Date(),
        status: 'submitted',
      });
      await manager.insert(InnovationSuggestion, suggestion);
      await this.audit.record(manager, ctx, {
        action: 'assessment.innovation.submit',
        objectType: INNOVATION,
        objectId: suggestion.id,
        details: { title: dto.title },
      });
      return this.get(suggestion.id, ctx, manager);
    });
  }

  private query(manager: EntityManager): SelectQueryBuilder<InnovationSuggestion> {
    return manager
      .createQueryBuilder(InnovationSuggestion, 'i')
      .innerJoinAndSelect('i.submitter', 'submitter')
      .leftJoinAndSelect('i.reviewedBy', 'reviewedBy');
  }

  async list(query: QueryInnovationsDto, viewer: Principal): Promise<Page<InnovationDto>> {
    const visible = this.access.visibleWhere(viewer, INNOVATION, 'i');
    const qb = this.query(this.dataSource.manager)
      .where(visible.sql, visible.params)
      .orderBy('i.submittedAt', 'DESC')
      .addOrderBy('i.id', 'ASC');
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.mine) qb.andWhere('i.submitter_id = :me', { me: viewer.id });
    if (query.year) {
      qb.andWhere(
        `i.submitted_at >= make_timestamptz(:year, 1, 1, 0, 0, 0, :tz) AND i.submitted_at < make_timestamptz(:year + 1, 1, 1, 0, 0, 0, :tz)`,
        {
          year: query.year,
          tz: this.config.schoolTimeZone,
        },
      );
    }
    if (query.q) qb.andWhere('(i.title ILIKE :q OR i.description ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    return paginate(qb, query, (i) => this.toDto(i, viewer));
  }

  async get(id: string, ctx: RequestContext, manager: EntityManager = this.dataSource.manager): Promise<InnovationDto> {
    await this.access.assertCanRead(ctx.actor!, { type: INNOVATION, id }, ctx, manager);
    const suggestion = await this.query(manager).where('i.id = :id', { id }).getOne();
    if (!suggestion) throw notFound(INNOVATION);
    return this.toDto(suggestion, ctx.actor!);
  }

  /** Adopted or not; not adopted needs its reason, which the submitter reads. */
  review(id: string, dto: ReviewInnovationDto, ctx: RequestContext): Promise<InnovationDto> {
    return this.move(id, 'review', dto.version, ctx, {
      status: dto.decision === 'adopt' ? 'adopted' : 'not-adopted',
      reviewReason: dto.reason || null,
      reviewedById: ctx.actor!.id,
      reviewedAt: new Date(),
    });
  }

  implement(id: string, dto: RecordImplementationDto, ctx: RequestContext): Promise<InnovationDto> {
    return this.move(id, 'implement', dto.version, ctx, {
      status: 'implemented',
      implementationNote: dto.note,
      implementedOn: dto.implementedOn,
    });
  }

  award(id: string, dto: AwardInnovationDto, ctx: RequestContext): Promise<InnovationDto> {
    if (dto.amountFen === undefined && !dto.certificate) {
      throw badRequest('An award is prize money, a certificate, or both', { amountFen: ['give an amount, or a certificate'] });
    }
    return this.move(id, 'award', dto.version, ctx, {
      status: 'awarded',
      awardLevel: dto.level,
      awardAmountFen: dto.amountFen ?? null,
      awardCertificate: dto.certificate,
      awardedOn: dto.awardedOn,
    });
  }

  /** The year's adopted suggestions (by review date) and their awards, with the totals. */
  async adopted(query: QueryAdoptedDto, ctx: RequestContext): Promise<AdoptedYearDto> {
    const items = await this.query(this.dataSource.manager)
      .where(`i.status IN ('adopted', 'implemented', 'awarded')`)
      .andWhere(
        `i.reviewed_at >= make_timestamptz(:year, 1, 1, 0, 0, 0, :tz) AND i.reviewed_at < make_timestamptz(:year + 1, 1, 1, 0, 0, 0, :tz)`,
        { year: query.year, tz: this.config.schoolTimeZone },
      )
      .orderBy('i.reviewedAt', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(1000)
      .getMany();
    const awarded = items.filter((i) => i.status === 'awarded');
    return {
      year: query.year,
      adopted: items.length,
      awarded: awarded.length,
      awardAmountFen: awarded.reduce((sum, i) => sum + (i.awardAmountFen ?? 0), 0),
      items: items.map((i) => this.toDto(i, ctx.actor!)),
    };
  }

  private async move(
    id: string,
    action: InnovationAction,
    version: number,
    ctx: RequestContext,
    changes: Partial<InnovationSuggestion>,
  ): Promise<InnovationDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.access.assertCanChange(ctx.actor!, { type: INNOVATION, id }, ctx, manager);
      const suggestion = await manager.findOne(InnovationSuggestion, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!suggestion) throw notFound(INNOVATION);
      if (!INNOVATION_TRANSITIONS[action].from.includes(suggestion.status)) {
        throw conflict(INNOVATION_ERRORS.INNOVATION_ILLEGAL_MOVE, `A suggestion that is ${suggestion.status} cannot be moved by ${action}`);
      }
      await updateVersioned(manager, InnovationSuggestion, id, version, changes as Record<string, unknown>, INNOVATION);
      await this.audit.record(manager, ctx, {
        action: `assessment.innovation.${action}`,
        objectType: INNOVATION,
        objectId: id,
        details: { status: changes.status },
      });
      return this.get(id, ctx, manager);
    });
  }

  private toDto(i: InnovationSuggestion, viewer: Principal): InnovationDto {
    const reviewer = viewer.permissions.has(PERMISSIONS.ASSESSMENT_INNOVATION_MANAGE);
    return {
      id: i.id,
      title: i.title,
      description: i.description,
      expectedBenefit: i.expectedBenefit,
      submitter: toRef(i.submitter)!,
      submittedAt: i.submittedAt,
      status: i.status,
      reviewReason: i.reviewReason,
      reviewedBy: toRef(i.reviewedBy),
      reviewedAt: i.reviewedAt,
      implementationNote: i.implementationNote,
      implementedOn: i.implementedOn,
      awardLevel: i.awardLevel,
      awardAmountFen: i.awardAmountFen,
      awardCertificate: i.awardCertificate,
      awardedOn: i.awardedOn,
      actions: reviewer ? innovationActionsFrom(i.status) : [],
      version: i.version,
    };
  }
}
