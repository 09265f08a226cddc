import * as argon2 from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { ARGON2_OPTIONS, generatePassword, type SeedLog } from './base.seed';
import vocabulary from './vocabulary.json';

/**
 * One demo account per seeded role, with a name a reader of the README can find. The README's
 * table of demo accounts lists exactly these.
 */
export const DEMO_ACCOUNTS = [
  { username: 'director', name: '林静', role: 'office-director', department: 'BGS', position: '办公室主任', clearance: 'confidential' },
  { username: 'clerk', name: '陈晓', role: 'office-clerk', department: 'BGS', position: '办公室文员', clearance: 'secret' },
  { username: 'principal', name: '张建国', role: 'school-leader', department: 'XZS', position: '校长', clearance: 'top-secret' },
  { username: 'head', name: '王海', role: 'department-head', department: 'JWC', position: '教务主任', clearance: 'none' },
  { username: 'teacher', name: '刘婷', role: 'staff', department: 'G1', position: '教师', clearance: 'none' },
  { username: 'seal', name: '赵敏', role: 'seal-custodian', department: 'BGS', position: '印章管理员', clearance: 'secret' },
  { username: 'archivist', name: '周云', role: 'archivist', department: 'BGS', position: '档案员', clearance: 'confidential' },
  { username: 'store', name: '孙强', role: 'storekeeper', department: 'ZWC', position: '库管员', clearance: 'none' },
  { username: 'repair', name: '马军', role: 'maintenance-worker', department: 'ZWC', position: '维修工', clearance: 'none' },
] as const;

/** Deterministic "random" choices, so that every demo school looks the same. */
function picker(seed: number) {
  let state = seed;
  return <T>(items: readonly T[]): T => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return items[state % items.length];
  };
}

/**
 * The demo school (`pnpm demo`): 某市第一中学 with its departments, about 40 staff across the
 * seeded roles, and the demo accounts. Later modules add their sample records here. Loads once.
 */
export async function seedDemo(dataSource: DataSource, demoPassword: string | undefined, log: SeedLog): Promise<void> {
  const [{ loaded }] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM users WHERE username = 'director') AS loaded`);
  if (loaded) return;
  const password = demoPassword ?? generatePassword();
  const hash = await argon2.hash(password, ARGON2_OPTIONS);
  await dataSource.transaction(async (manager) => {
    const departmentIds = await seedDepartments(manager);
    const roleIds = new Map<string, string>(
      (await manager.query('SELECT code, id FROM roles')).map((r: { code: string; id: string }) => [r.code, r.id]),
    );
    const addUser = async (u: {
      username: string;
      name: string;
      department: string;
      position: string;
      role: string;
      clearance: string;
    }) => {
      const [row] = await manager.query(
        `INSERT INTO users (username, name, phone, email, department_id, positions, clearance, password_hash, password_changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()) RETURNING id`,
        [
          u.username,
          u.name,
          `1380000${String(Math.abs(hashCode(u.username)) % 10000).padStart(4, '0')}`,
          `${u.username}@school.example`,
          departmentIds.get(u.department),
          [u.position],
          u.clearance,
          hash,
        ],
      );
      await manager.query('INSERT INTO user_roles (user_id, role_id) VALUES ($1, $2)', [row.id, roleIds.get(u.role)]);
      return row.id as string;
    };

    const accountIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) accountIds.set(account.username, await addUser(account));

    // About thirty more staff, mostly teachers, spread over the departments.
    const pick = picker(2026);
    const teaching = ['YW', 'SX', 'YY', 'LHS', 'ZSD', 'TY', 'G1', 'G2', 'G3'];
    const usedNames = new Set<string>(DEMO_ACCOUNTS.map((a) => a.name));
    for (let i = 1; i <= 31; i++) {
      let name: string;
      do name = pick(vocabulary.surnames) + pick(vocabulary.givenNameChars) + (i % 3 ? pick(vocabulary.givenNameChars) : '');
      while (usedNames.has(name));
      usedNames.add(name);
      const department = i <= 22 ? pick(teaching) : pick(['JWC', 'DYC', 'ZWC', 'JKS', 'CWS', 'XXZX', 'BWK', 'TSG', 'TW', 'GH']);
      await addUser({
        username: `staff${String(i).padStart(2, '0')}`,
        name,
        department,
        position: i <= 22 ? '教师' : '干事',
        role: 'staff',
        clearance: 'none',
      });
    }

    // Heads and liaison persons for the departments the demo accounts work in.
    await manager.query('UPDATE departments SET head_id = $1, liaison_id = $2 WHERE code = $3', [
      accountIds.get('director'),
      accountIds.get('clerk'),
      'BGS',
    ]);
    await manager.query('UPDATE departments SET head_id = $1 WHERE code = $2', [accountIds.get('principal'), 'XZS']);
    await manager.query('UPDATE departments SET head_id = $1 WHERE code = $2', [accountIds.get('head'), 'JWC']);
    await manager.query(`INSERT INTO audit_log (action, object_type, request_id, diff) VALUES ('demo.load', 'school', 'seed', $1)`, [
      JSON.stringify({ details: { departments: departmentIds.size, staff: DEMO_ACCOUNTS.length + 31 } }),
    ]);
  });
  log(
    demoPassword
      ? `Loaded the demo school; demo accounts (${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}) use DEMO_PASSWORD`
      : `Loaded the demo school; demo accounts (${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}) use the generated password: ${password}  (shown once)`,
  );
}

async function seedDepartments(manager: EntityManager): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const byName = new Map(vocabulary.departments.map((d) => [d.name, d.code]));
  // Parents first: the vocabulary lists top-level departments before their children.
  for (const [index, department] of vocabulary.departments.entries()) {
    const parentCode = 'parent' in department && department.parent ? byName.get(department.parent) : undefined;
    const [row] = await manager.query(
      `INSERT INTO departments (name, code, parent_id, sort_order) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [department.name, department.code, parentCode ? ids.get(parentCode) : null, index],
    );
    ids.set(department.code, row.id);
  }
  return ids;
}

function hashCode(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
