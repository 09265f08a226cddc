import type { EntityManager } from 'typeorm';
import type { CoordinationDepartmentDto } from './coordination-department.dto';

/** The departments involved in a coordination meeting (none for other meetings), for the meeting's response. */
export async function coordinationDepartmentsOf(manager: EntityManager, meetingId: string): Promise<CoordinationDepartmentDto[]> {
  const rows: {
    department_id: string;
    department_name: string;
    invited_id: string | null;
    invited_name: string | null;
    series_id: string | null;
  }[] = await manager.query(
    `SELECT c.department_id, d.name AS department_name, c.invited_id, u.name AS invited_name, c.series_id
         FROM coordination_departments c JOIN departments d ON d.id = c.department_id LEFT JOIN users u ON u.id = c.invited_id
        WHERE c.meeting_id = $1 ORDER BY d.name`,
    [meetingId],
  );
  return rows.map((r) => ({
    department: { id: r.department_id, name: r.department_name },
    invited: r.invited_id ? { id: r.invited_id, name: r.invited_name ?? '' } : null,
    seriesId: r.series_id,
  }));
}
