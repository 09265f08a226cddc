import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { paginate, type Page } from '../http/pagination';
import { escapeLike } from '../http/sql';
import { Department } from './department.entity';
import type { DirectoryDepartmentDto, DirectoryPersonDto, QueryDirectoryDto } from './directory.dto';
import { User } from './user.entity';

/**
 * The staff directory (通讯录): names, departments and positions of active colleagues, for every
 * signed-in person to address messages, transfers and copies. Phone, email, roles and clearance
 * stay in the account list, which needs org.read.
 */
@Injectable()
export class DirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async people(query: QueryDirectoryDto): Promise<Page<DirectoryPersonDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .leftJoinAndSelect('u.department', 'd')
      .where('u.active')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC');
    if (query.departmentId) {
      qb.andWhere(
        `u.department_id IN (WITH RECURSIVE sub AS (SELECT id FROM departments WHERE id = :departmentId
           UNION SELECT dd.id FROM departments dd JOIN sub ON dd.parent_id = sub.id) SELECT id FROM sub)`,
        { departmentId: query.departmentId },
      );
    }
    if (query.q) {
      const q = `%${escapeLike(query.q)}%`;
      qb.andWhere(new Brackets((w) => w.where('u.name ILIKE :q', { q }).orWhere('u.username ILIKE :q', { q })));
    }
    return paginate(qb, query, (u) => ({
      id: u.id,
      name: u.name,
      department: u.department ? { id: u.department.id, name: u.department.name } : null,
      positions: u.positions,
    }));
  }

  async departments(): Promise<DirectoryDepartmentDto[]> {
    const departments = await this.dataSource.manager.find(Department, { order: { sortOrder: 'ASC', code: 'ASC' } });
    return departments.map((d) => ({ id: d.id, name: d.name, parentId: d.parentId, sortOrder: d.sortOrder }));
  }
}
