import { ref } from 'vue';
import { defineStore } from 'pinia';
import { api } from '../api/client';

/** How often the header's counts are fetched again (PLT-3: the to-do badge). */
export const COUNTS_POLL_INTERVAL_MS = 60_000;

/**
 * The counts the header shows on every page: open to-do items (and how many are overdue) and
 * unread messages. Polled every minute while the panel is open, and refreshed at once after
 * anything that changes them (an approval decided, a message opened).
 */
export const useWorkbenchStore = defineStore('workbench', () => {
  const todo = ref(0);
  const overdue = ref(0);
  const unread = ref(0);
  let timer: ReturnType<typeof setInterval> | null = null;
  let inFlight: Promise<void> | null = null;

  /** Fetches both counts; a failed fetch keeps the last known counts (the next poll tries again). */
  function refresh(): Promise<void> {
    inFlight ??= (async () => {
      try {
        const [counts, messages] = await Promise.all([api.GET('/api/v1/inbox/counts'), api.GET('/api/v1/messages/unread-count')]);
        if (counts.data) {
          todo.value = counts.data.todo;
          overdue.value = counts.data.overdue;
        }
        if (messages.data) unread.value = messages.data.unread;
      } catch {
        // Offline for a moment: keep what we had.
      }
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  /** A hidden tab does not poll; it catches up as soon as it is shown again. */
  function onVisibilityChange(): void {
    if (typeof document !== 'undefined' && !document.hidden) void refresh();
  }

  function startPolling(intervalMs = COUNTS_POLL_INTERVAL_MS): void {
    stopPolling();
    void refresh();
    timer = setInterval(() => {
      if (typeof document === 'undefined' || !document.hidden) void refresh();
    }, intervalMs);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibilityChange);
  }

  function stopPolling(): void {
    if (timer !== null) clearInterval(timer);
    timer = null;
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibilityChange);
  }

  /** Forgets the counts (signing out), so the next person does not see them. */
  function reset(): void {
    stopPolling();
    todo.value = 0;
    overdue.value = 0;
    unread.value = 0;
  }

  return { todo, overdue, unread, refresh, startPolling, stopPolling, reset };
});
