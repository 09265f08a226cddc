import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../database/versioned-update';
import { AuditService } from '../audit/audit.service';
import { ApiError, conflict, notFound } from '../http/api-error';
import type { RequestContext } from '../http/request-context';
import { Department } from './department.entity';
import { toDepartmentDto } from './org.mapper';
import type { CreateDepartmentDto, DepartmentDto, UpdateDepartmentDto } from './org.dto';
import { User } from './user.entity';

/** Departments (部门) as a tree, each with a head and a liaison person (PLT-1, ADM-1). */
@Injectable()
export class DepartmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** All departments, flat, parents before children; the panel builds the tree from parentId. */
  async list(): Promise<DepartmentDto[]> {
    const departments = await this.dataSource.manager.find(Department, {
      relations: { head: true, liaison: true },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
    return departments.map(toDepartmentDto);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<DepartmentDto> {
    const department = await manager.findOne(Department, { where: { id }, relations: { head: true, liaison: true } });
    if (!department) throw notFound('department');
    return toDepartmentDto(department);
  }

  async create(dto: CreateDepartmentDto, ctx: RequestContext): Promise<DepartmentDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.checkReferences(manager, null, dto);
      await this.checkCodeFree(manager, dto.code);
      const { identifiers } = await manager.insert(Department, {
        name: dto.name,
        code: dto.code,
        parentId: dto.parentId ?? null,
        headId: dto.headId ?? null,
        liaisonId: dto.liaisonId ?? null,
        sortOrder: dto.sortOrder ?? 0,
      });
      const created = await this.get(identifiers[0].id as string, manager);
      await this.audit.record(manager, ctx, {
        action: 'department.create',
        objectType: 'department',
        objectId: created.id,
        before: null,
        after: auditView(created),
      });
      return created;
    });
  }

  async update(id: string, dto: UpdateDepartmentDto, ctx: RequestContext): Promise<DepartmentDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(id, manager);
      await this.checkReferences(manager, id, dto);
      if (dto.code && dto.code !== before.code) await this.checkCodeFree(manager, dto.code);
      const { version, ...fields } = dto;
      await updateVersioned(manager, Department, id, version, fields, 'department');
      const after = await this.get(id, manager);
      await this.audit.record(manager, ctx, {
        action: 'department.update',
        objectType: 'department',
        objectId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  /** Only an empty department may go: no sub-departments, no members. */
  async remove(id: string, ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.get(id, manager);
      if (await manager.exists(Department, { where: { parentId: id } })) {
        throw conflict('DEPARTMENT_NOT_EMPTY', 'The department has sub-departments');
      }
      if (await manager.exists(User, { where: { departmentId: id } })) {
        throw conflict('DEPARTMENT_NOT_EMPTY', 'The department has members');
      }
      await manager.delete(Department, { id });
      await this.audit.record(manager, ctx, {
        action: 'department.delete',
        objectType: 'department',
        objectId: id,
        before: auditView(before),
        after: null,
      });
    });
  }

  private async checkCodeFree(manager: EntityManager, code: string): Promise<void> {
    if (await manager.exists(Department, { where: { code } })) {
      throw new ApiError(HttpStatus.CONFLICT, PLATFORM_ERRORS.CONFLICT, 'The code is taken', {
        code: ['code is already used by another department'],
      });
    }
  }

  private async checkReferences(
    manager: EntityManager,
    selfId: string | null,
    dto: { parentId?: string | null; headId?: string | null; liaisonId?: string | null },
  ): Promise<void> {
    const errors: Record<string, string[]> = {};
    if (dto.parentId) {
      if (!(await manager.exists(Department, { where: { id: dto.parentId } }))) errors.parentId = ['department does not exist'];
      else if (selfId && (await this.isSelfOrDescendant(manager, selfId, dto.parentId))) {
        errors.parentId = ['a department cannot be placed under itself or its own sub-department'];
      }
    }
    for (const field of ['headId', 'liaisonId'] as const) {
      const userId = dto[field];
      if (userId && !(await manager.exists(User, { where: { id: userId } }))) errors[field] = ['user does not exist'];
    }
    if (Object.keys(errors).length) {
      throw new ApiError(HttpStatus.BAD_REQUEST, PLATFORM_ERRORS.VALIDATION_FAILED, 'Validation failed', errors);
    }
  }

  private async isSelfOrDescendant(manager: EntityManager, ancestorId: string, candidateId: string): Promise<boolean> {
    const rows = await manager.query(
      `WITH RECURSIVE sub AS (
         SELECT id FROM departments WHERE id = $1
         UNION SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id)
       SELECT 1 FROM sub WHERE id = $2`,
      [ancestorId, candidateId],
    );
    return rows.length > 0;
  }
}

function auditView(d: DepartmentDto): Record<string, unknown> {
  return {
    name: d.name,
    code: d.code,
    parentId: d.parentId,
    headId: d.head?.id ?? null,
    liaisonId: d.liaison?.id ?? null,
    sortOrder: d.sortOrder,
  };
}
