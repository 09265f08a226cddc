import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { PasswordService } from '../auth/password.service';
import type { ImportReportDto } from '../excel/import-report.dto';
import { importFailed, readSheet, validateRows } from '../excel/workbook-import';
import type { RequestContext } from '../http/request-context';
import { User } from './user.entity';
import { ImportUserRowDto, userImportColumns, type Named } from './users.sheet';

/** Thrown to roll a dry run back after it did everything a real import does. */
class DryRun extends Error {}

type RowFields = Pick<ImportUserRowDto, 'name' | 'phone' | 'email' | 'departmentId' | 'positions' | 'roleIds' | 'clearance' | 'active'>;

/** What a column left empty means: no phone, no department, no roles, unclassified, active. */
const WHEN_EMPTY: Required<{ [K in keyof RowFields]: RowFields[K] | null }> = {
  name: null,
  phone: null,
  email: null,
  departmentId: null,
  positions: [],
  roleIds: [],
  clearance: 'none',
  active: true,
};
const UPDATABLE = Object.keys(WHEN_EMPTY) as (keyof RowFields)[];

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Accounts from an Excel sheet (PLT-1, PLT-7). Rows are matched by username: an existing account
 * takes the values of the columns the sheet has (an empty cell clears the field), a new one is
 * created. So an exported sheet imports back as it is, into the same school (nothing changes)
 * or into another (the accounts are created). Passwords are never exported: a new account gets
 * the 初始密码 column's password, or none that anyone knows until an administrator resets it;
 * an existing account's password is never changed by an import.
 *
 * Every row is checked with the create endpoint's rules first, then all rows are written in one
 * transaction, or none: a sheet with any bad row changes nothing.
 */
@Injectable()
export class UsersImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async importWorkbook(workbook: Buffer, dryRun: boolean, ctx: RequestContext): Promise<ImportReportDto> {
    const [departments, roles]: Named[][] = await Promise.all([
      this.dataSource.query('SELECT id, name, code FROM departments'),
      this.dataSource.query('SELECT id, name, code FROM roles'),
    ]);
    const columns = userImportColumns(departments, roles);
    const sheet = await readSheet(workbook, columns);
    const { valid, problems } = await validateRows(sheet.rows, ImportUserRowDto, columns, sheet.problems);
    const firstRow = new Map<string, number>();
    for (const { row, dto } of valid) {
      const earlier = firstRow.get(dto.username);
      if (earlier) problems.push({ row, field: 'username', column: '用户名', reason: `the same account is on row ${earlier}` });
      else firstRow.set(dto.username, row);
    }
    problems.sort((a, b) => a.row - b.row);

