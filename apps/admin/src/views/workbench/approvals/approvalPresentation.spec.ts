import { describe, expect, it } from 'vitest';
import { APPROVAL_ACTIONS, APPROVAL_STATUSES, APPROVAL_TRANSITIONS } from '@xiaoban/shared';
import type { ApprovalRequest, ApprovalTask } from '../../../api/types';
import { APPROVAL_STATUS_TAG, actionButtons, approverText, eventOutcome, requestContent, stepTimeline } from './approvalPresentation';

const STEPS: ApprovalRequest['steps'] = [
  { name: '部门负责人审核', approvers: { type: 'department-head' }, mode: 'any', timeLimitHours: 48 },
  { name: '校领导审批', approvers: { type: 'role', role: 'school-leader' }, mode: 'any' },
  { name: '办公室备案', approvers: { type: 'users', userIds: ['u-1', 'u-2'] }, mode: 'all' },
];

function task(stepIndex: number, status: ApprovalTask['status'], round = 1): ApprovalTask {
  return {
    id: `t-${round}-${stepIndex}-${status}`,
    round,
    stepIndex,
    status,
    assignee: { id: 'a', name: '王主任' },
    comment: null,
    dueAt: null,
    decidedAt: null,
  };
}

function request(overrides: Partial<ApprovalRequest>): Pick<ApprovalRequest, 'steps' | 'tasks' | 'status' | 'currentStep' | 'round'> {
  return { steps: STEPS, tasks: [], status: 'pending', currentStep: 0, round: 1, ...overrides };
}

describe('approval presentation', () => {
  it('PLT-2 shows exactly the buttons the API allows, each once, in a fixed order', () => {
    expect(actionButtons(['withdraw', 'copy']).map((button) => button.action)).toEqual(['withdraw', 'copy']);
    expect(actionButtons(['copy', 'approve', 'transfer', 'reject', 'return', 'approve']).map((button) => button.action)).toEqual([
      'approve',
      'reject',
      'return',
      'transfer',
      'copy',
    ]);
    expect(actionButtons([])).toEqual([]);
  });

  it('PLT-2 leaves out an action the panel does not know rather than showing a dead button', () => {
    expect(actionButtons(['approve', 'escalate']).map((button) => button.action)).toEqual(['approve']);
  });

  it('PLT-2 asks for what each action needs: a reason to reject or return, a confirmation to withdraw, people to transfer or copy', () => {
    const inputs = Object.fromEntries(actionButtons([...APPROVAL_ACTIONS]).map((button) => [button.action, button.input]));
    expect(inputs).toEqual({
      approve: 'comment',
      reject: 'reason',
      return: 'reason',
      resubmit: 'resubmit',
      withdraw: 'confirm',
      transfer: 'transfer',
      copy: 'copy',
    });
  });

  it('PLT-2 has a button for every move of the shared transition table', () => {
    const moves = new Set(Object.values(APPROVAL_TRANSITIONS).flatMap((byAction) => Object.keys(byAction)));
    expect(
      actionButtons([...moves])
        .map((button) => button.action)
        .sort(),
    ).toEqual([...moves].sort());
  });

  it('PLT-2 tags every request status', () => {
    for (const status of APPROVAL_STATUSES) expect(APPROVAL_STATUS_TAG[status]).toBeTruthy();
    expect(APPROVAL_STATUS_TAG.approved).toBe('success');
    expect(APPROVAL_STATUS_TAG.rejected).toBe('danger');
  });

  it('PLT-2 marks steps done, in progress and waiting while a request is pending', () => {
    const timeline = stepTimeline(request({ currentStep: 1, tasks: [task(0, 'approved'), task(1, 'pending')] }));
    expect(timeline.map((entry) => entry.state)).toEqual(['done', 'current', 'waiting']);
    expect(timeline[0]!.tasks.map((entry) => entry.status)).toEqual(['approved']);
    expect(timeline[1]!.tasks.map((entry) => entry.status)).toEqual(['pending']);
    expect(timeline[2]!.tasks).toEqual([]);
  });

  it('PLT-2 marks every step done once approved, and the deciding step stopped once rejected', () => {
    expect(stepTimeline(request({ status: 'approved', currentStep: 2 })).map((entry) => entry.state)).toEqual(['done', 'done', 'done']);
    expect(stepTimeline(request({ status: 'rejected', currentStep: 1 })).map((entry) => entry.state)).toEqual([
      'done',
      'stopped',
      'skipped',
    ]);
  });

  it('PLT-2 shows the tasks of the current round only: a resubmitted request starts its steps afresh', () => {
    const timeline = stepTimeline(request({ round: 2, currentStep: 0, tasks: [task(0, 'returned', 1), task(0, 'pending', 2)] }));
    expect(timeline[0]!.tasks.map((entry) => `${entry.round}:${entry.status}`)).toEqual(['2:pending']);
  });

  it('PLT-2 describes who approves a step', () => {
    const roleName = (code: string) => (code === 'school-leader' ? '校领导' : code);
    expect(approverText(STEPS[0]!.approvers, roleName)).toEqual({ key: 'approvers.departmentHead', params: {} });
    expect(approverText(STEPS[1]!.approvers, roleName)).toEqual({ key: 'approvers.role', params: { role: '校领导' } });
    expect(approverText(STEPS[2]!.approvers, roleName)).toEqual({ key: 'approvers.users', params: { n: 2 } });
  });

  it('PLT-2 reads the outcome of a closing event as a status, not as a remark', () => {
    expect(eventOutcome({ action: 'complete', comment: 'approved' })).toBe('approved');
    expect(eventOutcome({ action: 'approve', comment: '同意' })).toBeNull();
    expect(eventOutcome({ action: 'complete', comment: 'nonsense' })).toBeNull();
  });

  it('PLT-2 shows a general request as its text, and the facts of other kinds as a list', () => {
    expect(requestContent({ content: '拟于下月举办校园开放日' })).toEqual({ content: '拟于下月举办校园开放日', facts: [] });
    expect(requestContent({ sealType: 'official', copies: 3 })).toEqual({
      content: null,
      facts: [
        ['sealType', 'official'],
        ['copies', '3'],
      ],
    });
  });
});
