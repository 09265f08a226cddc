import { ref } from 'vue';
import { i18n } from '../../../i18n';
import { notifyEventError, type EventDetail } from './eventTypes';

/** Runs a call that answers the event, hands the fresh event on, and says it is done (or why not). */
export function useEventCall(changed: (event: EventDetail) => void) {
  const busy = ref(false);
  async function run(call: Promise<{ data?: EventDetail; error?: unknown }>, doneKey?: string): Promise<boolean> {
    busy.value = true;
    try {
      const { data, error } = await call;
      if (!data) {
        notifyEventError(error);
        return false;
      }
      changed(data);
      if (doneKey) ElMessage.success(i18n.global.t(doneKey));
      return true;
    } finally {
      busy.value = false;
    }
  }
  return { busy, run };
}
