import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { DOCUMENT_ERRORS, PLATFORM_ERRORS } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { errorCode, notifyApiError } from '../../../api/errors';
import { useWorkbenchStore } from '../../../stores/workbench';
import type { IncomingDocument, IncomingReceiver } from './incomingPresentation';

/** One action on a document, with what it sends. */
export type DocumentCall =
  | { action: 'register' | 'review' | 'remind' | 'complete' | 'file' | 'confirm'; note?: string }
  | { action: 'return'; reason: string }
  | { action: 'propose'; proposal: string; leaderId?: string }
  | { action: 'instruct'; instruction: string }
  | { action: 'route'; receivers: IncomingReceiver[]; handlingDays?: number; note?: string }
  | { action: 'opinion'; opinion: string };

export type DocumentResult = { ok: true } | { ok: false; error: unknown };

/** Answers meaning the document moved on meanwhile: nothing to correct, the page reloads. */
const STALE_CODES: readonly string[] = [DOCUMENT_ERRORS.ILLEGAL_TRANSITION, PLATFORM_ERRORS.NOT_FOUND];

export function isStaleDocumentAnswer(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && STALE_CODES.includes(code);
}

function call(id: string, input: DocumentCall) {
  const path = { params: { path: { id } } };
  switch (input.action) {
    case 'register':
      return api.POST('/api/v1/documents/incoming/{id}/register', { ...path, body: { note: input.note } });
    case 'review':
      return api.POST('/api/v1/documents/incoming/{id}/review', { ...path, body: { note: input.note } });
    case 'remind':
      return api.POST('/api/v1/documents/incoming/{id}/remind', { ...path, body: { note: input.note } });
    case 'complete':
      return api.POST('/api/v1/documents/incoming/{id}/complete', { ...path, body: { note: input.note } });
    case 'file':
      return api.POST('/api/v1/documents/incoming/{id}/file', { ...path, body: { note: input.note } });
    case 'confirm':
      return api.POST('/api/v1/documents/incoming/{id}/confirm', { ...path, body: { note: input.note } });
    case 'return':
      return api.POST('/api/v1/documents/incoming/{id}/return', { ...path, body: { reason: input.reason } });
    case 'propose':
      return api.POST('/api/v1/documents/incoming/{id}/propose', { ...path, body: { proposal: input.proposal, leaderId: input.leaderId } });
    case 'instruct':
      return api.POST('/api/v1/documents/incoming/{id}/instruct', { ...path, body: { instruction: input.instruction } });
    case 'route':
      return api.POST('/api/v1/documents/incoming/{id}/route', {
        ...path,
        body: { receivers: input.receivers, handlingDays: input.handlingDays, note: input.note },
      });
    case 'opinion':
      return api.POST('/api/v1/documents/incoming/{id}/opinion', { ...path, body: { opinion: input.opinion } });
  }
}

/** An incoming document's page: the document, and its actions, each answered with the document as it now stands. */
export function useIncomingDetail(id: () => string) {
  const { t } = useI18n();
  const workbench = useWorkbenchStore();
  const document = ref<IncomingDocument | null>(null);
  const loading = ref(false);
  const missing = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error, response } = await api.GET('/api/v1/documents/incoming/{id}', { params: { path: { id: id() } } });
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

  async function perform(input: DocumentCall): Promise<DocumentResult> {
    const { data, error } = await call(id(), input);
    if (data) {
      document.value = data;
      ElMessage.success(t('documents.done'));
      void workbench.refresh();
      return { ok: true };
    }
    if (isStaleDocumentAnswer(error)) {
      notifyApiError(error);
      void load();
    }
    return { ok: false, error };
  }

  return { document, loading, missing, load, perform };
}
