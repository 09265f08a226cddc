import { ref } from 'vue';
import { PLATFORM_ERRORS, RETENTION_ERRORS, schoolDateOf, type DestructionMethod } from '@xiaoban/shared';
import { api } from '../../api/client';
import { errorCode, notifyApiError } from '../../api/errors';
import { datedName, fileNameFromContentDisposition, saveBlob } from '../../utils/download';
import type { DestructionList } from './destructionPresentation';

export interface DestructionRecordInput {
  method: DestructionMethod;
  destroyedOn: string;
  location: string;
  note?: string;
  witnessIds: string[];
}

/** Answers meaning the list moved on meanwhile: the page reloads. */
const STALE: readonly string[] = [RETENTION_ERRORS.ILLEGAL_TRANSITION, PLATFORM_ERRORS.VERSION_CONFLICT, PLATFORM_ERRORS.NOT_FOUND];

/** One destruction list's page: the list, and its moves, each answered with the list as it now stands. */
export function useDestructionList(id: () => string) {
  const list = ref<DestructionList | null>(null);
  const loading = ref(false);
  const busy = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/retention/destruction-lists/{id}', { params: { path: { id: id() } } });
      if (data) list.value = data;
      else notifyApiError(error);
    } finally {
      loading.value = false;
    }
  }

  /** Runs one call; true when it went through. A stale answer reloads the list. */
  async function run(call: () => Promise<{ data?: DestructionList; error?: unknown }>): Promise<boolean> {
    busy.value = true;
    try {
      const { data, error } = await call();
      if (data) {
        list.value = data;
        return true;
      }
      notifyApiError(error);
      const code = errorCode(error);
      if (code && STALE.includes(code)) await load();
      return false;
    } finally {
      busy.value = false;
    }
  }

  const path = () => ({ params: { path: { id: id() } } });
  const version = () => list.value?.version ?? 1;

  return {
    list,
    loading,
    busy,
    load,
    removeItems: (itemIds: string[]) =>
      run(() => api.PATCH('/api/v1/retention/destruction-lists/{id}', { ...path(), body: { removeItemIds: itemIds, version: version() } })),
    submit: () => run(() => api.POST('/api/v1/retention/destruction-lists/{id}/submit', { ...path(), body: { version: version() } })),
    revise: () => run(() => api.POST('/api/v1/retention/destruction-lists/{id}/revise', { ...path(), body: { version: version() } })),
    record: (input: DestructionRecordInput) =>
      run(() => api.POST('/api/v1/retention/destruction-lists/{id}/record', { ...path(), body: { ...input, version: version() } })),
    confirmWitness: () => run(() => api.POST('/api/v1/retention/destruction-lists/{id}/witness', path())),
    complete: () => run(() => api.POST('/api/v1/retention/destruction-lists/{id}/complete', { ...path(), body: { version: version() } })),
    /** The list as an Excel sheet. */
    async exportXlsx(): Promise<void> {
      const { data, error, response } = await api.GET('/api/v1/retention/destruction-lists/{id}/items', {
        params: { path: { id: id() }, query: { format: 'xlsx' } as never },
        parseAs: 'blob',
      });
      if (!response.ok || !data) {
        notifyApiError(error);
        return;
      }
      const fallback = datedName('destruction-list', schoolDateOf(new Date()), 'xlsx');
      saveBlob(data as Blob, fileNameFromContentDisposition(response.headers.get('Content-Disposition'), fallback));
    },
  };
}
