import { reactive, ref } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { JobRun, JobState } from '../../../api/platformTypes';

/** Recent jobs (PLT-8), newest first, filtered by queue and state; a drawer shows one run's output. */
export function useJobRunList() {
  const query = reactive({
    q: '',
    queue: undefined as string | undefined,
    state: undefined as JobState | undefined,
    page: 1,
    pageSize: PAGE_SIZE_DEFAULT,
  });
  const rows = ref<JobRun[]>([]);
  const total = ref(0);
  const totalCapped = ref(false);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/jobs/runs', {
        params: {
          query: {
            page: query.page,
            pageSize: query.pageSize,
            q: query.q.trim() || undefined,
            queue: query.queue || undefined,
            state: query.state || undefined,
          },
        },
      });
      if (!data) {
        notifyApiError(error);
        return;
      }
      rows.value = data.items;
      total.value = data.total;
      totalCapped.value = data.totalCapped;
    } finally {
      loading.value = false;
    }
  }

  function search(): void {
    query.page = 1;
    void load();
  }

  function resetFilters(): void {
    query.q = '';
    query.queue = undefined;
    query.state = undefined;
    search();
  }

  /** Shows the runs of one queue, e.g. after "run now" or from a schedule's last failure. */
  function showQueue(queue: string, state?: JobState): void {
    query.q = '';
    query.queue = queue;
    query.state = state;
    search();
  }

  const detail = reactive({ visible: false, run: null as JobRun | null });

  function openDetail(run: JobRun): void {
    detail.run = run;
    detail.visible = true;
  }

  return { query, rows, total, totalCapped, loading, load, search, resetFilters, showQueue, detail, openDetail };
}
