import type { QueryRunner } from 'typeorm';

/**
 * New permissions of the seeded roles (libs/shared roles.ts) reach an existing school's built-in
 * roles through the migration that brings them: `grants` maps a role code to the permissions it
 * gains. A fresh database gets them from the seed; a school's own roles are left alone.
 */
export async function grantToBuiltinRoles(queryRunner: QueryRunner, grants: Record<string, string[]>): Promise<void> {
  for (const [code, permissions] of Object.entries(grants)) {
    await queryRunner.query(
      `UPDATE roles SET permissions = ARRAY(SELECT DISTINCT p FROM unnest(permissions || $2::text[]) AS p ORDER BY p)
        WHERE code = $1 AND builtin`,
      [code, permissions],
    );
  }
}

/** The way back: the same permissions taken off again. */
export async function revokeFromBuiltinRoles(queryRunner: QueryRunner, grants: Record<string, string[]>): Promise<void> {
  for (const [code, permissions] of Object.entries(grants)) {
    await queryRunner.query(
      `UPDATE roles SET permissions = ARRAY(SELECT p FROM unnest(permissions) AS p WHERE p <> ALL($2::text[])) WHERE code = $1`,
      [code, permissions],
    );
  }
}
