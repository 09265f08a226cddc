import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../database/versioned-update';
import { AuditService } from '../audit/audit.service';
import { ApiError, conflict, notFound } from '../http/api-error';
import type { RequestContext } from '../http/request-context';
import { toRoleDto } from './org.mapper';
import type { CreateRoleDto, RoleDto, UpdateRoleDto } from './org.dto';
import { Role } from './role.entity';

/** Roles and their permission lists (RBAC, PLT-1). */
@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<RoleDto[]> {
    const roles = await this.dataSource.manager.find(Role, { order: { builtin: 'DESC', code: 'ASC' } });
    return roles.map(toRoleDto);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<RoleDto> {
    const role = await manager.findOne(Role, { where: { id } });
    if (!role) throw notFound('role');
    return toRoleDto(role);
  }

  async create(dto: CreateRoleDto, ctx: RequestContext): Promise<RoleDto> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.exists(Role, { where: { code: dto.code } })) {
        throw new ApiError(HttpStatus.CONFLICT, PLATFORM_ERRORS.CONFLICT, 'The code is taken', {
          code: ['code is already used by another role'],
        });
      }
      const { identifiers } = await manager.insert(Role, {
        code: dto.code,
        name: dto.name,
        description: dto.description ?? null,
        permissions: [...new Set(dto.permissions)],
        builtin: false,
      });
      const created = await this.get(identifiers[0].id as string, manager);
      await this.audit.record(manager, ctx, {
        action: 'role.create',
        objectType: 'role',
        objectId: created.id,
        before: null,
        after: auditView(created),
      });
      return created;
    });
  }

  async update(id: string, dto: UpdateRoleDto, ctx: RequestContext): Promise<RoleDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(id, manager);
      const { version, ...fields } = dto;
      if (fields.permissions) fields.permissions = [...new Set(fields.permissions)];
      await updateVersioned(manager, Role, id, version, fields, 'role');
      const after = await this.get(id, manager);
      await this.audit.record(manager, ctx, {
        action: 'role.update',
        objectType: 'role',
        objectId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  async remove(id: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.get(id, manager);
      if (before.builtin) throw conflict('ROLE_BUILTIN', 'A seeded role cannot be deleted');
      await manager.delete(Role, { id });
      await this.audit.record(manager, ctx, {
        action: 'role.delete',
        objectType: 'role',
        objectId: id,
        before: auditView(before),
        after: null,
      });
    });
  }
}

function auditView(role: RoleDto): Record<string, unknown> {
  return { code: role.code, name: role.name, description: role.description, permissions: role.permissions };
}
