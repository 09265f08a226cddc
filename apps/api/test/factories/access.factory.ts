import type { SecrecyLevel } from '@xiaoban/shared';
import { AccessService } from '../../src/platform/access/access.service';
import type { Principal } from '../../src/platform/auth/principal';
import { PrincipalService } from '../../src/platform/auth/principal.service';
import type { RequestContext } from '../../src/platform/http/request-context';
import type { TestApp } from '../setup/test-app';

/**
 * A classified resource type for tests (REQ-3): no business module has classified objects yet,
 * so the tests declare one the way a module would — a table with a department, a secrecy level
 * and a named holder — and register it with the real access service.
 */
export const SECRET_NOTE = 'test-secret-note';

export async function registerSecretNotes(t: TestApp): Promise<AccessService> {
  await t.sql(`CREATE TABLE IF NOT EXISTS test_secret_notes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL,
    department_id uuid REFERENCES departments(id),
    secrecy varchar(20) NOT NULL,
    holder_id uuid REFERENCES users(id))`);
  const access = t.app.get(AccessService);
  if (!access.isRegistered(SECRET_NOTE)) {
    access.register(
      SECRET_NOTE,
      {
        table: 'test_secret_notes',
        departmentColumn: 'department_id',
        secrecyColumn: 'secrecy',
        named: (o, me) => `${o}.holder_id = ${me}`,
      },
      { rule: 'classified', unclassifiedRule: 'department', label: { 'zh-CN': '测试密件', en: 'Test secret note' } },
    );
  }
  return access;
}

export async function createSecretNote(
  t: TestApp,
  fields: { title: string; secrecy: SecrecyLevel; departmentId?: string | null; holderId?: string | null },
): Promise<string> {
  const [row] = await t.sql<{ id: string }>(
    'INSERT INTO test_secret_notes (title, secrecy, department_id, holder_id) VALUES ($1, $2, $3, $4) RETURNING id',
    [fields.title, fields.secrecy, fields.departmentId ?? null, fields.holderId ?? null],
  );
  return row.id;
}

export async function principalOf(t: TestApp, userId: string): Promise<Principal> {
  const principal = await t.app.get(PrincipalService).load(userId);
  if (!principal) throw new Error(`no active user ${userId}`);
  return principal;
}

export const contextOf = (actor: Principal): RequestContext => ({ actor, ip: '127.0.0.1', requestId: 'e2e' });
