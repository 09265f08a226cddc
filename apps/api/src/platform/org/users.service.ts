import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { PLATFORM_ERRORS } from '@xiaoban/shared';
import { Brackets, DataSource, In, Repository, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../database/versioned-update';
import { AuditService } from '../audit/audit.service';
import { rowSource, type RowSource } from '../excel/row-source';
import { PasswordService } from '../auth/password.service';
import { ApiError, notFound } from '../http/api-error';
import { paginate, type Page } from '../http/pagination';
import type { RequestContext } from '../http/request-context';
import { escapeLike } from '../http/sql';
import { Department } from './department.entity';
import { toUserDto } from './org.mapper';
import type { CreateUserDto, QueryUsersDto, UpdateUserDto, UserDto } from './org.dto';
import { Role } from './role.entity';
import { User } from './user.entity';

/** Accounts (账号, PLT-1). */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async list(query: QueryUsersDto): Promise<Page<UserDto>> {
    return paginate(this.listQuery(query), query, toUserDto);
  }

  /** Every account the list would show, unpaged, for an Excel export (PLT-7). */
  exportRows(query: QueryUsersDto): RowSource<UserDto> {
    return rowSource(this.listQuery(query), (users) => users.map(toUserDto));
  }

  private listQuery(query: QueryUsersDto) {
    const qb = this.users
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.department', 'd')
      .leftJoinAndSelect('u.roles', 'r')
      .orderBy('u.username', 'ASC');
    if (query.departmentId) qb.andWhere('u.department_id = :departmentId', { departmentId: query.departmentId });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.q) {
      const q = `%${escapeLike(query.q)}%`;
      qb.andWhere(
        new Brackets((w) => w.where('u.username ILIKE :q', { q }).orWhere('u.name ILIKE :q', { q }).orWhere('u.phone ILIKE :q', { q })),
      );
    }
    return qb;
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserDto> {
    const user = await manager.findOne(User, { where: { id }, relations: { department: true, roles: true } });
    if (!user) throw notFound('user');
    return toUserDto(user);
  }

  async create(dto: CreateUserDto, ctx: RequestContext): Promise<UserDto> {
    const passwordHash = await this.passwords.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      await this.checkReferences(manager, dto.departmentId, dto.roleIds);
      if (await manager.exists(User, { where: { username: dto.username } })) {
        throw new ApiError(HttpStatus.CONFLICT, PLATFORM_ERRORS.CONFLICT, 'The username is taken', {
          username: ['username is already taken'],
        });
      }
      const { identifiers } = await manager.insert(User, {
        username: dto.username,
        name: dto.name,
        phone: dto.phone ?? null,
        email: dto.email ?? null,
        departmentId: dto.departmentId ?? null,
        positions: dto.positions ?? [],
        clearance: dto.clearance ?? 'none',
        active: dto.active ?? true,
        passwordHash,
        passwordChangedAt: new Date(),
      });
      const id = identifiers[0].id as string;
      await this.setRoles(manager, id, dto.roleIds ?? []);
      const created = await this.get(id, manager);
      await this.audit.record(manager, ctx, {
        action: 'user.create',
        objectType: 'user',
        objectId: id,
        before: null,
        after: auditView(created),
      });
      return created;
    });
  }

  async update(id: string, dto: UpdateUserDto, ctx: RequestContext): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(id, manager);
      await this.checkReferences(manager, dto.departmentId, dto.roleIds);
      const { version, roleIds, ...fields } = dto;
      await updateVersioned(manager, User, id, version, fields, 'user');
      if (roleIds) await this.setRoles(manager, id, roleIds);
      const after = await this.get(id, manager);
      await this.audit.record(manager, ctx, {
        action: 'user.update',
        objectType: 'user',
        objectId: id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  /** An administrator sets a new password; the person's sessions end and any lock is lifted. */
  async resetPassword(id: string, newPassword: string, ctx: RequestContext): Promise<void> {
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        User,
        { id },
        {
          passwordHash,
          passwordChangedAt: new Date(),
          failedLoginCount: 0,
          lockedUntil: null,
        },
      );
      if (result.affected !== 1) throw notFound('user');
      await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
      await this.audit.record(manager, ctx, { action: 'user.reset-password', objectType: 'user', objectId: id });
    });
  }

  /** Refers to a department and roles that exist, or says which field is wrong. */
  private async checkReferences(manager: EntityManager, departmentId?: string | null, roleIds?: string[]): Promise<void> {
    const errors: Record<string, string[]> = {};
    if (departmentId && !(await manager.exists(Department, { where: { id: departmentId } }))) {
      errors.departmentId = ['department does not exist'];
    }
    if (roleIds?.length) {
      const found = await manager.count(Role, { where: { id: In(roleIds) } });
      if (found !== new Set(roleIds).size) errors.roleIds = ['one or more roles do not exist'];
    }
    if (Object.keys(errors).length) {
      throw new ApiError(HttpStatus.BAD_REQUEST, PLATFORM_ERRORS.VALIDATION_FAILED, 'Validation failed', errors);
    }
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

/** What the audit log keeps of an account: plain fields, role codes instead of objects. */
function auditView(user: UserDto): Record<string, unknown> {
  return {
    username: user.username,
    name: user.name,
    phone: user.phone,
    email: user.email,
    departmentId: user.department?.id ?? null,
    positions: user.positions,
    roles: user.roles.map((r) => r.code),
    clearance: user.clearance,
    active: user.active,
  };
}
