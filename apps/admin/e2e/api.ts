import { expect, request, type APIRequestContext } from '@playwright/test';
import { adminCredentials } from './support';

/**
 * Test setup through the API with the administrator's token: faster than clicking through the
 * organisation pages, which organisation.spec.ts already covers.
 */
export interface AdminApi {
  context: APIRequestContext;
  roleId(code: string): Promise<string>;
  createDepartment(input: { code: string; name: string; parentId?: string }): Promise<{ id: string; version: number }>;
  setDepartmentHead(department: { id: string; version: number }, headId: string): Promise<void>;
  createUser(input: { username: string; name: string; password: string; departmentId?: string; roleCodes: string[] }): Promise<string>;
  dispose(): Promise<void>;
}

export async function adminApi(baseURL: string): Promise<AdminApi> {
  const admin = adminCredentials();
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username: admin.username, password: admin.password } });
  expect(login.ok(), await login.text()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });

  let roles: { id: string; code: string }[] | null = null;
  async function roleId(code: string): Promise<string> {
    if (!roles) {
      const response = await context.get('/api/v1/org/roles');
      expect(response.ok(), await response.text()).toBe(true);
      roles = (await response.json()) as { id: string; code: string }[];
    }
    const role = roles.find((entry) => entry.code === code);
    if (!role) throw new Error(`no role ${code}`);
    return role.id;
  }

  return {
    context,
    roleId,
    async createDepartment(input) {
      const response = await context.post('/api/v1/org/departments', { data: input });
      expect(response.ok(), await response.text()).toBe(true);
      return (await response.json()) as { id: string; version: number };
    },
    async setDepartmentHead(department, headId) {
      const response = await context.patch(`/api/v1/org/departments/${department.id}`, { data: { headId, version: department.version } });
      expect(response.ok(), await response.text()).toBe(true);
    },
    async createUser(input) {
      const roleIds = await Promise.all(input.roleCodes.map(roleId));
      const response = await context.post('/api/v1/org/users', {
        data: { username: input.username, name: input.name, password: input.password, departmentId: input.departmentId, roleIds },
      });
      expect(response.ok(), await response.text()).toBe(true);
      return ((await response.json()) as { id: string }).id;
    },
    dispose: () => context.dispose(),
  };
}
