import type { TestApp } from '../setup/test-app';
import { createDepartment, login, unique, type TestUser } from './org.factory';

/** A seeded role's id by its code (e.g. `school-leader`). */
export async function roleId(t: TestApp, adminToken: string, code: string): Promise<string> {
  const roles = (await t.http.get('/api/v1/org/roles').set('authorization', `Bearer ${adminToken}`).expect(200)).body as {
    id: string;
    code: string;
  }[];
  const role = roles.find((r) => r.code === code);
  if (!role) throw new Error(`no role ${code}`);
  return role.id;
}

/** A person with seeded roles, in a department, logged in. */
export async function createStaff(
  t: TestApp,
  adminToken: string,
  /** Roles by code; any other account field (departmentId, clearance, phone …) is sent as given. */
  options: { roles: string[]; name?: string; email?: string } & Record<string, unknown>,
): Promise<TestUser & { name: string }> {
  const { roles, name: givenName, email, ...fields } = options;
  const roleIds = await Promise.all(roles.map((code) => roleId(t, adminToken, code)));
  const username = unique('staff').toLowerCase();
  const password = 'Passw0rd-e2e';
  const name = givenName ?? unique('教工');
  const res = await t.http
    .post('/api/v1/org/users')
    .set('authorization', `Bearer ${adminToken}`)
    .send({ username, name, password, roleIds, email: email ?? `${username}@school.example`, ...fields })
    .expect(201);
  return { id: res.body.id, username, password, name, token: await login(t, username, password) };
}

export interface SmallSchool {
  departmentId: string;
  head: TestUser & { name: string };
  applicant: TestUser & { name: string };
  colleague: TestUser & { name: string };
  leaders: (TestUser & { name: string })[];
}

/**
 * A department with its head and two teachers, and school leaders: enough people for the
 * general request's default chain (head of department, then a school leader).
 */
export async function createSmallSchool(t: TestApp, adminToken: string, leaderCount = 2): Promise<SmallSchool> {
  const head = await createStaff(t, adminToken, { roles: ['department-head'], name: '王主任' });
  const department = await createDepartment(t, adminToken, { name: unique('教务处'), headId: head.id });
  await t.http
    .patch(`/api/v1/org/users/${head.id}`)
    .set('authorization', `Bearer ${adminToken}`)
    .send({ departmentId: department.id, version: 1 })
    .expect(200);
  const applicant = await createStaff(t, adminToken, { roles: ['staff'], departmentId: department.id, name: '刘老师' });
  const colleague = await createStaff(t, adminToken, { roles: ['staff'], departmentId: department.id, name: '陈老师' });
  const leaders = [];
  for (let i = 0; i < leaderCount; i++)
    leaders.push(await createStaff(t, adminToken, { roles: ['school-leader'], name: `校领导${i + 1}` }));
  return { departmentId: department.id, head, applicant, colleague, leaders };
}

/** Polls until `check` returns something truthy, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, ms = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
