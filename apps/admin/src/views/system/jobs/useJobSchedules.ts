import { reactive, ref } from 'vue';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { JobSchedule } from '../../../api/platformTypes';

/** The schedule registry (PLT-8): every cron schedule with its next tick, last run and last failure. */
export function useJobSchedules() {
  const schedules = ref<JobSchedule[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/jobs/schedules');
      if (!data) {
        notifyApiError(error);
        return;
      }
      schedules.value = data;
    } finally {
      loading.value = false;
    }
  }

  const runner = reactive({ visible: false, schedule: null as JobSchedule | null });

  function openRunNow(schedule: JobSchedule): void {
    runner.schedule = schedule;
    runner.visible = true;
  }

  return { schedules, loading, load, runner, openRunNow };
}
