import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { defineComponent } from 'vue';
import { api } from '../../../api/client';
import type { ApprovalRequest } from '../../../api/types';
import { i18n, setLocale } from '../../../i18n';
import ApprovalDetailView from './ApprovalDetailView.vue';

type GetResult = Awaited<ReturnType<typeof api.GET>>;
const Page = defineComponent({ template: '<div />' });

function requestWith(allowedActions: ApprovalRequest['allowedActions'], status: ApprovalRequest['status'] = 'pending'): ApprovalRequest {
  return {
    id: '3f1c0000-0000-4000-8000-000000000001',
    kind: 'general-request',
    kindName: '事项请示',
    title: '关于举办校园开放日活动的请示',
    applicant: { id: 'u-applicant', name: '李老师' },
    status,
    currentStepName: '部门负责人审核',
    createdAt: '2026-03-02T01:00:00Z',
    decidedAt: null,
    subjectType: null,
    subjectId: null,
    data: { content: '拟于下月举办校园开放日，需借用操场及礼堂。' },
    steps: [
      { name: '部门负责人审核', approvers: { type: 'department-head' }, mode: 'any', timeLimitHours: 48 },
      { name: '校领导审批', approvers: { type: 'role', role: 'school-leader' }, mode: 'any', timeLimitHours: 72 },
    ],
    currentStep: 0,
    round: 1,
    tasks: [
      {
        id: 't1',
        round: 1,
        stepIndex: 0,
        assignee: { id: 'u-head', name: '王主任' },
        status: 'pending',
        comment: null,
        dueAt: '2026-03-04T01:00:00Z',
        decidedAt: null,
      },
    ],
    events: [
      {
        id: '1',
        round: 1,
        stepIndex: 0,
        actor: { id: 'u-applicant', name: '李老师' },
        action: 'submit',
        comment: null,
        targets: [],
        at: '2026-03-02T01:00:00Z',
      },
    ],
    copiedTo: [],
    allowedActions,
  };
}

async function renderDetail(request: ApprovalRequest) {
  const pinia = createPinia();
  setActivePinia(pinia);
  vi.spyOn(api, 'GET').mockResolvedValue({ data: request, error: undefined, response: new Response() } as unknown as GetResult);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/approvals', name: 'approvals', component: Page },
      { path: '/approvals/:id', name: 'approval-detail', component: ApprovalDetailView },
    ],
  });
  await router.push(`/approvals/${request.id}`);
  const wrapper = mount(ApprovalDetailView, { global: { plugins: [pinia, i18n, router] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

function buttons(wrapper: Awaited<ReturnType<typeof renderDetail>>): string[] {
  return wrapper
    .findAll('[data-testid^="approval-action-"]')
    .map((button) => button.attributes('data-testid')!.slice('approval-action-'.length));
}

describe('approval detail', () => {
  beforeEach(() => {
    setLocale('zh-CN');
    vi.restoreAllMocks();
  });

  it('PLT-2 shows the approver exactly the buttons of allowedActions', async () => {
    const wrapper = await renderDetail(requestWith(['approve', 'reject', 'return', 'transfer', 'copy']));
    expect(buttons(wrapper)).toEqual(['approve', 'reject', 'return', 'transfer', 'copy']);
    wrapper.unmount();
  });

  it('PLT-2 shows the applicant only withdraw and copy while pending, and no button once final', async () => {
    const applicant = await renderDetail(requestWith(['withdraw', 'copy']));
    expect(buttons(applicant)).toEqual(['withdraw', 'copy']);
    applicant.unmount();

    const decided = await renderDetail(requestWith([], 'rejected'));
    expect(buttons(decided)).toEqual([]);
    decided.unmount();
  });

  it('PLT-2 shows the request, its steps with their tasks, and the record', async () => {
    const wrapper = await renderDetail(requestWith(['approve']));
    expect(wrapper.get('[data-testid="approval-title"]').text()).toBe('关于举办校园开放日活动的请示');
    expect(wrapper.get('[data-testid="approval-content"]').text()).toContain('校园开放日');
    expect(wrapper.get('[data-testid="approval-step-state-0"]').text()).toBe('进行中');
    expect(wrapper.get('[data-testid="approval-step-state-1"]').text()).toBe('未开始');
    expect(wrapper.get('[data-testid="approval-step-0"]').text()).toContain('王主任');
    expect(wrapper.get('[data-testid="approval-events"]').text()).toContain('李老师');
    wrapper.unmount();
  });
});
