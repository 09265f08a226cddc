import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { api } from '../api/client';
import { COUNTS_POLL_INTERVAL_MS, useWorkbenchStore } from './workbench';

type GetResult = Awaited<ReturnType<typeof api.GET>>;

function answer(data: unknown): GetResult {
  return { data, error: undefined, response: new Response() } as unknown as GetResult;
}

describe('workbench counts', () => {
  let counts = { todo: 0, overdue: 0 };
  let unread = 0;

  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
    counts = { todo: 2, overdue: 1 };
    unread = 3;
    vi.spyOn(api, 'GET').mockImplementation((async (path: string) =>
      answer(path === '/api/v1/inbox/counts' ? { ...counts } : { unread })) as unknown as typeof api.GET);
  });

  afterEach(() => {
    useWorkbenchStore().reset();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('PLT-3 loads the to-do and unread counts at once, then every 60 seconds', async () => {
    const store = useWorkbenchStore();
    store.startPolling();
    await vi.advanceTimersByTimeAsync(0);
    expect([store.todo, store.overdue, store.unread]).toEqual([2, 1, 3]);

    counts = { todo: 5, overdue: 0 };
    await vi.advanceTimersByTimeAsync(COUNTS_POLL_INTERVAL_MS - 1);
    expect(store.todo).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect([store.todo, store.overdue]).toEqual([5, 0]);
    expect(COUNTS_POLL_INTERVAL_MS).toBe(60_000);
  });

  it('PLT-3 refreshes at once when asked (after an approval is decided) and stops polling on sign-out', async () => {
    const store = useWorkbenchStore();
    store.startPolling();
    await vi.advanceTimersByTimeAsync(0);
    counts = { todo: 1, overdue: 0 };
    await store.refresh();
    expect(store.todo).toBe(1);

    store.reset();
    expect([store.todo, store.unread]).toEqual([0, 0]);
    const calls = vi.mocked(api.GET).mock.calls.length;
    await vi.advanceTimersByTimeAsync(COUNTS_POLL_INTERVAL_MS * 3);
    expect(vi.mocked(api.GET).mock.calls.length).toBe(calls);
  });

  it('PLT-3 keeps the last counts when a poll fails', async () => {
    const store = useWorkbenchStore();
    await store.refresh();
    vi.mocked(api.GET).mockResolvedValue({ data: undefined, error: { statusCode: 500 }, response: new Response() } as unknown as GetResult);
    await store.refresh();
    expect([store.todo, store.unread]).toEqual([2, 3]);
  });
});
