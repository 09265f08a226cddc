import { formatSchoolDateTime } from '@xiaoban/shared';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { createDepartment, login, loginAsAdmin, unique } from './factories/org.factory';
import { createSmallSchool, createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** supertest: keep the body as bytes. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

async function sheetOf(
  buffer: Buffer,
): Promise<{ headers: string[]; rows: string[][]; sheet: ExcelJS.Worksheet; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const text = (row: ExcelJS.Row) =>
    Array.from({ length: sheet.columnCount }, (_, i) => {
      const v = row.getCell(i + 1).value;
      return v === null || v === undefined ? '' : String(v);
    });
  const rows: string[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) rows.push(text(sheet.getRow(r)));
  return { headers: text(sheet.getRow(1)), rows, sheet, workbook };
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A sheet with the accounts import's headers and the given rows. */
async function accountsSheet(headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('账号');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return toBuffer(workbook);
}

const exportOf = (app: TestApp, path: string, query: Record<string, unknown>, token: string) =>
  app.http
    .get(path)
    .query({ ...query, format: 'xlsx' })
    .set({ authorization: `Bearer ${token}` })
    .buffer(true)
    .parse(binary);

// Passport keeps one strategy per name in the process: the app started last is the one whose
// tokens are checked. So the tests that need a second school start their apps one after another.
describe('Excel export and import (PLT-7), in one school', () => {
  let t: TestApp;
  let adminToken: string;
  const auth = (token = adminToken) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  it('PLT-7 a bad row is reported, and nothing is imported', async () => {
    const tag = unique('bad').toLowerCase();
    const headers = ['用户名', '姓名', '邮箱', '部门', '角色', '启用'];
    const workbook = await accountsSheet(headers, [
      [`${tag}-a`, '甲老师', `${tag}a@school.example`, null, '教职工', '是'],
      [`${tag}-b`, '乙老师', 'not-an-email', null, null, '是'],
      [`${tag}-c`, '丙老师', null, '没有这个部门', null, '也许'],
      [`${tag}-a`, '甲老师', null, null, null, null],
      [null, null, null, null, null, null],
      [`${tag}-d`, null, null, null, '校长办公室主任', null],
    ]);
    const [before] = await t.sql<{ users: number; audit: number }>(
      'SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM audit_log) AS audit',
    );

    const report = await t.http
      .post('/api/v1/org/users/import')
      .query({ dryRun: 'true' })
      .set(auth())
      .set('content-type', XLSX)
      .send(workbook);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ dryRun: true, imported: false, rows: 5 });
    expect(report.body.problems.map((p: { row: number; field: string; column: string }) => [p.row, p.field, p.column])).toEqual([
      [3, 'email', '邮箱'],
      [4, 'departmentId', '部门'],
      [4, 'active', '启用'],
      [5, 'username', '用户名'],
      [7, 'roleIds', '角色'],
      [7, 'name', '姓名'],
    ]);
    expect(report.body.problems[1].reason).toContain('没有这个部门');

    const refused = await t.http.post('/api/v1/org/users/import').set(auth()).set('content-type', XLSX).send(workbook).expect(400);
    expect(refused.body).toMatchObject({ code: 'IMPORT_FAILED', message: expect.stringContaining('nothing was imported') });
    expect(Object.keys(refused.body.errors)).toEqual([
      'rows[3].email',
      'rows[4].departmentId',
      'rows[4].active',
      'rows[5].username',
      'rows[7].roleIds',
      'rows[7].name',
    ]);
    const [after] = await t.sql('SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM audit_log) AS audit');
    expect(after).toEqual(before);
    expect(await t.sql(`SELECT 1 FROM users WHERE username = $1`, [`${tag}-a`])).toHaveLength(0);

    // Not a workbook, a workbook without the required columns, and someone without the permission.
    const junk = await t.http
      .post('/api/v1/org/users/import')
      .set(auth())
      .set('content-type', XLSX)
      .send(Buffer.from('not a zip'))
      .expect(400);
    expect(junk.body.code).toBe('WORKBOOK_UNREADABLE');
    const noNames = await t.http
      .post('/api/v1/org/users/import')
      .set(auth())
      .set('content-type', XLSX)
      .send(await accountsSheet(['用户名', '邮箱'], [[`${tag}-x`, null]]))
      .expect(400);
    expect(noNames.body.errors.file[0]).toContain('姓名');
    const teacher = await createStaff(t, adminToken, { roles: ['staff'] });
    await t.http.post('/api/v1/org/users/import').set(auth(teacher.token)).set('content-type', XLSX).send(workbook).expect(403);
  });

  it('PLT-7 an import also takes the workbook as the multipart field "file"', async () => {
    const tag = unique('mp').toLowerCase();
    const workbook = await accountsSheet(['用户名', '姓名', '初始密码'], [[`${tag}-a`, '孙老师', 'Sun-pass-2026']]);
    const res = await t.http
      .post('/api/v1/org/users/import')
      .set(auth())
      .attach('file', workbook, { filename: '教职工名单.xlsx', contentType: XLSX })
      .expect(200);
    expect(res.body).toMatchObject({ imported: true, created: 1, notes: [] });
    await login(t, `${tag}-a`, 'Sun-pass-2026');
  });

  it('PLT-7 every list exports with its own filters and visibility, ignoring paging', async () => {
    const school = await createSmallSchool(t, adminToken, 1);
    const teacher = school.applicant;
    const other = school.colleague;
    // Approvals: only the teacher's own requests are in the teacher's export.
    for (const title of ['申请使用报告厅', '申请购置打印机']) {
      await t.http.post('/api/v1/approvals/requests').set(auth(teacher.token)).send({ title, content: '详见附件' }).expect(201);
    }
    await t.http.post('/api/v1/approvals/requests').set(auth(other.token)).send({ title: '别人的请示', content: '无' }).expect(201);
    const approvals = await exportOf(t, '/api/v1/approvals/requests', { scope: 'all', pageSize: 1 }, teacher.token).expect(200);
    const approvalSheet = await sheetOf(approvals.body);
    expect(approvalSheet.headers).toEqual(['事项', '类别', '申请人', '状态', '当前环节', '提交时间', '办结时间']);
    expect(approvalSheet.rows.map((r) => r[0]).sort()).toEqual(['申请使用报告厅', '申请购置打印机']);

    // Messages: my box only, with the filter.
    await t.http
      .post('/api/v1/messages')
      .set(auth(other.token))
      .send({ subject: '周五教研活动通知', body: '请准时参加', toUserIds: [teacher.id] })
      .expect(201);
    const messages = await exportOf(t, '/api/v1/messages', { q: '教研' }, teacher.token).expect(200);
    const messageSheet = await sheetOf(messages.body);
    expect(messageSheet.headers[0]).toBe('时间');
    expect(messageSheet.rows.map((r) => [r[1], r[2]])).toEqual([[other.name, '周五教研活动通知']]);

    // The audit log and the delivery log, with the filters their lists take.
    const audit = await exportOf(t, '/api/v1/audit/logs', { action: 'approval.submit' }, adminToken).expect(200);
    const auditJson = await t.http.get('/api/v1/audit/logs').query({ action: 'approval.submit' }).set(auth()).expect(200);
    const auditSheet = await sheetOf(audit.body);
    expect(auditSheet.headers.slice(0, 4)).toEqual(['序号', '时间', '操作人', '操作']);
    expect(auditSheet.rows).toHaveLength(auditJson.body.total);
    expect(auditSheet.rows.every((r) => r[3] === 'approval.submit')).toBe(true);
    const deliveries = await exportOf(t, '/api/v1/notifications/deliveries', { recipientId: school.head.id }, adminToken).expect(200);
    const deliveriesJson = await t.http
      .get('/api/v1/notifications/deliveries')
      .query({ recipientId: school.head.id })
      .set(auth())
      .expect(200);
    const deliverySheet = await sheetOf(deliveries.body);
    expect(deliverySheet.rows).toHaveLength(deliveriesJson.body.total);
    expect(deliverySheet.rows.length).toBeGreaterThanOrEqual(3);
    expect(deliverySheet.rows[0].slice(1, 3)).toEqual([school.head.name, '站内信']);

    // The export needs the list's own permission; it is recorded in the audit log.
    await exportOf(t, '/api/v1/audit/logs', {}, teacher.token).expect(403);
    const [recorded] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'excel.export' AND actor_id = $1 AND object_type = 'approvals'`,
      [teacher.id],
    );
    expect(recorded.n).toBe(1);

    // format=json is the plain list; anything else is a 400 keyed by field.
    const json = await t.http.get('/api/v1/org/users').query({ format: 'json', pageSize: 1 }).set(auth()).expect(200);
    expect(json.body.items).toHaveLength(1);
    const bad = await t.http.get('/api/v1/org/users').query({ format: 'csv' }).set(auth()).expect(400);
    expect(bad.body.errors).toHaveProperty('format');
  });

  it('PLT-7 the OpenAPI document offers xlsx on exportable lists', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    for (const path of [
      '/api/v1/org/users',
      '/api/v1/audit/logs',
      '/api/v1/notifications/deliveries',
      '/api/v1/approvals/requests',
      '/api/v1/messages',
    ]) {
      const op = doc.paths[path].get;
      expect(op.parameters).toContainEqual(
        expect.objectContaining({ name: 'format', in: 'query', schema: expect.objectContaining({ enum: ['json', 'xlsx'] }) }),
      );
      expect(Object.keys(op.responses['200'].content).sort()).toEqual(['application/json', XLSX]);
    }
    expect(Object.keys(doc.paths['/api/v1/org/users/import'].post.requestBody.content)).toContain(XLSX);
  });
});

describe('Excel export and import (PLT-7), across schools', () => {
  it('PLT-7 an export round-trips through import', async () => {
    const t = await startTestApp();
    const adminToken = await loginAsAdmin(t);
    const auth = (token = adminToken) => ({ authorization: `Bearer ${token}` });
    let res: Response;
    let tag: string;
    try {
      tag = unique('rt').toLowerCase();
      const department = await createDepartment(t, adminToken, { name: `${tag}教务处` });
      for (const [i, name] of ['周晓梅', '吴国强', '郑丽'].entries()) {
        await t.http
          .post('/api/v1/org/users')
          .set(auth())
          .send({
            username: `${tag}-${i}`,
            name,
            password: 'Passw0rd-e2e',
            phone: i === 1 ? null : `1390000000${i}`,
            email: `${tag}${i}@school.example`,
            departmentId: department.id,
            positions: i === 0 ? ['教务员', '年级组长'] : [],
            clearance: i === 2 ? 'secret' : 'none',
            active: i !== 1,
          })
          .expect(201);
      }

      // The export: every matching row, Chinese headers, times in the school's zone.
      res = await exportOf(t, '/api/v1/org/users', { q: tag, pageSize: 1 }, adminToken).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('账号')}`);
      expect(res.headers['x-export-rows']).toBe('3');
      expect(res.headers['x-export-truncated']).toBe('false');
      const exported = await sheetOf(res.body);
      expect(exported.headers).toEqual(['用户名', '姓名', '手机', '邮箱', '部门', '职务', '角色', '密级', '启用', '创建时间']);
      expect(exported.rows.map((r) => r.slice(0, 9))).toEqual([
        [`${tag}-0`, '周晓梅', '13900000000', `${tag}0@school.example`, `${tag}教务处`, '教务员、年级组长', '', '非密', '是'],
        [`${tag}-1`, '吴国强', '', `${tag}1@school.example`, `${tag}教务处`, '', '', '非密', '否'],
        [`${tag}-2`, '郑丽', '13900000002', `${tag}2@school.example`, `${tag}教务处`, '', '', '秘密', '是'],
      ]);
      const [created] = await t.sql<{ created_at: Date }>('SELECT created_at FROM users WHERE username = $1', [`${tag}-0`]);
      expect(exported.rows[0][9]).toBe(formatSchoolDateTime(created.created_at, 'Asia/Shanghai'));

      // Imported back into the same school it changes nothing.
      const same = await t.http.post('/api/v1/org/users/import').set(auth()).set('content-type', XLSX).send(res.body).expect(200);
      expect(same.body).toMatchObject({ imported: true, rows: 3, created: 0, updated: 0, unchanged: 3, problems: [] });

      // Edited in Excel: a name corrected, a phone cleared, a new teacher added with a password.
      const row2 = exported.sheet.getRow(2);
      row2.getCell(2).value = '周晓玫';
      row2.getCell(3).value = null;
      row2.commit();
      exported.sheet.addRow([`${tag}-new`, '钱老师', '13900000009', null, `${tag}教务处`, '教师', '教职工', '非密', '是', null]);
      exported.sheet.getRow(1).getCell(11).value = '初始密码';
      exported.sheet.getRow(exported.sheet.rowCount).getCell(11).value = 'Qian-2026-pass';
      const edited = await toBuffer(exported.workbook);
      const preview = await t.http
        .post('/api/v1/org/users/import')
        .query({ dryRun: true })
        .set(auth())
        .set('content-type', XLSX)
        .send(edited);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ dryRun: true, imported: false, created: 1, updated: 1, unchanged: 2, problems: [] });
      expect(await t.sql('SELECT 1 FROM users WHERE username = $1', [`${tag}-new`])).toHaveLength(0);
      const done = await t.http.post('/api/v1/org/users/import').set(auth()).set('content-type', XLSX).send(edited).expect(200);
      expect(done.body).toMatchObject({ imported: true, created: 1, updated: 1, unchanged: 2 });
      const [changed] = await t.sql<{ name: string; phone: string | null; version: number }>(
        'SELECT name, phone, version FROM users WHERE username = $1',
        [`${tag}-0`],
      );
      expect(changed).toEqual({ name: '周晓玫', phone: null, version: 2 });
      await login(t, `${tag}-new`, 'Qian-2026-pass');
      const newcomer = (
        await t.http
          .get('/api/v1/org/users')
          .query({ q: `${tag}-new` })
          .set(auth())
          .expect(200)
      ).body.items[0];
      expect(newcomer).toMatchObject({
        name: '钱老师',
        positions: ['教师'],
        roles: [{ code: 'staff' }],
        department: { id: department.id },
      });
      const audit = await t.sql<{ action: string; diff: Record<string, unknown> }>(
        `SELECT action, diff FROM audit_log WHERE action IN ('user.update', 'user.create', 'user.import') ORDER BY id DESC LIMIT 3`,
      );
      expect(audit.map((a) => a.action).sort()).toEqual(['user.create', 'user.import', 'user.update']);
      expect(audit.find((a) => a.action === 'user.update')!.diff).toMatchObject({
        name: ['周晓梅', '周晓玫'],
        phone: ['13900000000', null],
      });
    } finally {
      await t.close();
    }

    // Into another school (a fresh database) the same file creates the accounts, and exports the same.
    const other = await startTestApp();
    try {
      const otherAdmin = await loginAsAdmin(other);
      await createDepartment(other, otherAdmin, { name: `${tag}教务处` });
      const moved = await other.http
        .post('/api/v1/org/users/import')
        .set({ authorization: `Bearer ${otherAdmin}` })
        .set('content-type', XLSX)
        .send(res.body)
        .expect(200);
      expect(moved.body).toMatchObject({ imported: true, created: 3, updated: 0 });
      expect(moved.body.notes[0]).toContain('3 new account(s) have no password yet');
      const again = await exportOf(other, '/api/v1/org/users', { q: tag }, otherAdmin).expect(200);
      expect((await sheetOf(again.body)).rows.map((r) => r.slice(0, 9))).toEqual((await sheetOf(res.body)).rows.map((r) => r.slice(0, 9)));
    } finally {
      await other.close();
    }
  });

  it('PLT-7 an export stops at EXPORT_MAX_ROWS and says so', async () => {
    const small = await startTestApp({ EXPORT_MAX_ROWS: '3' });
    try {
      const token = await loginAsAdmin(small);
      for (let i = 0; i < 4; i++) await createStaff(small, token, { roles: ['staff'], name: `限额${i}` });
      const res = await exportOf(small, '/api/v1/org/users', {}, token).expect(200);
      expect(res.headers['x-export-truncated']).toBe('true');
      expect(res.headers['x-export-rows']).toBe('3');
      const { rows } = await sheetOf(res.body);
      expect(rows).toHaveLength(4);
      expect(rows[3][0]).toMatch(/^※ 已达导出上限：只导出了前 3 行/);
      // The note row is skipped when the sheet is imported back.
      const back = await small.http
        .post('/api/v1/org/users/import')
        .set({ authorization: `Bearer ${token}` })
        .set('content-type', XLSX)
        .send(res.body)
        .expect(200);
      expect(back.body).toMatchObject({ rows: 3, unchanged: 3 });
    } finally {
      await small.close();
    }
  });
});
