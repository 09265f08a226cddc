import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { ALL_PERMISSIONS, SEEDED_ROLES } from '@xiaoban/shared';
import type { DataSource } from 'typeorm';

export type SeedLog = (message: string) => void;

export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A password that is easy to read out and type: 16 characters from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * What every school needs on its first start: the seeded roles (PLT-1) and the `admin` account.
 * Runs on every start and only adds what is missing; the admin role always holds every
 * permission, including those that later versions add.
 */
export async function seedBase(dataSource: DataSource, adminPassword: string | undefined, log: SeedLog): Promise<void> {
  await dataSource.transaction(async (manager) => {
    for (const role of SEEDED_ROLES) {
      await manager.query(
        `INSERT INTO roles (code, name, description, permissions, builtin) VALUES ($1, $2, $3, $4, true)
         ON CONFLICT (code) DO NOTHING`,
        [role.code, role.name, role.nameEn, role.permissions],
      );
    }
    await manager.query(`UPDATE roles SET permissions = $1 WHERE code = 'admin' AND NOT (permissions @> $1)`, [ALL_PERMISSIONS]);

    const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM users');
    if (count > 0) return;
    const password = adminPassword ?? generatePassword();
    const hash = await argon2.hash(password, ARGON2_OPTIONS);
    const [admin] = await manager.query(
      `INSERT INTO users (username, name, password_hash, password_changed_at, positions) VALUES ('admin', '系统管理员', $1, now(), '{}') RETURNING id`,
      [hash],
    );
    await manager.query(`INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE code = 'admin'`, [admin.id]);
    await manager.query(
      `INSERT INTO audit_log (action, object_type, object_id, request_id, diff) VALUES ('user.create', 'user', $1, 'seed', $2)`,
      [admin.id, JSON.stringify({ username: [null, 'admin'] })],
    );
    if (adminPassword) log('Created the account "admin" with the password from ADMIN_PASSWORD');
    else log(`Created the account "admin" with the generated password: ${password}  (shown once; change it after logging in)`);
  });
}
