import type { ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';

const ROW_SOURCE = Symbol('xiaoban:row-source');
const ID_FETCH = 5000;
/** Rows loaded and written per round trip. */
export const EXPORT_BATCH = 1000;

/**
 * Every row of a list, for an export (PLT-7): the list's own query — its filters and its
 * row-level visibility — without paging, and how its rows become the list's response DTOs.
 * The query's main entity needs an `id` primary column.
 */
export interface RowSource<T> {
  readonly [ROW_SOURCE]: true;
  readonly qb: SelectQueryBuilder<ObjectLiteral>;
  toRows(entities: ObjectLiteral[]): T[] | Promise<T[]>;
}

/** A list service's "all rows" mode: hand the query that its paged list runs, unpaged. */
export function rowSource<E extends ObjectLiteral, T>(
  qb: SelectQueryBuilder<E>,
  toRows: (entities: E[]) => T[] | Promise<T[]>,
): RowSource<T> {
  return { [ROW_SOURCE]: true, qb: qb as unknown as SelectQueryBuilder<ObjectLiteral>, toRows: toRows as RowSource<T>['toRows'] };
}

export function isRowSource(value: unknown): value is RowSource<unknown> {
  return typeof value === 'object' && value !== null && ROW_SOURCE in value;
}

/**
 * The ids of the matching rows in the list's order, at most `limit + 1` of them (one more tells
 * that the limit cut the list). Read through a cursor, so a large table is never held at once,
 * and deduplicated here because joined to-many relations (an account's roles) repeat a row.
 */
export async function orderedIds(source: RowSource<unknown>, runner: QueryRunner, limit: number): Promise<string[]> {
  const alias = source.qb.alias;
  const [sql, parameters] = source.qb
    .clone()
    .select(`${alias}.id`, 'id')
    .addOrderBy(`${alias}.id`, 'ASC') // a tie-breaker, so the order is total
    .skip(undefined)
    .take(undefined)
    .offset(undefined)
    .limit(undefined)
    .getQueryAndParameters();
  const ids = new Set<string>();
  await runner.query(`DECLARE export_ids NO SCROLL CURSOR FOR ${sql}`, parameters);
  try {
    for (;;) {
      const rows: { id: string | number }[] = await runner.query(`FETCH ${ID_FETCH} FROM export_ids`);
      for (const row of rows) {
        ids.add(String(row.id));
        if (ids.size > limit) return [...ids];
      }
      if (rows.length < ID_FETCH) return [...ids];
    }
  } finally {
    await runner.query('CLOSE export_ids');
  }
}

/** The rows of `ids` as response DTOs, in the order of `ids`. */
export async function loadRows<T>(source: RowSource<T>, runner: QueryRunner, ids: string[]): Promise<T[]> {
  const alias = source.qb.alias;
  const entities = await source.qb
    .clone()
    .setQueryRunner(runner)
    .andWhere(`${alias}.id IN (:...xiaobanExportIds)`, { xiaobanExportIds: ids })
    .skip(undefined)
    .take(undefined)
    .getMany();
  const position = new Map(ids.map((id, i) => [id, i]));
  entities.sort((a, b) => position.get(String(a.id))! - position.get(String(b.id))!);
  return source.toRows(entities);
}
