import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { SECRECY_LABELS, SECRECY_LEVELS, type SecrecyLevel } from '@xiaoban/shared';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import type { SheetSpec } from '../excel/sheet';
import { CellError, type ImportColumn } from '../excel/workbook-import';
import { CreateUserDto, type UserDto } from './org.dto';

/**
 * The accounts sheet (PLT-7): what an export of GET /org/users writes, and what an import reads
 * back. The two share their headers, so an exported sheet imports as it is.
 */
export const USERS_SHEET: SheetSpec<UserDto> = {
  title: '账号',
  fileName: 'users',
  columns: [
    { header: '用户名', key: 'username', width: 16 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '手机', key: 'phone', width: 16 },
    { header: '邮箱', key: 'email', width: 26 },
    { header: '部门', key: 'department.name', width: 18 },
    { header: '职务', key: 'positions', width: 18 },
    { header: '角色', key: 'roles', width: 24 },
    { header: '密级', key: 'clearance', width: 8, value: (u) => SECRECY_LABELS[u.clearance]['zh-CN'] },
    { header: '启用', key: 'active', width: 8 },
    { header: '创建时间', key: 'createdAt', width: 18, format: 'datetime' },
  ],
};

/** A row of an accounts import: the create DTO, but the password is optional (see UsersImportService). */
export class ImportUserRowDto extends OmitType(CreateUserDto, ['password'] as const) {
  @ApiPropertyOptional({ minLength: 8, maxLength: 128 })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(128)
  password?: string;
}

const LIST_SEPARATORS = /[、,，;；\n]+/;
const split = (text: string) =>
  text
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);

const YES = new Set(['是', '启用', '有效', 'true', 'TRUE', '1', 'yes', 'Y']);
const NO = new Set(['否', '停用', '禁用', '无效', 'false', 'FALSE', '0', 'no', 'N']);

export interface Named {
  id: string;
  name: string;
  code: string;
}

/** Finds a department or role by its name or its code; a name two of them share is ambiguous. */
function lookup(items: Named[], what: string): (text: string) => string {
  return (text) => {
    const byCode = items.filter((i) => i.code.toLowerCase() === text.toLowerCase());
    const matches = byCode.length ? byCode : items.filter((i) => i.name === text);
    if (matches.length === 0) throw new CellError(`no ${what} is named "${text}"`);
    if (matches.length > 1) throw new CellError(`${matches.length} ${what}s are named "${text}"; write its code instead`);
    return matches[0].id;
  };
}

/** The columns an accounts import reads; departments and roles are found by name or code. */
export function userImportColumns(departments: Named[], roles: Named[]): ImportColumn[] {
  const department = lookup(departments, 'department');
  const role = lookup(roles, 'role');
  const clearances = new Map<string, SecrecyLevel>(
    SECRECY_LEVELS.flatMap((level) => [[level, level] as const, [SECRECY_LABELS[level]['zh-CN'], level] as const]),
  );
  return [
    { header: '用户名', aliases: ['username'], field: 'username', required: true },
    { header: '姓名', aliases: ['name'], field: 'name', required: true },
    { header: '手机', aliases: ['phone'], field: 'phone' },
    { header: '邮箱', aliases: ['email'], field: 'email' },
    { header: '部门', aliases: ['department'], field: 'departmentId', parse: department },
    { header: '职务', aliases: ['positions'], field: 'positions', parse: split },
    { header: '角色', aliases: ['roles'], field: 'roleIds', parse: (text) => split(text).map(role) },
    {
      header: '密级',
      aliases: ['clearance'],
      field: 'clearance',
      parse: (text) => {
        const level = clearances.get(text);
        if (!level) throw new CellError(`clearance must be one of ${SECRECY_LEVELS.map((l) => SECRECY_LABELS[l]['zh-CN']).join('、')}`);
        return level;
      },
    },
    {
      header: '启用',
      aliases: ['active'],
      field: 'active',
      parse: (text) => {
        if (YES.has(text)) return true;
        if (NO.has(text)) return false;
        throw new CellError('active must be 是 or 否');
      },
    },
    { header: '初始密码', aliases: ['password'], field: 'password' },
  ];
}
