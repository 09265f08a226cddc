/**
 * How an approval request is shown (PLT-2): status tags, the step timeline, and the buttons.
 * Pure functions over the API's shapes, so that they can be tested without the panel.
 */
import { APPROVAL_ACTIONS, type ApprovalAction, type ApprovalStatus } from '@xiaoban/shared';
import type { ApprovalRequest, ApprovalStepOfApi, ApprovalTask } from '../../../api/types';
import type { TagType } from '../inbox/inboxPresentation';

export const APPROVAL_STATUS_TAG: Record<ApprovalStatus, TagType> = {
  pending: 'primary',
  approved: 'success',
  rejected: 'danger',
  returned: 'warning',
  withdrawn: 'info',
};

export const TASK_STATUS_TAG: Record<ApprovalTask['status'], TagType> = {
  pending: 'primary',
  approved: 'success',
  rejected: 'danger',
  returned: 'warning',
  transferred: 'info',
  cancelled: 'info',
};

/** What an action's button asks for before it calls the API. */
export type ActionInput = 'comment' | 'reason' | 'resubmit' | 'confirm' | 'transfer' | 'copy';

export interface ActionButton {
  action: ApprovalAction;
  type: TagType | 'default';
  input: ActionInput;
}

/** Every action the panel knows, in the order its buttons stand: the decision first, the rest after. */
const BUTTONS: Record<ApprovalAction, Omit<ActionButton, 'action'>> = {
  approve: { type: 'primary', input: 'comment' },
  reject: { type: 'danger', input: 'reason' },
  return: { type: 'warning', input: 'reason' },
  resubmit: { type: 'primary', input: 'resubmit' },
  withdraw: { type: 'default', input: 'confirm' },
  transfer: { type: 'default', input: 'transfer' },
  copy: { type: 'default', input: 'copy' },
};

/**
 * The buttons to show: exactly the actions the API lists in `allowedActions` (it knows who may do
 * what now), in a fixed order, each once; an action this panel does not know is left out.
 */
export function actionButtons(allowed: readonly string[]): ActionButton[] {
  const granted = new Set(allowed);
  return APPROVAL_ACTIONS.filter((action) => granted.has(action)).map((action) => ({ action, ...BUTTONS[action] }));
}

export type StepState = 'done' | 'current' | 'waiting' | 'stopped' | 'skipped';

export const STEP_STATE_TAG: Record<StepState, TagType> = {
  done: 'success',
  current: 'primary',
  waiting: 'info',
  stopped: 'danger',
  skipped: 'info',
};

export interface TimelineStep {
  index: number;
  step: ApprovalStepOfApi;
  state: StepState;
  /** The step's tasks in the request's current round (earlier rounds are in the event record). */
  tasks: ApprovalTask[];
}

/**
 * The steps of a request with where it stands on each: steps before the current one are done;
 * while pending, the current one is in progress and the rest wait; once approved, all are done;
 * once rejected, returned or withdrawn, the current step stopped and the rest were not reached.
 */
export function stepTimeline(request: Pick<ApprovalRequest, 'steps' | 'tasks' | 'status' | 'currentStep' | 'round'>): TimelineStep[] {
  return request.steps.map((step, index) => {
    let state: StepState;
    if (request.status === 'approved' || index < request.currentStep) state = 'done';
    else if (index === request.currentStep) state = request.status === 'pending' ? 'current' : 'stopped';
    else state = request.status === 'pending' ? 'waiting' : 'skipped';
    const tasks = request.tasks.filter((task) => task.round === request.round && task.stepIndex === index);
    return { index, step, state, tasks };
  });
}

/** The text of an approver rule as i18n key and parameters. */
export function approverText(rule: ApprovalStepOfApi['approvers'], roleName: (code: string) => string): { key: string; params: object } {
  switch (rule.type) {
    case 'role':
      return { key: 'approvers.role', params: { role: roleName(rule.role ?? '') } };
    case 'department-head':
      return { key: 'approvers.departmentHead', params: {} };
    case 'parent-department-head':
      return { key: 'approvers.parentDepartmentHead', params: {} };
    case 'users':
      return { key: 'approvers.users', params: { n: rule.userIds?.length ?? 0 } };
  }
}

/** The "complete" event carries the outcome as its comment: shown as the status, not as a remark. */
export function eventOutcome(event: { action: string; comment: string | null }): ApprovalStatus | null {
  if (event.action !== 'complete') return null;
  const outcome = event.comment as ApprovalStatus | null;
  return outcome && outcome in APPROVAL_STATUS_TAG ? outcome : null;
}

/** A general request's text; other kinds carry their facts in `data` and show them as a list. */
export function requestContent(data: Record<string, unknown>): { content: string | null; facts: [string, string][] } {
  const content = typeof data.content === 'string' ? data.content : null;
  const facts = Object.entries(data)
    .filter(([key]) => key !== 'content')
    .map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]);
  return { content, facts };
}
