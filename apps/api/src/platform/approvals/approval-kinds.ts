import { Injectable } from '@nestjs/common';
import type { ApprovalStatus, ApprovalStep } from '@xiaoban/shared';
import type { EntityManager } from 'typeorm';

/** The final outcome of a request, as its module learns it. */
export interface ApprovalOutcome {
  requestId: string;
  kind: string;
  status: Extract<ApprovalStatus, 'approved' | 'rejected' | 'withdrawn'>;
  subjectType: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
}

export interface ApprovalKind {
  /** e.g. `seal-use`, `outgoing-signoff`, `major-incoming`. */
  kind: string;
  name: string;
  nameEn: string;
  /** The chain a school starts with; admins edit it in the panel. */
  defaultSteps: ApprovalStep[];
  /** True for kinds a person submits directly in the panel (the general request). */
  submittableFromPanel?: boolean;
  /**
   * Called once per final outcome, inside a transaction that also records that it ran: a
   * retried job never repeats the effect. Must use `manager` for its writes.
   */
  onOutcome?: (outcome: ApprovalOutcome, manager: EntityManager) => Promise<void>;
}

/**
 * The kinds of request the modules declare. A module registers its kind while the app starts
 * (onModuleInit); the platform creates its default chain on first start.
 */
@Injectable()
export class ApprovalKindRegistry {
  private readonly kinds = new Map<string, ApprovalKind>();

  register(kind: ApprovalKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`Approval kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  get(kind: string): ApprovalKind | undefined {
    return this.kinds.get(kind);
  }

  all(): ApprovalKind[] {
    return [...this.kinds.values()];
  }
}

/**
 * The general request (请示/事项申请): a person asks their head of department, then a school
 * leader, for a decision on a matter they describe. It needs no module of its own.
 */
export const GENERAL_REQUEST: ApprovalKind = {
  kind: 'general-request',
  name: '事项请示',
  nameEn: 'General request',
  submittableFromPanel: true,
  defaultSteps: [
    { name: '部门负责人审核', approvers: { type: 'department-head' }, mode: 'any', timeLimitHours: 48 },
    { name: '校领导审批', approvers: { type: 'role', role: 'school-leader' }, mode: 'any', timeLimitHours: 72 },
  ],
};
