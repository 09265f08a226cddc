import type { RefDto } from './org.dto';

type Named = { id: string; name: string } | null | undefined;

/** A person, department or room as the API shows it beside a record: id and name, or null when there is none. */
export const toRef = (named: Named): RefDto | null => (named ? { id: named.id, name: named.name } : null);

/**
 * The same for a field the client always renders as text (a register's "handled by" column):
 * an account deleted since shows as a dash rather than an empty cell.
 */
export const toRefOrDash = (named: Named): RefDto => (named ? { id: named.id, name: named.name } : { id: '', name: '—' });
