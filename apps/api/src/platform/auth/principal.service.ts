import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SecrecyLevel } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../../database/prepared-statement';
import type { Principal } from './principal';

/** Loads an active person with their roles and permissions in one query, prepared once per connection (every request runs it). */
@Injectable()
export class PrincipalService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(userId: string): Promise<Principal | null> {
    const rows: {
      id: string;
      username: string;
      name: string;
      department_id: string | null;
      clearance: SecrecyLevel;
      roles: string[];
      permissions: string[];
    }[] = await queryPrepared(
      this.dataSource,
      `SELECT u.id, u.username, u.name, u.department_id, u.clearance,
              COALESCE(array_agg(DISTINCT r.code) FILTER (WHERE r.code IS NOT NULL), '{}') AS roles,
              COALESCE(array_agg(DISTINCT p) FILTER (WHERE p IS NOT NULL), '{}') AS permissions
         FROM users u
         LEFT JOIN user_roles ur ON ur.user_id = u.id
         LEFT JOIN roles r ON r.id = ur.role_id
         LEFT JOIN LATERAL unnest(r.permissions) AS p ON true
        WHERE u.id = $1 AND u.active
        GROUP BY u.id`,
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      username: row.username,
      name: row.name,
      departmentId: row.department_id,
      clearance: row.clearance,
      roles: row.roles,
      permissions: new Set(row.permissions),
    };
  }
}
