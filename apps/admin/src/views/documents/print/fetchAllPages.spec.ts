import { describe, expect, it, vi } from 'vitest';
import { fetchAllPages } from './fetchAllPages';

/** A list of `count` rows served in pages, as the API does. */
function server(count: number, capped = false) {
  return vi.fn(async (page: number, pageSize: number) => {
    const items = Array.from({ length: count }, (_, i) => i + 1).slice((page - 1) * pageSize, page * pageSize);
    return { data: { items, total: count, totalCapped: capped } };
  });
}

describe('fetchAllPages', () => {
  it('DOC-12 a printed register holds every matching row, not only the page on screen', async () => {
    const fetchPage = server(250);
    const all = await fetchAllPages(fetchPage, vi.fn());
    expect(all?.rows).toHaveLength(250);
    expect(all?.rows.at(-1)).toBe(250);
    expect(all?.truncated).toBe(false);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('DOC-12 stops at the print limit and says the sheet was cut', async () => {
    const all = await fetchAllPages(server(450), vi.fn(), 300);
    expect(all?.rows).toHaveLength(300);
    expect(all?.truncated).toBe(true);
    const exact = await fetchAllPages(server(300), vi.fn(), 300);
    expect(exact).toMatchObject({ truncated: false });
    expect(exact?.rows).toHaveLength(300);
  });

  it('DOC-12 an empty register is one call and no rows; a failing page reports its error', async () => {
    expect(await fetchAllPages(server(0), vi.fn())).toEqual({ rows: [], truncated: false });
    const onError = vi.fn();
    const failing = vi.fn(async () => ({ error: { code: 'X' } }));
    expect(await fetchAllPages(failing, onError)).toBeUndefined();
    expect(onError).toHaveBeenCalledWith({ code: 'X' });
  });
});
