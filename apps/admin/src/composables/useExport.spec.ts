import { beforeEach, describe, expect, it, vi } from 'vitest';

const { get, saveBlob } = vi.hoisted(() => ({ get: vi.fn(), saveBlob: vi.fn() }));
vi.mock('../api/client', () => ({ api: { GET: get } }));
vi.mock('../utils/download', async (original) => ({ ...(await original<typeof import('../utils/download')>()), saveBlob }));

import { setLocale } from '../i18n';
import { exportNotice, readExportHeaders, useExport } from './useExport';

function xlsxAnswer(headers: Record<string, string>) {
  const data = new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  return { data, response: new Response(null, { status: 200, headers }) };
}

describe('Excel export', () => {
  beforeEach(() => {
    setLocale('en');
    get.mockReset();
    saveBlob.mockReset();
  });

  it('PLT-7 reads the row count and the truncation flag of the sheet', () => {
    expect(readExportHeaders(new Headers({ 'X-Export-Rows': '1234', 'X-Export-Truncated': 'false' }))).toEqual({
      rows: 1234,
      truncated: false,
    });
    expect(readExportHeaders(new Headers({ 'X-Export-Rows': '100000', 'X-Export-Truncated': 'true' }))).toEqual({
      rows: 100000,
      truncated: true,
    });
    expect(readExportHeaders(new Headers())).toEqual({ rows: null, truncated: false });
  });

  it('PLT-7 warns when the sheet was cut at the export limit, and says how many rows otherwise', () => {
    expect(exportNotice({ rows: 100000, truncated: true })).toEqual({
      type: 'warning',
      message: expect.stringContaining('only the first 100000 rows'),
    });
    expect(exportNotice({ rows: 12, truncated: false })).toEqual({ type: 'success', message: '12 row(s) exported' });
    setLocale('zh-CN');
    expect(exportNotice({ rows: 5000, truncated: true }).message).toContain('只导出了前 5000 行');
  });

  it('PLT-7 asks the list route for xlsx with the same filters and saves under the server’s name', async () => {
    get.mockResolvedValue(
      xlsxAnswer({
        'Content-Disposition': `attachment; filename="users-20261008.xlsx"; filename*=UTF-8''${encodeURIComponent('账号-20261008.xlsx')}`,
        'X-Export-Rows': '3',
        'X-Export-Truncated': 'false',
      }),
    );
    const { exportXlsx, exporting } = useExport();
    const summary = await exportXlsx('/api/v1/org/users', { q: 'li', active: true }, 'users');

    expect(get).toHaveBeenCalledWith('/api/v1/org/users', {
      params: { query: { q: 'li', active: true, format: 'xlsx' } },
      parseAs: 'blob',
    });
    expect(summary).toEqual({ fileName: '账号-20261008.xlsx', rows: 3, truncated: false });
    expect(saveBlob).toHaveBeenCalledWith(expect.any(Blob), '账号-20261008.xlsx');
    expect(exporting.value).toBe(false);
  });

  it('PLT-7 reports a truncated export to the caller', async () => {
    get.mockResolvedValue(xlsxAnswer({ 'X-Export-Rows': '50000', 'X-Export-Truncated': 'true' }));
    const summary = await useExport().exportXlsx('/api/v1/audit/logs', {}, 'audit');
    expect(summary?.truncated).toBe(true);
    expect(summary?.fileName).toMatch(/^audit-\d{8}\.xlsx$/);
  });

  it('PLT-7 saves nothing when the API refuses', async () => {
    get.mockResolvedValue({
      error: { statusCode: 403, code: 'FORBIDDEN', message: 'no' },
      response: new Response(null, { status: 403 }),
    });
    expect(await useExport().exportXlsx('/api/v1/org/users', {})).toBeNull();
    expect(saveBlob).not.toHaveBeenCalled();
  });
});
