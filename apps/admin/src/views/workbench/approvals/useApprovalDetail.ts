import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { errorCode, notifyApiError } from '../../../api/errors';
import type { ApprovalRequest, EntityId } from '../../../api/types';
import { useWorkbenchStore } from '../../../stores/workbench';

/** One action on a request, with what it sends. */
export type ActionCall =
  | { action: 'approve'; comment?: string }
  | { action: 'reject'; reason: string }
  | { action: 'return'; reason: string }
  | { action: 'resubmit'; title?: string; content?: string }
  | { action: 'withdraw' }
  | { action: 'transfer'; toUserId: EntityId; comment?: string }
  | { action: 'copy'; userIds: EntityId[] };

export type ActionResult = { ok: true } | { ok: false; error: unknown };

/**
 * Answers that mean the request moved on under the person's feet (someone else decided, it was
 * withdrawn, it is gone): nothing to correct in the form, so the page reloads to show where it
 * stands now.
 */
const STALE_CODES: readonly string[] = [
  'APPROVAL_STEP_DECIDED',
  'APPROVAL_ILLEGAL_ACTION',
  'APPROVAL_ALREADY_DECIDED',
  'APPROVAL_NOT_APPLICANT',
  'APPROVAL_NOT_PARTY',
  PLATFORM_ERRORS.NOT_FOUND,
];

export function isStaleAnswer(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && STALE_CODES.includes(code);
}

function call(id: string, input: ActionCall) {
  const path = { params: { path: { id } } };
  switch (input.action) {
    case 'approve':
      return api.POST('/api/v1/approvals/requests/{id}/approve', { ...path, body: { comment: input.comment || undefined } });
    case 'reject':
      return api.POST('/api/v1/approvals/requests/{id}/reject', { ...path, body: { reason: input.reason } });
    case 'return':
      return api.POST('/api/v1/approvals/requests/{id}/return', { ...path, body: { reason: input.reason } });
    case 'resubmit':
      return api.POST('/api/v1/approvals/requests/{id}/resubmit', { ...path, body: { title: input.title, content: input.content } });
    case 'withdraw':
      return api.POST('/api/v1/approvals/requests/{id}/withdraw', path);
    case 'transfer':
      return api.POST('/api/v1/approvals/requests/{id}/transfer', {
        ...path,
        body: { toUserId: String(input.toUserId), comment: input.comment || undefined },
      });
    case 'copy':
      return api.POST('/api/v1/approvals/requests/{id}/copy', { ...path, body: { userIds: input.userIds.map(String) } });
  }
}

/** An approval request's page (PLT-2): the request, and its actions, each answered with the request as it now stands. */
export function useApprovalDetail(id: () => string) {
  const { t } = useI18n();
  const workbench = useWorkbenchStore();
  const request = ref<ApprovalRequest | null>(null);
  const loading = ref(false);
  const missing = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error, response } = await api.GET('/api/v1/approvals/requests/{id}', { params: { path: { id: id() } } });
      if (!data) {
        if (response.status === 404 || response.status === 400) missing.value = true;
        notifyApiError(error);
        return;
      }
      missing.value = false;
      request.value = data;
    } finally {
      loading.value = false;
    }
  }

  /**
   * Runs an action. Success shows the request as the API answered it and refreshes the header's
   * counts (a decided task leaves the inbox). A stale request reloads; other failures go back to
   * the form that asked, for its field errors.
   */
  async function perform(input: ActionCall): Promise<ActionResult> {
    const { data, error } = await call(id(), input);
    if (data) {
      request.value = data;
      const doneKey = `approvalActions.done${input.action[0]!.toUpperCase()}${input.action.slice(1)}`;
      ElMessage.success(t(doneKey));
      void workbench.refresh();
      return { ok: true };
    }
    if (isStaleAnswer(error)) {
      notifyApiError(error);
      void load();
      void workbench.refresh();
    }
    return { ok: false, error };
  }

  return { request, loading, missing, load, perform };
}
