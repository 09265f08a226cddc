import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface DepartmentEvaluationFigures {
  cycle: string;
  department: string;
  people: number;
  /** The mean weighted result of the department's people in the cycle, one decimal. */
  average: number;
}

/**
 * Evaluation results (ASM-2) as the director's dashboard shows them (ASM-8): per department, the
 * number of people evaluated and their mean result in the last released cycle. Only aggregates of
 * released results: nothing here names a person, let alone who scored them.
 */
@Injectable()
export class EvaluationFiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lastReleasedByDepartment(): Promise<DepartmentEvaluationFigures[]> {
    return this.dataSource.query(
      `WITH last AS (SELECT id, name FROM evaluation_cycles WHERE status = 'released' ORDER BY released_at DESC LIMIT 1)
       SELECT last.name AS cycle, coalesce(d.name, '—') AS department, count(*)::int AS people, round(avg(r.total), 1)::float8 AS average
         FROM last JOIN evaluation_results r ON r.cycle_id = last.id LEFT JOIN departments d ON d.id = r.department_id
        GROUP BY last.name, d.name ORDER BY average DESC, department`,
    );
  }
}