    const report: ImportReportDto = {
      dryRun,
      imported: false,
      rows: sheet.rows.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      problems,
      notes: [],
    };
    if (problems.length) {
      if (dryRun) return report;
      throw importFailed(problems);
    }
    const roleCodes = new Map(roles.map((r) => [r.id, r.code]));
    try {
      await this.dataSource.transaction(async (manager) => {
        const existing = new Map(
          (await manager.find(User, { where: { username: In([...firstRow.keys()]) }, relations: { roles: true } })).map((u) => [
            u.username,
            u,
          ]),
        );
        const withoutPassword: string[] = [];
        const passwordIgnored: number[] = [];
        let unknownPassword: Promise<string> | undefined;
        for (const { row, dto, fields } of valid) {
          const values = Object.fromEntries(
            UPDATABLE.filter((f) => fields.includes(f)).map((f) => [f, dto[f] ?? WHEN_EMPTY[f]]),
          ) as RowFields;
          const user = existing.get(dto.username);
          if (user) {
            if (dto.password) passwordIgnored.push(row);
            report[(await this.update(manager, user, values, row, roleCodes, ctx)) ? 'updated' : 'unchanged']++;
            continue;
          }
          let passwordHash: string;
          if (dryRun) passwordHash = 'dry-run';
          else if (dto.password) passwordHash = await this.passwords.hash(dto.password);
          else passwordHash = await (unknownPassword ??= this.passwords.hash(randomBytes(24).toString('base64')));
          if (!dto.password) withoutPassword.push(dto.username);
          await this.create(manager, dto.username, values, passwordHash, row, roleCodes, ctx);
          report.created++;
        }
        if (withoutPassword.length) {
          const shown = withoutPassword.slice(0, 20).join(', ') + (withoutPassword.length > 20 ? ', …' : '');
          report.notes.push(
            `${withoutPassword.length} new account(s) have no password yet; reset their passwords before they sign in: ${shown}`,
          );
        }
        if (passwordIgnored.length) {
          report.notes.push(
            `初始密码 is ignored for existing accounts (rows ${passwordIgnored.join(', ')}); reset a password on the account instead`,
          );
        }
        await this.audit.record(manager, ctx, {
          action: 'user.import',
          objectType: 'user',
          details: { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged },
        });
        if (dryRun) throw new DryRun();
      });
    } catch (error) {
      if (!(error instanceof DryRun)) throw error;
      return report;
    }
    report.imported = true;
    return report;
  }

  private async create(
    manager: EntityManager,
    username: string,
    values: RowFields,
    passwordHash: string,
    row: number,
    roleCodes: Map<string, string>,
    ctx: RequestContext,
  ): Promise<void> {
    const fields = { ...WHEN_EMPTY, ...values };
    const { identifiers } = await manager.insert(User, {
      username,
      name: fields.name!,
      phone: fields.phone ?? null,
      email: fields.email ?? null,
      departmentId: fields.departmentId ?? null,
      positions: fields.positions ?? [],
      clearance: fields.clearance ?? 'none',
      active: fields.active ?? true,
      passwordHash,
      passwordChangedAt: new Date(),
    });
    const id = identifiers[0].id as string;
    await this.setRoles(manager, id, fields.roleIds ?? []);
    await this.audit.record(manager, ctx, {
      action: 'user.create',
      objectType: 'user',
      objectId: id,
      before: null,
      after: { username, ...fields, roleIds: undefined, roles: (fields.roleIds ?? []).map((r) => roleCodes.get(r)).sort() },
      details: { source: 'import', row },
    });
  }

  /** Applies a row to an existing account; false when the row changes nothing. */
  private async update(
    manager: EntityManager,
    user: User,
    values: RowFields,
    row: number,
    roleCodes: Map<string, string>,
    ctx: RequestContext,
  ): Promise<boolean> {
    const current: RowFields = {
      name: user.name,
      phone: user.phone,
      email: user.email,
      departmentId: user.departmentId,
      positions: user.positions,
      roleIds: (user.roles ?? []).map((r) => r.id),
      clearance: user.clearance,
      active: user.active,
    };
    const changed = (Object.keys(values) as (keyof RowFields)[]).filter((f) => {
      const now = current[f];
      const next = values[f];
      return Array.isArray(now) && Array.isArray(next)
        ? f === 'positions'
          ? now.join('\n') !== next.join('\n')
          : !sameSet(now, next)
        : (now ?? null) !== (next ?? null);
    });
    if (changed.length === 0) return false;
    const { roleIds, ...columns } = Object.fromEntries(changed.map((f) => [f, values[f]])) as RowFields;
    await manager
      .createQueryBuilder()
      .update(User)
      .set({ ...columns, version: () => 'version + 1' } as never)
      .where('id = :id', { id: user.id })
      .execute();
    if (roleIds) await this.setRoles(manager, user.id, roleIds);
    const view = (v: RowFields) => ({ ...v, roleIds: undefined, roles: v.roleIds?.map((r) => roleCodes.get(r)).sort() });
    await this.audit.record(manager, ctx, {
      action: 'user.update',
      objectType: 'user',
      objectId: user.id,
      before: view(Object.fromEntries(changed.map((f) => [f, current[f]])) as RowFields),
      after: view(Object.fromEntries(changed.map((f) => [f, values[f]])) as RowFields),
      details: { source: 'import', row },
    });
    return true;
  }

  private async setRoles(manager: EntityManager, userId: string, roleIds: string[]): Promise<void> {
    await manager.query('DELETE FROM user_roles WHERE user_id = $1', [userId]);
    if (roleIds.length) {
      await manager.query('INSERT INTO user_roles (user_id, role_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [
        userId,
        roleIds,
      ]);
    }
  }
}
