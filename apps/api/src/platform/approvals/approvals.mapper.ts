import type { ApprovalAction } from '@xiaoban/shared';
import type { ApprovalKind } from './approval-kinds';
import type { ApprovalRequest, ApprovalTask } from './approval.entities';
import type { ApprovalRequestDto, ApprovalStepDto, ApprovalSummaryDto } from './approvals.dto';

export function toApprovalSummaryDto(request: ApprovalRequest, kind: ApprovalKind | undefined): ApprovalSummaryDto {
  return {
    id: request.id,
    kind: request.kind,
    kindName: kind?.name ?? request.kind,
    title: request.title,
    applicant: { id: request.applicantId, name: request.applicant?.name ?? '' },
    status: request.status,
    currentStepName: request.status === 'pending' ? (request.steps[request.currentStep]?.name ?? null) : null,
    createdAt: request.createdAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
  };
}

export function toApprovalRequestDto(
  request: ApprovalRequest,
  kind: ApprovalKind | undefined,
  tasks: ApprovalTask[],
  events: {
    id: string;
    round: number;
    step_index: number | null;
    actor_id: string | null;
    actor_name: string | null;
    action: string;
    comment: string | null;
    target_user_ids: string[];
    created_at: Date;
  }[],
  copies: { id: string; name: string }[],
  names: Map<string, string>,
  allowedActions: ApprovalAction[],
): ApprovalRequestDto {
  return {
    ...toApprovalSummaryDto(request, kind),
    subjectType: request.subjectType,
    subjectId: request.subjectId,
    data: request.data,
    steps: request.steps as ApprovalStepDto[],
    currentStep: request.currentStep,
    round: request.round,
    tasks: tasks.map((t) => ({
      id: t.id,
      round: t.round,
      stepIndex: t.stepIndex,
      assignee: { id: t.assigneeId, name: t.assignee?.name ?? '' },
      status: t.status,
      comment: t.comment,
      dueAt: t.dueAt?.toISOString() ?? null,
      decidedAt: t.decidedAt?.toISOString() ?? null,
    })),
    events: events.map((e) => ({
      id: e.id,
      round: e.round,
      stepIndex: e.step_index,
      actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? '' } : null,
      action: e.action,
      comment: e.comment,
      targets: e.target_user_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
      at: new Date(e.created_at).toISOString(),
    })),
    copiedTo: copies,
    allowedActions,
  };
}
