import ExcelJS from 'exceljs';
import { binary } from './factories/files.factory';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

describe('administration: liaison directory (部门联络人名录, ADM-1)', () => {
  let t: TestApp;
  let adminToken: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  it('ADM-1 the liaison directory lists each department’s liaison and contacts, read from the departments, and exports', async () => {
    const head = await createStaff(t, adminToken, { roles: ['department-head'], name: '王主任', phone: '13800001111' });
    const liaison = await createStaff(t, adminToken, {
      roles: ['staff'],
      name: '刘联络',
      phone: '13900002222',
      email: 'liaison.jwc@school.example',
    });
    const name = unique('教务处');
    const department = await createDepartment(t, adminToken, { name, headId: head.id, liaisonId: liaison.id });
    const reader = await createStaff(t, adminToken, { roles: ['office-clerk'] });

    const page = (await t.http.get('/api/v1/administration/liaison').query({ q: name }).set(as(reader.token)).expect(200)).body;
    expect(page.items).toEqual([
      {
        departmentId: department.id,
        departmentName: name,
        departmentCode: expect.any(String),
        head: { id: head.id, name: '王主任', phone: '13800001111', email: expect.any(String) },
        liaison: { id: liaison.id, name: '刘联络', phone: '13900002222', email: 'liaison.jwc@school.example' },
      },
    ]);
    // Searching by the liaison's phone finds the department too.
    const byPhone = (await t.http.get('/api/v1/administration/liaison').query({ q: '13900002222' }).set(as(reader.token)).expect(200)).body;
    expect(byPhone.items.map((e: { departmentId: string }) => e.departmentId)).toContain(department.id);

    // Not a second store: a change of liaison through the department edit shows at once.
    const other = await createStaff(t, adminToken, { roles: ['staff'], name: '陈新联络', phone: '13700003333' });
    const current = (await t.http.get(`/api/v1/org/departments/${department.id}`).set(as(adminToken)).expect(200)).body;
    await t.http
      .patch(`/api/v1/org/departments/${department.id}`)
      .set(as(adminToken))
      .send({ liaisonId: other.id, version: current.version })
      .expect(200);
    const after = (await t.http.get('/api/v1/administration/liaison').query({ q: name }).set(as(reader.token)).expect(200)).body;
    expect(after.items[0].liaison).toMatchObject({ id: other.id, name: '陈新联络', phone: '13700003333' });

    const exported = await t.http
      .get('/api/v1/administration/liaison')
      .query({ q: name, format: 'xlsx' })
      .set(as(reader.token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('部门联络人名录');
    expect(sheet.getRow(2).values).toEqual(expect.arrayContaining([name, '王主任', '13800001111', '陈新联络', '13700003333']));

    // A teacher without org.read is refused the directory.
    const teacher = await createStaff(t, adminToken, { roles: ['staff'] });
    await t.http.get('/api/v1/administration/liaison').set(as(teacher.token)).expect(403);
  });
});
