import type { Permission } from '@xiaoban/shared';
import type { TestApp } from '../setup/test-app';
import { ADMIN_PASSWORD } from '../setup/test-app';

let counter = 0;
/** A name unique within the run, so factories never collide. */
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function login(t: TestApp, username: string, password: string): Promise<string> {
  const res = await t.http.post('/api/v1/auth/login').send({ username, password }).expect(200);
  return res.body.accessToken as string;
}

export const loginAsAdmin = (t: TestApp) => login(t, 'admin', ADMIN_PASSWORD);

export async function createDepartment(t: TestApp, adminToken: string, fields: Record<string, unknown> = {}) {
  const res = await t.http
    .post('/api/v1/org/departments')
    .set('authorization', `Bearer ${adminToken}`)
    .send({
      name: unique('部门'),
      code: unique('D')
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 20),
      ...fields,
    })
    .expect(201);
  return res.body as { id: string; name: string; code: string; version: number };
}

export async function createRole(t: TestApp, adminToken: string, permissions: Permission[]) {
  const res = await t.http
    .post('/api/v1/org/roles')
    .set('authorization', `Bearer ${adminToken}`)
    .send({ code: unique('role-').toLowerCase(), name: unique('角色'), permissions })
    .expect(201);
  return res.body as { id: string; code: string };
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  token: string;
}

/** A user holding exactly the given permissions (through a role of their own), logged in. */
export async function createUserWith(
  t: TestApp,
  adminToken: string,
  permissions: Permission[],
  fields: Record<string, unknown> = {},
): Promise<TestUser> {
  const role = permissions.length ? await createRole(t, adminToken, permissions) : undefined;
  const username = unique('user').toLowerCase();
  const password = 'Passw0rd-e2e';
  const res = await t.http
    .post('/api/v1/org/users')
    .set('authorization', `Bearer ${adminToken}`)
    .send({ username, name: unique('测试'), password, roleIds: role ? [role.id] : [], ...fields })
    .expect(201);
  return { id: res.body.id, username, password, token: await login(t, username, password) };
}
