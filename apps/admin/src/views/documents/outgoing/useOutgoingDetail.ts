import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { DOCUMENT_ERRORS, OUTGOING_ERRORS, PLATFORM_ERRORS, type TransferMethod } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { errorCode, notifyApiError } from '../../../api/errors';
import { useWorkbenchStore } from '../../../stores/workbench';
import type { DistributionBody, LintRule, OutgoingDocument } from './outgoingPresentation';

type NoteAction = 'submit' | 'check' | 'request-signoff' | 'review' | 'proofread' | 'seal' | 'file';

/** One action on an outgoing document, with what it sends. */
export type OutgoingCall =
  | { action: NoteAction; note?: string }
  | { action: 'return'; reason: string }
  | { action: 'request-countersign'; countersigners: ({ departmentId: string } | { userId: string })[]; note?: string }
  | { action: 'countersign'; agree: boolean; opinion?: string }
  | { action: 'register'; prefixId: string; copies?: number; distribution: DistributionBody }
  | { action: 'print'; note?: string; printingOrg?: string; printedOn?: string }
  | { action: 'distribute'; note?: string; methods: { distributionId: string; method: TransferMethod }[] }
  | { action: 'confirm-distribution'; distributionId: string; receiptName?: string };

export type OutgoingResult = { ok: true } | { ok: false; error: unknown };

/** Answers meaning the document moved on meanwhile: nothing to correct, the page reloads. */
const STALE_CODES: readonly string[] = [DOCUMENT_ERRORS.ILLEGAL_TRANSITION, PLATFORM_ERRORS.NOT_FOUND, PLATFORM_ERRORS.VERSION_CONFLICT];

export function isStaleOutgoingAnswer(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && STALE_CODES.includes(code);
}

function call(id: string, input: OutgoingCall) {
  const path = { params: { path: { id } } };
  switch (input.action) {
    case 'submit':
      return api.POST('/api/v1/documents/outgoing/{id}/submit', { ...path, body: { note: input.note } });
    case 'check':
      return api.POST('/api/v1/documents/outgoing/{id}/check', { ...path, body: { note: input.note } });
    case 'request-signoff':
      return api.POST('/api/v1/documents/outgoing/{id}/request-signoff', { ...path, body: { note: input.note } });
    case 'review':
      return api.POST('/api/v1/documents/outgoing/{id}/review', { ...path, body: { note: input.note } });
    case 'proofread':
      return api.POST('/api/v1/documents/outgoing/{id}/proofread', { ...path, body: { note: input.note } });
    case 'seal':
      return api.POST('/api/v1/documents/outgoing/{id}/seal', { ...path, body: { note: input.note } });
    case 'file':
      return api.POST('/api/v1/documents/outgoing/{id}/file', { ...path, body: { note: input.note } });
    case 'return':
      return api.POST('/api/v1/documents/outgoing/{id}/return', { ...path, body: { reason: input.reason } });
    case 'request-countersign':
      return api.POST('/api/v1/documents/outgoing/{id}/request-countersign', {
        ...path,
        body: { countersigners: input.countersigners, note: input.note },
      });
    case 'countersign':
      return api.POST('/api/v1/documents/outgoing/{id}/countersign', { ...path, body: { agree: input.agree, opinion: input.opinion } });
    case 'register':
      return api.POST('/api/v1/documents/outgoing/{id}/register', {
        ...path,
        body: { prefixId: input.prefixId, copies: input.copies, distribution: input.distribution },
      });
    case 'print':
      return api.POST('/api/v1/documents/outgoing/{id}/print', {
        ...path,
        body: { note: input.note, printingOrg: input.printingOrg, printedOn: input.printedOn },
      });
    case 'distribute':
      return api.POST('/api/v1/documents/outgoing/{id}/distribute', { ...path, body: { note: input.note, methods: input.methods } });
    case 'confirm-distribution':
      return api.POST('/api/v1/documents/outgoing/{id}/distributions/{distributionId}/confirm', {
        params: { path: { id, distributionId: input.distributionId } },
        body: { receiptName: input.receiptName },
      });
  }
}

/** An outgoing document's page: the document, the lint's rules, and its actions, each answered with the document as it now stands. */
export function useOutgoingDetail(id: () => string) {
  const { t } = useI18n();
  const workbench = useWorkbenchStore();
  const document = ref<OutgoingDocument | null>(null);
  const rules = ref<LintRule[]>([]);
  const loading = ref(false);
  const missing = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error, response } = await api.GET('/api/v1/documents/outgoing/{id}', { params: { path: { id: id() } } });
      if (!data) {
        if (response.status === 404 || response.status === 400) missing.value = true;
        notifyApiError(error);
        return;
      }
      missing.value = false;
      document.value = data;
    } finally {
      loading.value = false;
    }
  }

  /** The standard's rules, listed by name in the lint panel (everyone signed in may read them). */
  async function loadRules(): Promise<void> {
    if (rules.value.length > 0) return;
    const { data } = await api.GET('/api/v1/documents/outgoing/lint-rules');
    if (data) rules.value = data;
  }

  async function perform(input: OutgoingCall): Promise<OutgoingResult> {
    const { data, error } = await call(id(), input);
    if (data) {
      document.value = data;
      ElMessage.success(t('documents.done'));
      void workbench.refresh();
      return { ok: true };
    }
    if (isStaleOutgoingAnswer(error)) {
      notifyApiError(error);
      void load();
    }
    // The lint refused it (its findings come back by field): the panel shows the draft's lint as it now stands.
    if (errorCode(error) === OUTGOING_ERRORS.LINT_FAILED) void load();
    return { ok: false, error };
  }

  /** After an edit: the document as saved. */
  function replace(next: OutgoingDocument): void {
    document.value = next;
  }

  return { document, rules, loading, missing, load, loadRules, perform, replace };
}
