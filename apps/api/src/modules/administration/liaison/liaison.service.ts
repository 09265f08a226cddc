import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { rowSource, type RowSource } from '../../../platform/excel/row-source';
import { paginate, type Page } from '../../../platform/http/pagination';
import { escapeLike } from '../../../platform/http/sql';
import { Department } from '../../../platform/org/department.entity';
import type { User } from '../../../platform/org/user.entity';
import type { LiaisonContactDto, LiaisonEntryDto, QueryLiaisonDto } from './liaison.dto';

const contact = (u: User | null | undefined): LiaisonContactDto | null =>
  u ? { id: u.id, name: u.name, phone: u.phone, email: u.email } : null;

const toEntry = (d: Department): LiaisonEntryDto => ({
  departmentId: d.id,
  departmentName: d.name,
  departmentCode: d.code,
  head: contact(d.head),
  liaison: contact(d.liaison),
});

/**
 * The liaison directory (部门联络人名录, ADM-1): a read-only view over the departments the
 * organisation keeps — their head and liaison person, with the contacts from those persons'
 * accounts. Not a second store: the liaison is changed by editing the department.
 */
@Injectable()
export class LiaisonService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private query(query: QueryLiaisonDto): SelectQueryBuilder<Department> {
    const qb = this.dataSource.manager
      .createQueryBuilder(Department, 'd')
      .leftJoinAndSelect('d.head', 'head')
      .leftJoinAndSelect('d.liaison', 'liaison')
      .orderBy('d.sortOrder', 'ASC')
      .addOrderBy('d.name', 'ASC')
      .addOrderBy('d.id', 'ASC');
    if (query.q) {
      const fields = ['d.name', 'd.code', 'head.name', 'head.phone', 'liaison.name', 'liaison.phone', 'liaison.email'];
      qb.andWhere(`(${fields.map((f) => `${f} ILIKE :q`).join(' OR ')})`, { q: `%${escapeLike(query.q.trim())}%` });
    }
    return qb;
  }

  list(query: QueryLiaisonDto): Promise<Page<LiaisonEntryDto>> {
    return paginate(this.query(query), query, toEntry);
  }

  rows(query: QueryLiaisonDto): RowSource<LiaisonEntryDto> {
    return rowSource(this.query(query), (rows) => rows.map(toEntry));
  }
}
