import { reactive } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import type { JobRun, JobState } from '../../../api/platformTypes';
import { usePagedList } from '../../../composables/usePagedList';

/** Recent jobs (PLT-8), newest first, filtered by queue and state; a drawer shows one run's output. */
export function useJobRunList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList(
    {
      q: '',
      queue: undefined as string | undefined,
      state: undefined as JobState | undefined,
      page: 1,
      pageSize: PAGE_SIZE_DEFAULT,
    },
    (query) =>
      api.GET('/api/v1/jobs/runs', {
        params: {
          query: {
            page: query.page,
            pageSize: query.pageSize,
            q: query.q.trim() || undefined,
            queue: query.queue || undefined,
            state: query.state || undefined,
          },
        },
      }),
  );

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
