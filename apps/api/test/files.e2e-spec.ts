import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { FilesService } from '../src/platform/files/files.service';
import { binary, extractPdfText, samplePdf, sha256 } from './factories/files.factory';
import { contextOf, createSecretNote, principalOf, registerSecretNotes, SECRET_NOTE } from './factories/access.factory';
import { createDepartment, createUserWith, loginAsAdmin, type TestUser } from './factories/org.factory';
import { startTestApp, type TestApp } from './setup/test-app';

/** Above the 1 MB JSON body limit: uploads are streamed, not parsed as a body. */
const MAX_BYTES = 3 * 1024 * 1024;
/** Every regular file under a folder (the storage and temp folders must hold no leftovers). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
}

describe('files (PLT-5)', () => {
  let t: TestApp;
  let adminToken: string;
  let uploader: TestUser;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const storageDir = () => join(t.config.dataDir, 'files');
  const tempDir = () => join(t.config.dataDir, 'tmp', 'uploads');

  beforeAll(async () => {
    t = await startTestApp({ FILE_MAX_BYTES: String(MAX_BYTES) });
    adminToken = await loginAsAdmin(t);
    uploader = await createUserWith(t, adminToken, [PERMISSIONS.MESSAGES_SEND], { name: '周文' });
  });
  afterAll(() => t.close());

  it('PLT-5 an upload is streamed, hashed, typed from its content and stored under a random name; its uploader downloads it intact', async () => {
    const pdf = Buffer.concat([await samplePdf('Timetable 2026'), Buffer.alloc(1536 * 1024, 0x20)]);
    const res = await t.http.post('/api/v1/files').set(as(uploader)).attach('file', pdf, '2026年春季课表.pdf').expect(201);
    expect(res.body).toMatchObject({
      name: '2026年春季课表.pdf',
      size: pdf.length,
      contentType: 'application/pdf',
      sha256: sha256(pdf),
      encrypted: false,
      draft: true,
      uploadedBy: { id: uploader.id, name: '周文' },
    });
    const [row] = await t.sql<{ storage_key: string }>('SELECT storage_key FROM files WHERE id = $1', [res.body.id]);
    expect(row.storage_key).not.toContain('课表');
    expect(readFileSync(join(storageDir(), row.storage_key)).equals(pdf)).toBe(true);

    const download = await t.http.get(`/api/v1/files/${res.body.id}`).set(as(uploader)).buffer(true).parse(binary).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('2026年春季课表.pdf')}`);
    expect(sha256(download.body)).toBe(sha256(pdf));

    // A draft is its uploader's alone.
    const other = await createUserWith(t, adminToken, []);
    await t.http.get(`/api/v1/files/${res.body.id}`).set(as(other)).expect(404);
  });

  it('PLT-5 a disguised executable is refused, whatever its name, and leaves nothing behind', async () => {
    const pe = Buffer.concat([
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'),
      Buffer.alloc(512, 0x41),
    ]);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(512, 0)]);
    const script = Buffer.from('#!/bin/sh\nrm -rf /\n');
    const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM files');
    for (const [bytes, name] of [
      [pe, '工作总结.pdf'],
      [elf, '成绩单.docx'],
      [script, '说明.txt'],
    ] as const) {
      const res = await t.http.post('/api/v1/files').set(as(uploader)).attach('file', bytes, name).expect(415);
      expect(res.body).toMatchObject({ statusCode: 415, code: 'FILE_TYPE_REFUSED', errors: { file: [expect.any(String)] } });
    }
    expect(await t.sql('SELECT count(*)::int AS n FROM files')).toEqual(before);
    expect(filesUnder(tempDir())).toEqual([]);
    const refusals = await t.sql<{ details: { name: string } }>(
      `SELECT diff->'details' AS details FROM audit_log WHERE action = 'file.upload-refused' AND actor_id = $1`,
      [uploader.id],
    );
    expect(refusals.map((r) => r.details.name).sort()).toEqual(['工作总结.pdf', '成绩单.docx', '说明.txt'].sort());

    // Plain UTF-8 text named .txt is fine.
    await t.http
      .post('/api/v1/files')
      .set(as(uploader))
      .attach('file', Buffer.from('会议纪要：\n一、期中考试安排\n'), '纪要.txt')
      .expect(201);
  });

  it('PLT-5 an oversized upload is refused with 413 and leaves no partial file', async () => {
    const storedBefore = filesUnder(storageDir()).length;
    const [{ n: rowsBefore }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM files');
    const big = Buffer.concat([await samplePdf('big'), Buffer.alloc(MAX_BYTES * 2, 0x20)]);
    const res = await t.http.post('/api/v1/files').set(as(uploader)).attach('file', big, '大文件.pdf').expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', errors: { file: [expect.any(String)] } });
    expect(filesUnder(tempDir())).toEqual([]);
    expect(filesUnder(storageDir()).length).toBe(storedBefore);
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM files'))[0].n).toBe(rowsBefore);
  });

  it('PLT-5 drafts nobody attached are removed after a day, with their bytes', async () => {
    const draft = (await t.http.post('/api/v1/files').set(as(uploader)).attach('file', Buffer.from('草稿\n'), '草稿.txt').expect(201)).body;
    const fresh = (await t.http.post('/api/v1/files').set(as(uploader)).attach('file', Buffer.from('新稿\n'), '新稿.txt').expect(201)).body;
    const [{ storage_key: key }] = await t.sql<{ storage_key: string }>('SELECT storage_key FROM files WHERE id = $1', [draft.id]);
    await t.sql(`UPDATE files SET created_at = now() - interval '25 hours' WHERE id = $1`, [draft.id]);
    await t.app.get(FilesService).cleanUp();
    expect(await t.sql('SELECT id FROM files WHERE id = ANY($1::uuid[])', [[draft.id, fresh.id]])).toEqual([{ id: fresh.id }]);
    expect(existsSync(join(storageDir(), key))).toBe(false);
  });

  it('PLT-5 a request that is not multipart, or has no file, is refused in the one error body', async () => {
    const res = await t.http.post('/api/v1/files').set(as(uploader)).send({ file: 'x' }).expect(415);
    expect(res.body).toMatchObject({ statusCode: 415, code: 'NOT_MULTIPART' });
    await t.http.post('/api/v1/files').set(as(uploader)).field('note', 'x').expect(400);
  });

  it('PLT-5 a file of a classified object: encrypted bytes are on disk, the download is intact and audited; others get 404', async () => {
    await registerSecretNotes(t);
    const office = await createDepartment(t, adminToken, { name: '党政办公室' });
    const holder = await createUserWith(t, adminToken, [], { name: '吴敏', clearance: 'secret', departmentId: office.id });
    const colleague = await createUserWith(t, adminToken, [], { name: '郑强', clearance: 'secret', departmentId: office.id });
    const noteId = await createSecretNote(t, {
      title: '关于人事调整的请示',
      secrecy: 'secret',
      departmentId: office.id,
      holderId: holder.id,
    });

    const content = Buffer.from('秘密：关于干部任免的初步方案。\n'.repeat(200));
    const draft = (await t.http.post('/api/v1/files').set(as(holder)).attach('file', content, '任免方案.txt').expect(201)).body;
    const principal = await principalOf(t, holder.id);
    await t.app
      .get(DataSource)
      .transaction((manager) =>
        t.app.get(FilesService).attach(manager, [draft.id], { type: SECRET_NOTE, id: noteId }, contextOf(principal)),
      );

    const [row] = await t.sql<{ storage_key: string; encrypted: boolean; iv: Buffer; auth_tag: Buffer }>(
      'SELECT storage_key, encrypted, iv, auth_tag FROM files WHERE id = $1',
      [draft.id],
    );
    expect(row).toMatchObject({ encrypted: true, iv: expect.any(Buffer), auth_tag: expect.any(Buffer) });
    const onDisk = readFileSync(join(storageDir(), row.storage_key));
    expect(onDisk.length).toBe(content.length);
    expect(onDisk.equals(content)).toBe(false);
    expect(onDisk.includes(Buffer.from('干部任免'))).toBe(false);
    // The plain draft it was before is gone (deleted once the attaching transaction committed).
    await eventuallyGone(() => filesUnder(storageDir()).some((name) => readFileSync(join(storageDir(), name)).equals(content)));

    const download = await t.http.get(`/api/v1/files/${draft.id}`).set(as(holder)).buffer(true).parse(binary).expect(200);
    expect(download.body.equals(content)).toBe(true);
    const audited = await t.sql<{ action: string; object_type: string }>(
      `SELECT action, object_type FROM audit_log WHERE actor_id = $1 AND action IN ('file.download', 'access.read') ORDER BY id`,
      [holder.id],
    );
    expect(audited).toEqual([
      { action: 'access.read', object_type: SECRET_NOTE },
      { action: 'file.download', object_type: 'file' },
    ]);

    // Same department and clearance, but no need-to-know: exactly as if the file did not exist.
    const refused = await t.http.get(`/api/v1/files/${draft.id}`).set(as(colleague)).expect(404);
    expect(refused.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    await t.http.get('/api/v1/files').query({ ownerType: SECRET_NOTE, ownerId: noteId }).set(as(colleague)).expect(404);
    const listed = (await t.http.get('/api/v1/files').query({ ownerType: SECRET_NOTE, ownerId: noteId }).set(as(holder)).expect(200)).body;
    expect(listed).toEqual([expect.objectContaining({ id: draft.id, encrypted: true, draft: false })]);
  });

  it('PLT-5 a PDF of a classified object is always downloaded with the viewer’s name and the time in it', async () => {
    await registerSecretNotes(t);
    const holder = await createUserWith(t, adminToken, [], { name: '欧阳娜娜', clearance: 'confidential' });
    const noteId = await createSecretNote(t, { title: '考试命题安排', secrecy: 'confidential', holderId: holder.id });
    const pdf = await samplePdf('Exam paper draft');
    const draft = (
      await t.http.post('/api/v1/files').query({ classified: true }).set(as(holder)).attach('file', pdf, '试卷.pdf').expect(201)
    ).body;
    expect(draft.encrypted).toBe(true);
    const principal = await principalOf(t, holder.id);
    await t.app
      .get(DataSource)
      .transaction((manager) =>
        t.app.get(FilesService).attach(manager, [draft.id], { type: SECRET_NOTE, id: noteId }, contextOf(principal)),
      );
    const res = await t.http.get(`/api/v1/files/${draft.id}`).set(as(holder)).buffer(true).parse(binary).expect(200);
    expect(res.headers['x-watermarked']).toBe('true');
    const text = await extractPdfText(res.body);
    expect(text).toContain('Exam paper draft');
    expect(text).toContain('欧阳娜娜');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });
});

async function eventuallyGone(stillThere: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (stillThere()) {
    if (Date.now() > deadline) throw new Error('the plain copy was not deleted');
    await new Promise((r) => setTimeout(r, 200));
  }
}
