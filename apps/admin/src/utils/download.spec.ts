import { describe, expect, it } from 'vitest';
import { datedName, fileNameFromContentDisposition, formatBytes } from './download';

describe('file names and sizes of downloads', () => {
  it('PLT-5 takes the UTF-8 name from filename* before the ASCII fallback', () => {
    const header = `attachment; filename="______-20261008.xlsx"; filename*=UTF-8''${encodeURIComponent('账号-20261008.xlsx')}`;
    expect(fileNameFromContentDisposition(header, 'fallback.xlsx')).toBe('账号-20261008.xlsx');
  });

  it('PLT-5 reads filename* quoted, with a language tag, or in ISO-8859-1', () => {
    expect(fileNameFromContentDisposition(`attachment; filename*="UTF-8''r%C3%A9sum%C3%A9.pdf"`, 'x')).toBe('résumé.pdf');
    expect(fileNameFromContentDisposition(`attachment; filename*=utf-8'zh'%E6%A0%A1%E5%8E%86.pdf`, 'x')).toBe('校历.pdf');
    expect(fileNameFromContentDisposition(`attachment; filename*=ISO-8859-1''caf%E9.txt`, 'x')).toBe('café.txt');
  });

  it('PLT-5 falls back to filename, quoted or not, then to the given name', () => {
    expect(fileNameFromContentDisposition('attachment; filename="users-20261008.xlsx"', 'x')).toBe('users-20261008.xlsx');
    expect(fileNameFromContentDisposition('attachment; filename=report.pdf', 'x')).toBe('report.pdf');
    expect(fileNameFromContentDisposition('attachment; filename="say \\"hi\\".txt"', 'x')).toBe('say _hi_.txt');
    expect(fileNameFromContentDisposition('attachment', 'fallback.bin')).toBe('fallback.bin');
    expect(fileNameFromContentDisposition(null, 'fallback.bin')).toBe('fallback.bin');
    // A broken percent-encoding is not a name: the plain filename is used.
    expect(fileNameFromContentDisposition(`attachment; filename="a.txt"; filename*=UTF-8''%E0%A4%A`, 'x')).toBe('a.txt');
  });

  it('PLT-5 never lets a header name a path', () => {
    expect(fileNameFromContentDisposition(`attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`, 'x')).toBe('.._.._etc_passwd');
    expect(fileNameFromContentDisposition('attachment; filename="C:\\\\Windows\\\\evil.bat"', 'x')).toBe('C__Windows_evil.bat');
  });

  it('PLT-7 names a file after the day when the server gives no name', () => {
    expect(datedName('users', '2026-10-08', 'xlsx')).toBe('users-20261008.xlsx');
  });

  it('PLT-5 shows sizes as people read them', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(52_428_800)).toBe('50.0 MB');
    expect(formatBytes(67_912_865)).toBe('64.8 MB');
    expect(formatBytes(null)).toBe('');
  });
});
