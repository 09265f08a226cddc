import { randomUUID } from 'node:crypto';
import { SEEDED_ROLES } from '@xiaoban/shared';
import { createDepartment, loginAsAdmin } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * NFR-4: the permission matrix, read from the routes' own declarations. Every operation of the
 * OpenAPI document carries `x-permission`, written by the same @Authenticated decorator that sets
 * the guard; so a new route is in the matrix the moment it exists. Each route is called as a
 * person holding each seeded role (and as one of another department): without the permission the
 * answer is 403 FORBIDDEN, with it (or where none is needed) it is never 401 or 403.
 */
interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  permission: string | null;
}

interface Person {
  label: string;
  token: string;
  permissions: Set<string>;
}

describe('NFR-4 the permission matrix', () => {
  let t: TestApp;
  let operations: Operation[];
  const people: Person[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await loginAsAdmin(t);
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { security?: unknown[]; 'x-permission'?: string | null }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.security !== undefined)
        .map(([method, op]) => ({ method: method as Operation['method'], path, permission: op['x-permission'] ?? null })),
    );
    const roles = (await t.http.get('/api/v1/org/roles').set('authorization', `Bearer ${admin}`).expect(200)).body as {
      code: string;
      permissions: string[];
    }[];
    const [home, other] = [await createDepartment(t, admin), await createDepartment(t, admin)];
    // Every seeded role alone, in one department; the least and the most privileged again in another.
    const cast: [string, string, string][] = [
      ...SEEDED_ROLES.map((role): [string, string, string] => [role.code, home.id, role.code]),
      ['staff', other.id, 'staff of another department'],
      ['office-director', other.id, 'office director of another department'],
    ];
    for (const [code, departmentId, label] of cast) {
      const role = roles.find((r) => r.code === code);
      if (!role) throw new Error(`seeded role ${code} is missing`);
      const person = await createStaff(t, admin, { roles: [code], departmentId });
      people.push({ label, token: person.token, permissions: new Set(role.permissions) });
    }
  }, 120_000);
  afterAll(() => t.close());

  it('NFR-4 every route answers each seeded role as its declared permission says: 403 without it, never 401 or 403 with it', async () => {
    expect(operations.length).toBeGreaterThan(200);
    expect(people.length).toBe(SEEDED_ROLES.length + 2);
    const wrong: string[] = [];
    let calls = 0;
    for (const op of operations) {
      const url = op.path.replace(/\{[^}]+\}/g, () => randomUUID());
      for (const person of people) {
        const request = t.http[op.method](url).set('authorization', `Bearer ${person.token}`);
        const res = op.method === 'get' || op.method === 'delete' ? await request : await request.send({});
        calls++;
        const allowed = op.permission === null || person.permissions.has(op.permission);
        const refused = res.status === 403 && res.body.code === 'FORBIDDEN';
        if (allowed ? res.status === 401 || res.status === 403 : !refused) {
          wrong.push(
            `${op.method.toUpperCase()} ${op.path} as ${person.label} (${op.permission ?? 'any signed-in person'}): ${res.status}`,
          );
        }
      }
    }
    console.log(`NFR-4: ${operations.length} routes × ${people.length} people = ${calls} calls`);
    expect(wrong).toEqual([]);
  }, 600_000);
});
