import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parseArchiveNumber } from '@xiaoban/shared';
import { ArchiveBackupService } from '../src/modules/administration/archives/archive-backup.service';
import { completeIncoming, registerIncoming } from './factories/documents.factory';
import { binary, samplePdf, sha256 } from './factories/files.factory';
import { loginAsAdmin, unique } from './factories/org.factory';
import { createSmallSchool, createStaff, type SmallSchool } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

const ARCHIVE_NUMBER = /^[A-Z0-9]{1,10}-[A-Z]{2,4}\u00B7\d{4}-(Y|D30|D10)-[A-Z0-9]{1,10}-\d{4}$/;
const BASE = '/api/v1/administration/archives';

describe('administration: the archive (档案, ADM-7 to ADM-9, DOC-11)', () => {
  let t: TestApp;
  let adminToken: string;
  let school: SmallSchool;
  type Person = { id: string; token: string; name: string };
  /** 档案员 cleared for 秘密, and one with no clearance; an office director who also processes documents. */
  let archivist: Person;
  let uncleared: Person;
  let director: Person;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    school = await createSmallSchool(t, adminToken, 1);
    archivist = await createStaff(t, adminToken, { roles: ['archivist'], clearance: 'secret', name: '周档案' });
    uncleared = await createStaff(t, adminToken, { roles: ['archivist'], clearance: 'none', name: '吴档案' });
    director = await createStaff(t, adminToken, { roles: ['office-director'], clearance: 'confidential', name: '郑主任' });
  });
  afterAll(() => t.close());

  async function upload(user: { token: string }, text = unique('scan')): Promise<{ id: string; bytes: Buffer }> {
    const bytes = await samplePdf(text);
    const res = await t.http.post('/api/v1/files').set(as(user)).attach('file', bytes, '扫描件.pdf').expect(201);
    return { id: res.body.id as string, bytes };
  }

  const item = (fields: Record<string, unknown> = {}) => ({
    categoryCode: 'WS',
    year: 2026,
    retention: 'permanent',
    orgCode: 'BGS',
    documentNumber: '校办〔2026〕3号',
    responsible: '校长办公室',
    title: unique('关于调整学校作息时间的通知'),
    documentDate: '2026-03-05',
    pages: 4,
    disinfected: true,
    condition: 'good',
    ...fields,
  });

  async function accession(user: { token: string }, fields: Record<string, unknown> = {}) {
    return (await t.http.post(`${BASE}/items`).set(as(user)).send(item(fields)).expect(201)).body;
  }

  it('ADM-7 retention schedule: the office edits a row, and filing a document takes its category and retention from it', async () => {
    const before = (await t.http.get(`${BASE}/classification`).set(as(archivist)).expect(200)).body;
    expect(before.settings.fondsCode).toBe('Z001');
    expect(before.categories.map((c: { code: string }) => c.code)).toEqual(
      expect.arrayContaining(['WS', 'JX', 'KY', 'JJ', 'SB', 'KJ', 'SX', 'SW']),
    );
    expect(before.orgCodes.map((o: { code: string }) => o.code)).toContain('BGS');
    const noticeRow = before.schedule.find((r: { documentType: string | null }) => r.documentType === 'notice');
    expect(noticeRow).toMatchObject({ categoryCode: 'WS', retention: '10-years' });

    // The office decides notices are kept 30 years; a 门类 and a 机构 code are added.
    const edited = (
      await t.http
        .patch(`${BASE}/schedule/${noticeRow.id}`)
        .set(as(archivist))
        .send({ retention: '30-years', scope: '学校印发的通知', version: noticeRow.version })
        .expect(200)
    ).body;
    expect(edited).toMatchObject({ retention: '30-years', scope: '学校印发的通知', version: noticeRow.version + 1 });
    await t.http
      .patch(`${BASE}/schedule/${noticeRow.id}`)
      .set(as(archivist))
      .send({ retention: '10-years', version: noticeRow.version })
      .expect(409);
    await t.http.post(`${BASE}/categories`).set(as(archivist)).send({ code: 'DY', name: '党务' }).expect(201);
    expect((await t.http.post(`${BASE}/categories`).set(as(archivist)).send({ code: 'DY', name: '党务' }).expect(409)).body.code).toBe(
      'ARCHIVE_CATEGORY_EXISTS',
    );
    await t.http
      .post(`${BASE}/org-codes`)
      .set(as(archivist))
      .send({ code: 'JWC', name: '教务处', departmentId: school.departmentId })
      .expect(201);
    const added = (
      await t.http
        .post(`${BASE}/schedule`)
        .set(as(archivist))
        .send({ categoryCode: 'DY', scope: '党组织会议记录', retention: 'permanent' })
        .expect(201)
    ).body;
    expect(added).toMatchObject({ categoryCode: 'DY', retention: 'permanent', documentType: null });
    await t.http.post(`${BASE}/schedule`).set(as(archivist)).send({ categoryCode: 'ZZ', scope: 'x', retention: 'permanent' }).expect(400);
    // Staff without the archive permission may not change it.
    await t.http
      .patch(`${BASE}/schedule/${noticeRow.id}`)
      .set(as(school.applicant))
      .send({ retention: '10-years', version: 2 })
      .expect(403);

    // A finished notice registered as 10 years is offered, and filed, as 30 years: the schedule's default.
    const title = `${unique('关于做好防汛工作')}的通知`;
    const id = await registerIncoming(t, director, { title, retention: '10-years', receivedOn: '2026-04-02' });
    await completeIncoming(t, director, school, id);
    await t.http.post(`/api/v1/documents/filing/incoming-document/${id}/ready`).set(as(director)).expect(204);
    const candidates = (await t.http.get(`${BASE}/filing`).set(as(archivist)).expect(200)).body;
    expect(candidates.find((c: { id: string }) => c.id === id)).toMatchObject({
      categoryCode: 'WS',
      retention: '30-years',
      orgCode: 'BGS',
    });
    const filed = (await t.http.post(`${BASE}/filing`).set(as(archivist)).send({ kind: 'incoming-document', documentId: id }).expect(201))
      .body;
    expect(filed).toMatchObject({ categoryCode: 'WS', retention: '30-years', title });
    expect(filed.archiveNumber).toMatch(/^Z001-WS·2026-D30-BGS-\d{4}$/);
  });

  it('ADM-8 档号 format correct: 全宗号-门类代码·年度-保管期限代码-机构代码-件号, following the school’s 全宗号', async () => {
    const first = await accession(archivist, { categoryCode: 'JX', year: 2024, retention: '10-years' });
    expect(first.archiveNumber).toBe('Z001-JX\u00B72024-D10-BGS-0001');
    expect(first.archiveNumber).toMatch(ARCHIVE_NUMBER);
    expect(first).toMatchObject({ seq: 1, fondsCode: 'Z001', categoryName: '教学', catalogueDate: '20260305' });
    const second = await accession(archivist, { categoryCode: 'JX', year: 2024, retention: '10-years' });
    expect(second.archiveNumber).toBe('Z001-JX·2024-D10-BGS-0002');
    // Another class (another 机构) starts at 0001.
    expect((await accession(archivist, { categoryCode: 'JX', year: 2024, retention: '10-years', orgCode: 'JWC' })).archiveNumber).toBe(
      'Z001-JX·2024-D10-JWC-0001',
    );

    // A new 全宗号 applies to what is accessioned from then on.
    const settings = (await t.http.get(`${BASE}/classification`).set(as(archivist)).expect(200)).body.settings;
    const changed = (
      await t.http.patch(`${BASE}/settings`).set(as(archivist)).send({ fondsCode: 'z009', version: settings.version }).expect(200)
    ).body;
    expect(changed.fondsCode).toBe('Z009');
    const other = await accession(archivist, { categoryCode: 'KY', year: 2025, retention: '30-years' });
    expect(other.archiveNumber).toBe('Z009-KY·2025-D30-BGS-0001');
    expect(parseArchiveNumber(other.archiveNumber)).toMatchObject({
      fonds: 'Z009',
      category: 'KY',
      year: 2025,
      retention: '30-years',
      seq: 1,
    });
    await t.http.patch(`${BASE}/settings`).set(as(archivist)).send({ fondsCode: 'Z001', version: changed.version }).expect(200);

    const bad = await t.http
      .post(`${BASE}/items`)
      .set(as(archivist))
      .send(item({ categoryCode: 'QQ', orgCode: 'NOPE', year: 12 }))
      .expect(400);
    expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(['year']));
    const unknownOrg = await t.http
      .post(`${BASE}/items`)
      .set(as(archivist))
      .send(item({ orgCode: 'NOPE' }))
      .expect(400);
    expect(unknownOrg.body.errors).toHaveProperty('orgCode');
  });

  it('ADM-8 件号 gap-free under 50 parallel accessions in one class: exactly 0001..0050, failed ones leave no gap', async () => {
    const cls = { categoryCode: 'KJ', year: 2019, retention: 'permanent', orgCode: 'BGS' };
    // 50 good accessions and 6 that fail inside their transaction after taking a number (a file that is not theirs).
    const requests = [
      ...Array.from({ length: 50 }, (_v, i) =>
        t.http
          .post(`${BASE}/items`)
          .set(as(archivist))
          .send(item({ ...cls, title: `会计凭证第${i + 1}册` })),
      ),
      ...Array.from({ length: 6 }, () =>
        t.http
          .post(`${BASE}/items`)
          .set(as(archivist))
          .send(item({ ...cls, fileIds: [randomUUID()] })),
      ),
    ];
    const responses = await Promise.all(requests);
    expect(responses.map((r) => r.status).sort()).toEqual([...Array(50).fill(201), ...Array(6).fill(400)]);
    const seqs = responses.filter((r) => r.status === 201).map((r) => r.body.seq as number);
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_v, i) => i + 1));
    const listed = (
      await t.http
        .get(`${BASE}/items`)
        .query({ ...cls, pageSize: 100 })
        .set(as(archivist))
        .expect(200)
    ).body;
    expect(listed.total).toBe(50);
    expect(listed.items.map((i: { archiveNumber: string }) => i.archiveNumber)).toEqual(
      Array.from({ length: 50 }, (_v, i) => `Z001-KJ·2019-Y-BGS-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('ADM-8 accession records disinfection, condition, box and shelf; the box has its spine and 备考表; files keep their SHA-256', async () => {
    const cls = { categoryCode: 'SB', year: 2023, retention: '30-years', orgCode: 'BGS' };
    const scan = await upload(archivist);
    const a = await accession(archivist, {
      ...cls,
      disinfected: true,
      condition: 'worn',
      boxNumber: 3,
      shelf: '3排2列4层',
      fileIds: [scan.id],
    });
    const b = await accession(archivist, {
      ...cls,
      disinfected: false,
      condition: 'damaged',
      boxNumber: 3,
      shelf: '3排2列4层',
      remarks: '封面破损',
    });
    const detail = (await t.http.get(`${BASE}/items/${a.id}`).set(as(archivist)).expect(200)).body;
    expect(detail).toMatchObject({ disinfected: true, condition: 'worn', boxNumber: 3, shelf: '3排2列4层', pages: 4 });
    expect(detail.files).toEqual([expect.objectContaining({ id: scan.id, sha256: sha256(scan.bytes) })]);
    expect((await t.http.get(`${BASE}/items/${b.id}`).set(as(archivist)).expect(200)).body).toMatchObject({
      disinfected: false,
      condition: 'damaged',
      remarks: '封面破损',
      boxId: a.boxId,
    });
    const download = await t.http.get(`${BASE}/items/${a.id}/files/${scan.id}`).set(as(archivist)).buffer(true).parse(binary).expect(200);
    expect(sha256(download.body as Buffer)).toBe(sha256(scan.bytes));
    await t.http.get(`${BASE}/items/${b.id}/files/${scan.id}`).set(as(archivist)).expect(404); // not b's file

    const [audit] = await t.sql<{ diff: Record<string, unknown> }>(
      `SELECT diff FROM audit_log WHERE action = 'archive.item.accession' AND object_id = $1`,
      [a.id],
    );
    expect(audit.diff.details).toMatchObject({ disinfected: true, condition: 'worn', boxNumber: 3, shelf: '3排2列4层' });

    const boxes = (await t.http.get(`${BASE}/boxes`).query({ categoryCode: 'SB', year: 2023 }).set(as(archivist)).expect(200)).body;
    const box = boxes.items.find((x: { id: string }) => x.id === a.boxId);
    expect(box).toMatchObject({
      fondsCode: 'Z001',
      year: 2023,
      retention: '30-years',
      boxNumber: 3,
      firstSeq: a.seq,
      lastSeq: b.seq,
      itemCount: 2,
    });
    const noted = (
      await t.http
        .patch(`${BASE}/boxes/${box.id}`)
        .set(as(archivist))
        .send({ organiser: '周档案', checker: '郑主任', checkedOn: '2026-03-20', version: box.version })
        .expect(200)
    ).body;
    expect(noted).toMatchObject({ organiser: '周档案', checker: '郑主任', checkedOn: '2026-03-20', itemCount: 2 });
  });

  it('REQ-3 classified archive item: below clearance 404 by id, absent from list, count and export; a cleared read is audited', async () => {
    const title = unique('关于保密工作检查情况的报告');
    const scan = await upload(archivist);
    const secret = await accession(archivist, { categoryCode: 'WS', year: 2022, title, secrecy: 'secret', fileIds: [scan.id] });
    const open = await accession(archivist, { categoryCode: 'WS', year: 2022, title: `${title}（公开部分）` });

    // Below clearance: as if it did not exist.
    await t.http.get(`${BASE}/items/${secret.id}`).set(as(uncleared)).expect(404);
    await t.http.get(`${BASE}/items/${secret.id}/files/${scan.id}`).set(as(uncleared)).expect(404);
    await t.http.get(`/api/v1/files/${scan.id}`).set(as(uncleared)).expect(404);
    const list = (await t.http.get(`${BASE}/items`).query({ q: title }).set(as(uncleared)).expect(200)).body;
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([open.id]);
    expect(list.total).toBe(1);
    const exported = await t.http
      .get(`${BASE}/items`)
      .query({ q: title, format: 'xlsx' })
      .set(as(uncleared))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('归档文件目录');
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells).toContain(open.archiveNumber);
    expect(cells).not.toContain(secret.archiveNumber);
    expect(cells).not.toContain(title);
    // The boxes' 起止件号 count only what the person may see; staff without the permission get 403 on the list.
    await t.http.get(`${BASE}/items`).set(as(school.applicant)).expect(403);
    await t.http.get(`${BASE}/items/${secret.id}`).set(as(school.applicant)).expect(404);

    // The cleared archivist who took it in reads it, and the read is audited; the file comes watermarked.
    const read = (await t.http.get(`${BASE}/items/${secret.id}`).set(as(archivist)).expect(200)).body;
    expect(read).toMatchObject({ title, secrecy: 'secret' });
    const cleared = (await t.http.get(`${BASE}/items`).query({ q: title }).set(as(archivist)).expect(200)).body;
    expect(cleared.total).toBe(2);
    const file = await t.http.get(`${BASE}/items/${secret.id}/files/${scan.id}`).set(as(archivist)).buffer(true).parse(binary).expect(200);
    expect(file.headers['x-watermarked']).toBe('true');
    const audited = await t.sql(
      `SELECT 1 FROM audit_log WHERE action = 'access.read' AND object_type = 'archive-item' AND object_id = $1 AND actor_id = $2`,
      [secret.id, archivist.id],
    );
    expect(audited.length).toBeGreaterThanOrEqual(1);
    const refused = await t.sql(`SELECT 1 FROM audit_log WHERE action = 'access.refused' AND object_id = $1 AND actor_id = $2`, [
      secret.id,
      uncleared.id,
    ]);
    expect(refused.length).toBeGreaterThanOrEqual(1);
  });

  it('DOC-11 a finished document appears in the archive with its 档号, its files and its history', async () => {
    const scan = await upload(director);
    const title = `${unique('关于表彰2025年度优秀教师')}的决定`;
    const id = await registerIncoming(t, director, { title, receivedOn: '2026-01-12', attachmentIds: [scan.id] });
    // Not finished: not ready to file, and the archive cannot take it.
    expect(
      (await t.http.post(`${BASE}/filing`).set(as(archivist)).send({ kind: 'incoming-document', documentId: id }).expect(409)).body.code,
    ).toBe('FILING_NOT_READY');
    await completeIncoming(t, director, school, id);
    await t.http.post(`/api/v1/documents/filing/incoming-document/${id}/ready`).set(as(director)).expect(204);
    const candidate = (await t.http.get(`${BASE}/filing`).set(as(archivist)).expect(200)).body.find((c: { id: string }) => c.id === id);
    // 决定 is kept permanently by the schedule.
    expect(candidate).toMatchObject({ title, categoryCode: 'WS', retention: 'permanent', year: 2026 });

    const filed = (
      await t.http
        .post(`${BASE}/filing`)
        .set(as(archivist))
        .send({ kind: 'incoming-document', documentId: id, disinfected: true, boxNumber: 1, shelf: '1排1列1层' })
        .expect(201)
    ).body;
    expect(filed.archiveNumber).toMatch(ARCHIVE_NUMBER);
    expect(filed.archiveNumber).toMatch(/^Z001-WS·2026-Y-BGS-\d{4}$/);
    expect(filed).toMatchObject({ title, responsible: '市教育局', sourceKind: 'incoming-document', sourceId: id, disinfected: true });
    expect(filed.files).toEqual([expect.objectContaining({ sha256: sha256(scan.bytes) })]);
    expect(filed.files[0].id).not.toBe(scan.id);
    expect(filed.history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['document.incoming.register', 'document.incoming.complete']),
    );

    const list = (await t.http.get(`${BASE}/items`).query({ q: title }).set(as(archivist)).expect(200)).body;
    expect(list.items).toEqual([expect.objectContaining({ id: filed.id, archiveNumber: filed.archiveNumber })]);
    const doc = (await t.http.get(`/api/v1/documents/incoming/${id}`).set(as(director)).expect(200)).body;
    expect(doc).toMatchObject({ status: 'filed', archiveRef: filed.archiveNumber });
    expect((await t.http.get(`${BASE}/filing`).set(as(archivist)).expect(200)).body.map((c: { id: string }) => c.id)).not.toContain(id);
    // Filed once only.
    expect(
      (await t.http.post(`${BASE}/filing`).set(as(archivist)).send({ kind: 'incoming-document', documentId: id }).expect(409)).body.code,
    ).toMatch(/FILING_NOT_READY|ARCHIVE_ALREADY_FILED/);
    const download = await t.http
      .get(`${BASE}/items/${filed.id}/files/${filed.files[0].id}`)
      .set(as(archivist))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sha256(download.body as Buffer)).toBe(sha256(scan.bytes));
  });

  it('ADM-8 DOC-10 an archive item past its retention goes to appraisal on a destruction list; a 永久 one never does', async () => {
    const expired = await accession(archivist, { categoryCode: 'XS', year: 2010, retention: '10-years', documentDate: '2010-06-01' });
    const permanent = await accession(archivist, { categoryCode: 'XS', year: 2010, retention: 'permanent', documentDate: '2010-06-01' });
    const proposed = (
      await t.http
        .post('/api/v1/retention/destruction-lists')
        .set(as(archivist))
        .send({ title: '到期档案鉴定销毁清册', kinds: ['archive-item'] })
        .expect(201)
    ).body;
    const ids = proposed.items.map((i: { recordId: string }) => i.recordId);
    expect(ids).toContain(expired.id);
    expect(ids).not.toContain(permanent.id);
    expect(proposed.items.find((i: { recordId: string }) => i.recordId === expired.id)).toMatchObject({
      number: expired.archiveNumber,
      retention: '定期10年',
      dueOn: '2021-01-01',
    });
  });

  it('ADM-9 archive backup, verify and restore round trip', async () => {
    const scan = await upload(archivist);
    const kept = await accession(archivist, { categoryCode: 'SX', year: 2021, title: unique('校庆活动照片'), fileIds: [scan.id] });
    const backup = await t.app.get(ArchiveBackupService).backUpNow('panel');
    expect(backup).toMatchObject({ scope: 'archive', method: 'files', status: 'completed', verification: 'passed', error: null });
    const history = (await t.http.get(`${BASE}/backups`).set(as(archivist)).expect(200)).body;
    expect(history.items[0]).toMatchObject({ id: backup.id, scope: 'archive', verification: 'passed' });
    const catalogue = readFileSync(join(backup.location, 'catalogue.csv'), 'utf8');
    expect(catalogue).toContain(kept.archiveNumber);
    expect(readFileSync(join(backup.location, 'manifest.json'), 'utf8')).toContain('catalogue.json');

    // The item and its file are lost …
    const [file] = await t.sql<{ storage_key: string }>('SELECT storage_key FROM files WHERE id = $1', [scan.id]);
    await t.sql('DELETE FROM files WHERE id = $1', [scan.id]);
    await t.sql('DELETE FROM archive_items WHERE id = $1', [kept.id]);
    await t.http.get(`${BASE}/items/${kept.id}`).set(as(archivist)).expect(404);
    expect(file.storage_key).toBeTruthy();

    // … and the restore rebuilds both.
    const restored = (await t.http.post(`${BASE}/backups/${backup.id}/restore`).set(as(archivist)).expect(200)).body;
    expect(restored.items).toBeGreaterThanOrEqual(1);
    expect(restored.files).toBeGreaterThanOrEqual(1);
    const back = (await t.http.get(`${BASE}/items/${kept.id}`).set(as(archivist)).expect(200)).body;
    expect(back).toMatchObject({ archiveNumber: kept.archiveNumber, title: kept.title, documentDate: kept.documentDate });
    expect(back.files).toEqual([expect.objectContaining({ id: scan.id, sha256: sha256(scan.bytes) })]);
    const download = await t.http
      .get(`${BASE}/items/${kept.id}/files/${scan.id}`)
      .set(as(archivist))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sha256(download.body as Buffer)).toBe(sha256(scan.bytes));
    // Nothing is taken twice: a second restore finds nothing missing, and numbering carries on after the restored 件号.
    expect((await t.http.post(`${BASE}/backups/${backup.id}/restore`).set(as(archivist)).expect(200)).body).toEqual({ items: 0, files: 0 });
    const next = await accession(archivist, { categoryCode: 'SX', year: 2021 });
    expect(next.seq).toBe(kept.seq + 1);
  });

  it('ADM-9 a corrupted archive backup file is detected, and is not restored', async () => {
    const scan = await upload(archivist);
    await accession(archivist, { categoryCode: 'SW', year: 2020, fileIds: [scan.id] });
    const backup = await t.app.get(ArchiveBackupService).backUpNow('panel');
    expect(backup.verification).toBe('passed');
    // Flip one byte of a backed-up file.
    const filesDir = join(backup.location, 'files');
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    const victim = walk(filesDir)[0];
    const bytes = readFileSync(victim);
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(victim, bytes);

    const verified = (
      await t.http
        .post(`/api/v1/backups/${backup.id}/verify`)
        .set(as({ token: adminToken }))
        .expect(200)
    ).body;
    expect(verified.verification).toBe('failed');
    expect(verified.error).toContain('checksum differs');
    const refused = await t.http.post(`${BASE}/backups/${backup.id}/restore`).set(as(archivist)).expect(409);
    expect(refused.body.code).toBe('ARCHIVE_BACKUP_UNUSABLE');
  });
});
