import type { DepartmentDto, RoleDto, UserDto } from './org.dto';
import type { Department } from './department.entity';
import type { Role } from './role.entity';
import type { User } from './user.entity';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    phone: user.phone,
    email: user.email,
    department: user.department ? { id: user.department.id, name: user.department.name } : null,
    positions: user.positions,
    roles: (user.roles ?? []).map((r) => ({ id: r.id, code: r.code, name: r.name })).sort((a, b) => a.code.localeCompare(b.code)),
    clearance: user.clearance,
    active: user.active,
    lockedUntil: user.lockedUntil && user.lockedUntil > new Date() ? user.lockedUntil.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}

export function toDepartmentDto(department: Department): DepartmentDto {
  return {
    id: department.id,
    name: department.name,
    code: department.code,
    parentId: department.parentId,
    head: department.head ? { id: department.head.id, name: department.head.name } : null,
    liaison: department.liaison ? { id: department.liaison.id, name: department.liaison.name } : null,
    sortOrder: department.sortOrder,
    version: department.version,
  };
}

export function toRoleDto(role: Role): RoleDto {
  return {
    id: role.id,
    code: role.code,
    name: role.name,
    description: role.description,
    permissions: [...role.permissions].sort(),
    builtin: role.builtin,
    version: role.version,
  };
}
