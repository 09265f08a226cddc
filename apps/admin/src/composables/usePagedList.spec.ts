import { describe, expect, it, vi } from 'vitest';

vi.mock('../api/errors', () => ({ notifyApiError: vi.fn() }));
import { notifyApiError } from '../api/errors';
import { usePagedList } from './usePagedList';

describe('usePagedList', () => {
  it('PLT-3 loads the page the query names, and a search starts again at page 1', async () => {
    const asked: number[] = [];
    const list = usePagedList({ q: '', page: 3, pageSize: 20 }, async (query) => {
      asked.push(query.page);
      return { data: { items: [{ id: query.page }], total: 41, totalCapped: false } };
    });
    await list.load();
    expect(list.rows.value).toEqual([{ id: 3 }]);
    expect([list.total.value, list.totalCapped.value, list.loading.value]).toEqual([41, false, false]);
    list.query.q = '通知';
    list.search();
    await vi.waitFor(() => expect(list.rows.value).toEqual([{ id: 1 }]));
    expect(asked).toEqual([3, 1]);
  });

  it('NFR-2 shows the API error and keeps the rows it had', async () => {
    const list = usePagedList({ page: 1, pageSize: 20 }, async () => ({ error: { statusCode: 403, code: 'FORBIDDEN', message: 'no' } }));
    list.rows.value = [{ id: 'kept' }];
    await list.load();
    expect(notifyApiError).toHaveBeenCalledWith({ statusCode: 403, code: 'FORBIDDEN', message: 'no' });
    expect(list.rows.value).toEqual([{ id: 'kept' }]);
    expect(list.loading.value).toBe(false);
  });
});
