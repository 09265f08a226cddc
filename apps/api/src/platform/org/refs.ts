import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RefDto } from './org.dto';

export type Named = { id: string; name: string } | null | undefined;

/** A person, department or room as the API shows it beside a record: id and name, or null when there is none. */
export const toRef = (named: Named): RefDto | null => (named ? { id: named.id, name: named.name } : null);

/**
 * The same for a field the client always renders as text (a register's "handled by" column):
 * an account deleted since shows as a dash rather than an empty cell.
 */
export const toRefOrDash = (named: Named): RefDto => (named ? { id: named.id, name: named.name } : { id: '', name: '—' });

/**
 * Joins a person, department or room that a list shows only as a ref: its id and name, not its
 * whole row. Loading every column of three users per document was a fifth of a list request's
 * CPU (NFR-9 profile of the incoming list).
 */
export function joinRef<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, relation: string, alias: string): SelectQueryBuilder<T> {
  return qb.leftJoin(relation, alias).addSelect([`${alias}.id`, `${alias}.name`]);
}
