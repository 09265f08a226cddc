import { reactive, ref } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { Backup } from '../../../api/platformTypes';
import { i18n } from '../../../i18n';
import { followBackup, type PendingBackup } from './backupPresentation';

/** Seconds between looks at the list while a requested backup runs. */
const POLL_MS = 3000;
/** A backup not finished after this long is left to the person to look at later. */
const GIVE_UP_MS = 15 * 60_000;

/** The backup history (NFR-8): the page shown, "back up now" followed to its end, "verify again". */
export function useBackupList() {
  const { t } = i18n.global;
  const query = reactive({ page: 1, pageSize: PAGE_SIZE_DEFAULT });
  const rows = ref<Backup[]>([]);
  const total = ref(0);
  const totalCapped = ref(false);
  const loading = ref(false);

  async function load(options: { silent?: boolean } = {}): Promise<boolean> {
    if (!options.silent) loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/backups', { params: { query: { page: query.page, pageSize: query.pageSize } } });
      if (!data) {
        if (!options.silent) notifyApiError(error);
        return false;
      }
      rows.value = data.items;
      total.value = data.total;
      totalCapped.value = data.totalCapped;
      return true;
    } finally {
      loading.value = false;
    }
  }

  const requesting = ref(false);
  /** The backup asked for here, until it has finished. */
  const pending = ref<PendingBackup | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;

  function stopFollowing(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    pending.value = null;
  }

  async function follow(): Promise<void> {
    const current = pending.value;
    if (!current) return;
    query.page = 1;
    if (await load({ silent: true })) {
      const outcome = followBackup(rows.value, current);
      if (typeof outcome === 'object') {
        stopFollowing();
        if (outcome.status === 'completed') {
          ElMessage.success(outcome.verification === 'passed' ? t('backups.finishedVerified') : t('backups.finished'));
        } else ElMessage.error(t('backups.failedNow', { error: outcome.error ?? '' }));
        return;
      }
    }
    if (Date.now() - current.requestedAt > GIVE_UP_MS) {
      stopFollowing();
      ElMessage.info(t('backups.gaveUp'));
      return;
    }
    timer = setTimeout(() => void follow(), POLL_MS);
  }

  /** Queues a backup (202) and watches the list until a new row has completed or failed. */
  async function backUpNow(): Promise<void> {
    requesting.value = true;
    try {
      query.page = 1;
      await load({ silent: true });
      const knownIds = new Set(rows.value.map((row) => row.id));
      const requestedAt = Date.now();
      const { error, response } = await api.POST('/api/v1/backups');
      if (!response.ok) {
        notifyApiError(error);
        return;
      }
      ElMessage.success(t('backups.queued'));
      stopFollowing();
      pending.value = { knownIds, requestedAt };
      timer = setTimeout(() => void follow(), 1000);
    } finally {
      requesting.value = false;
    }
  }

  /** Ids of the backups being verified right now. */
  const verifying = ref(new Set<string>());

  async function verifyAgain(backup: Backup): Promise<void> {
    verifying.value = new Set([...verifying.value, backup.id]);
    try {
      const { data, error } = await api.POST('/api/v1/backups/{id}/verify', { params: { path: { id: backup.id } } });
      if (!data) {
        notifyApiError(error);
        return;
      }
      rows.value = rows.value.map((row) => (row.id === data.id ? data : row));
      if (data.verification === 'passed') ElMessage.success(t('backups.verificationPassed'));
      else ElMessage.error(t('backups.verifyFailedMessage', { error: data.error ?? '' }));
    } finally {
      const next = new Set(verifying.value);
      next.delete(backup.id);
      verifying.value = next;
    }
  }

  return { query, rows, total, totalCapped, loading, load, requesting, pending, backUpNow, stopFollowing, verifying, verifyAgain };
}
