import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FILE_TYPES, detectFileType } from './file-types';
import { cleanFileName } from './upload';

/** A minimal Compound File Binary header whose root storage has the given class id (16 bytes). */
function cfb(clsid: number[]): Buffer {
  const file = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(9, 0x1e); // 512-byte sectors
  file.writeUInt32LE(0, 0x30); // directory in sector 0, i.e. at byte 512
  Buffer.from(clsid).copy(file, 512 + 0x50);
  return file;
}

describe('file types (unit)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xiaoban-types-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const detect = (bytes: Buffer, name: string, accepted = DEFAULT_FILE_TYPES) => {
    const path = join(dir, `${Math.random()}`);
    writeFileSync(path, bytes);
    return detectFileType(path, name, accepted);
  };

  it('PLT-5 text is accepted only as UTF-8 named .txt/.csv, never a script or binary', async () => {
    await expect(detect(Buffer.from('姓名,班级\n张三,高一(1)班\n'), '名单.csv')).resolves.toMatchObject({ kind: 'csv' });
    await expect(detect(Buffer.from('#!/usr/bin/env python\nprint(1)\n'), 'a.txt')).rejects.toThrow(/scripts/);
    await expect(detect(Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), 'gbk.txt')).rejects.toThrow(/UTF-8/);
    await expect(detect(Buffer.from('a\0b'), 'a.txt')).rejects.toThrow(/NUL/);
    await expect(detect(Buffer.from('plain'), 'a.bat')).rejects.toThrow();
  });

  it('PLT-5 an old Office file is accepted by its name, a Windows Installer in disguise is not', async () => {
    const word = [0x06, 0x09, 0x02, 0x00, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46];
    const installer = [0x84, 0x10, 0x0c, 0x00, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46];
    await expect(detect(cfb(word), '通知.doc')).resolves.toMatchObject({ kind: 'doc', contentType: 'application/msword' });
    await expect(detect(cfb(installer), '通知.doc')).rejects.toThrow(/cfb/);
    await expect(detect(cfb(word), '通知.exe')).rejects.toThrow();
  });

  it('PLT-5 the allow-list is configurable', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b30000000049454e44ae426082',
      'hex',
    );
    await expect(detect(png, 'a.png')).resolves.toMatchObject({ kind: 'png', contentType: 'image/png' });
    await expect(detect(png, 'a.png', ['pdf'])).rejects.toThrow(/png/);
  });

  it('PLT-5 a user’s file name is shown, never used as a path', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\张三\\工作总结.docx')).toBe('工作总结.docx');
    expect(cleanFileName('a\u0000b\u001f.txt')).toBe('ab.txt');
    expect(cleanFileName('')).toBe('file');
    expect([...cleanFileName('长'.repeat(300))].length).toBe(255);
  });
});
