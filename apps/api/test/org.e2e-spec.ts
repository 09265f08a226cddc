import { PERMISSIONS } from '@xiaoban/shared';
import { createDepartment, createUserWith, loginAsAdmin, unique } from './factories/org.factory';
import { startTestApp, type TestApp } from './setup/test-app';

describe('organisation (PLT-1)', () => {
  let t: TestApp;
  let adminToken: string;
  const auth = () => ({ authorization: `Bearer ${adminToken}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  it('PLT-1 seeds the ten roles of the guide, and a seeded role cannot be deleted', async () => {
    const roles = (await t.http.get('/api/v1/org/roles').set(auth()).expect(200)).body;
    const builtin = roles.filter((r: { builtin: boolean }) => r.builtin).map((r: { name: string }) => r.name);
    expect(builtin.sort()).toEqual(
      ['办公室主任', '办公室文员', '印章管理员', '库管员', '教职工', '校领导', '档案员', '系统管理员', '维修工', '部门负责人'].sort(),
    );
    const clerk = roles.find((r: { code: string }) => r.code === 'office-clerk');
    const res = await t.http.delete(`/api/v1/org/roles/${clerk.id}`).set(auth()).expect(409);
    expect(res.body.code).toBe('ROLE_BUILTIN');
  });

  it('PLT-1 departments form a tree with a head and a liaison; a department cannot move under its own child', async () => {
    const head = await createUserWith(t, adminToken, []);
    const school = await createDepartment(t, adminToken, { name: '教科室' });
    const group = await createDepartment(t, adminToken, { name: '语文教研组', parentId: school.id, headId: head.id, liaisonId: head.id });
    const list = (await t.http.get('/api/v1/org/departments').set(auth()).expect(200)).body;
    expect(list.find((d: { id: string }) => d.id === group.id)).toMatchObject({
      parentId: school.id,
      head: { id: head.id },
      liaison: { id: head.id },
    });
    const cycle = await t.http
      .patch(`/api/v1/org/departments/${school.id}`)
      .set(auth())
      .send({ parentId: group.id, version: school.version })
      .expect(400);
    expect(cycle.body.errors).toHaveProperty('parentId');
    const notEmpty = await t.http.delete(`/api/v1/org/departments/${school.id}`).set(auth()).expect(409);
    expect(notEmpty.body.code).toBe('DEPARTMENT_NOT_EMPTY');
    await t.http.delete(`/api/v1/org/departments/${group.id}`).set(auth()).expect(204);
    await t.http.delete(`/api/v1/org/departments/${school.id}`).set(auth()).expect(204);
  });

  it('PLT-1 a duplicate department code or username is a 409 keyed by field', async () => {
    const dept = await createDepartment(t, adminToken);
    const dup = await t.http.post('/api/v1/org/departments').set(auth()).send({ name: '另一个', code: dept.code }).expect(409);
    expect(dup.body.errors).toHaveProperty('code');
    const user = await createUserWith(t, adminToken, []);
    const dupUser = await t.http
      .post('/api/v1/org/users')
      .set(auth())
      .send({ username: user.username.toUpperCase(), name: '重名', password: 'Passw0rd-x' })
      .expect(409);
    expect(dupUser.body.errors).toHaveProperty('username');
  });

  it('PLT-1 an edit with a stale version gets 409 and changes nothing', async () => {
    const user = await createUserWith(t, adminToken, []);
    const { version } = (await t.http.get(`/api/v1/org/users/${user.id}`).set(auth()).expect(200)).body;
    await t.http.patch(`/api/v1/org/users/${user.id}`).set(auth()).send({ name: '第一次', version }).expect(200);
    const stale = await t.http.patch(`/api/v1/org/users/${user.id}`).set(auth()).send({ name: '第二次', version }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await t.http.get(`/api/v1/org/users/${user.id}`).set(auth())).body.name).toBe('第一次');
  });

  it('NFR-5 two parallel edits of one account at the same version: exactly one wins', async () => {
    const user = await createUserWith(t, adminToken, []);
    const { version } = (await t.http.get(`/api/v1/org/users/${user.id}`).set(auth())).body;
    const results = await Promise.all(
      ['甲', '乙', '丙', '丁', '戊'].map((name) => t.http.patch(`/api/v1/org/users/${user.id}`).set(auth()).send({ name, version })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
  });

  it('PLT-1 roles, positions, department and clearance are set on an account and drive its permissions', async () => {
    const dept = await createDepartment(t, adminToken, { name: '综合办公室' });
    const roles = (await t.http.get('/api/v1/org/roles').set(auth())).body;
    const director = roles.find((r: { code: string }) => r.code === 'office-director');
    const username = unique('director').toLowerCase();
    const created = await t.http
      .post('/api/v1/org/users')
      .set(auth())
      .send({
        username,
        name: '林静',
        password: 'Passw0rd-x',
        departmentId: dept.id,
        positions: ['办公室主任'],
        roleIds: [director.id],
        clearance: 'confidential',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      department: { id: dept.id, name: '综合办公室' },
      positions: ['办公室主任'],
      clearance: 'confidential',
    });
    const token = (await t.http.post('/api/v1/auth/login').send({ username, password: 'Passw0rd-x' }).expect(200)).body.accessToken;
    const me = (await t.http.get('/api/v1/auth/me').set('authorization', `Bearer ${token}`).expect(200)).body;
    expect(me).toMatchObject({ roles: ['office-director'], department: { id: dept.id }, clearance: 'confidential' });
    expect(me.permissions).toContain(PERMISSIONS.AUDIT_READ);
    expect(me.permissions).not.toContain(PERMISSIONS.USERS_MANAGE);
  });

  it('PLT-1 lists accounts page by page with search and filters', async () => {
    const dept = await createDepartment(t, adminToken);
    for (const name of ['周一', '周二', '吴三']) {
      await t.http
        .post('/api/v1/org/users')
        .set(auth())
        .send({ username: unique('list'), name, password: 'Passw0rd-x', departmentId: dept.id })
        .expect(201);
    }
    const all = (await t.http.get('/api/v1/org/users').query({ departmentId: dept.id, pageSize: 2 }).set(auth()).expect(200)).body;
    expect(all).toMatchObject({ total: 3, totalCapped: false, page: 1, pageSize: 2 });
    expect(all.items).toHaveLength(2);
    const found = (await t.http.get('/api/v1/org/users').query({ departmentId: dept.id, q: '周' }).set(auth()).expect(200)).body;
    expect(found.items.map((u: { name: string }) => u.name).sort()).toEqual(['周一', '周二']);
    const tooBig = await t.http.get('/api/v1/org/users').query({ pageSize: 1000 }).set(auth()).expect(400);
    expect(tooBig.body.errors).toHaveProperty('pageSize');
  });

  it('ADM-2 PLT-1 every member of staff can look up colleagues in the directory, without their contact details', async () => {
    const dept = await createDepartment(t, adminToken, { name: '德育处' });
    const teacher = await createUserWith(t, adminToken, [], {
      departmentId: dept.id,
      name: '何老师',
      phone: '13700001234',
      positions: ['班主任'],
    });
    await t.http.get('/api/v1/org/users').set('authorization', `Bearer ${teacher.token}`).expect(403);
    const found = (
      await t.http.get('/api/v1/org/directory/people').query({ q: '何老师' }).set('authorization', `Bearer ${teacher.token}`).expect(200)
    ).body;
    expect(found.items).toEqual([{ id: teacher.id, name: '何老师', department: { id: dept.id, name: '德育处' }, positions: ['班主任'] }]);
    const inDept = (
      await t.http
        .get('/api/v1/org/directory/people')
        .query({ departmentId: dept.id })
        .set('authorization', `Bearer ${teacher.token}`)
        .expect(200)
    ).body;
    expect(inDept.items.map((p: { id: string }) => p.id)).toEqual([teacher.id]);
    const departments = (await t.http.get('/api/v1/org/directory/departments').set('authorization', `Bearer ${teacher.token}`).expect(200))
      .body;
    expect(departments).toContainEqual({ id: dept.id, name: '德育处', parentId: null, sortOrder: 0 });
    await t.http.get('/api/v1/org/directory/people').expect(401);
  });
});
