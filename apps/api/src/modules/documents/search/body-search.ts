import type { EntityManager } from 'typeorm';
import { escapeLike } from '../../../platform/http/sql';
import { bigramsOf } from '../incoming/search-terms';

/** How a document kind keeps its metadata for search: its table, and the columns `q` looks in. */
export interface SearchableKind {
  /** The resource type, also `document_texts.document_kind`. */
  type: string;
  /** Columns of the metadata search (number, title, source …); the table has a `secrecy` column. */
  columns: readonly string[];
  /** The table's GIN-indexed bigram array of those columns (see search-terms.ts), if it keeps one. */
  bigramsColumn?: string;
}

/**
 * The documents whose body text matches, when they are few: their ids; `many` past
 * BODY_IDS_MAX. Found once per search through the bigram index of document_texts.
 */
export type BodyMatches = string[] | 'many';
export const BODY_IDS_MAX = 1_000;

/**
 * The free-text condition of a document list (DOC-8): the term is a substring of one of the
 * metadata columns OR of the body text of one of the document's files. Each side is narrowed by
 * a GIN index over character bigrams (`@>`) and rechecked with ILIKE, so a 2-character Chinese
 * term finds exactly what a plain LIKE scan finds.
 *
 * Why the body side comes in three shapes (measured in bench/): an OR across two tables keeps
 * PostgreSQL from using either bigram index, so the body matches are looked up first
 * (`bodyMatches`, see DocumentTextsService.bodyMatches). None: the metadata condition alone, as
 * fast as before. A few: their ids, an index look-up OR-ed with the metadata's. Many: a common
 * term, where walking the list's order and probing each row's texts finds a page soonest. Without
 * `bodyMatches` (exports) the last shape is used: always right, never the fastest.
 */
export function matchCondition(
  kind: SearchableKind,
  alias: string,
  term: string,
  bodyMatches: BodyMatches = 'many',
  { narrow: useIndex = true }: { narrow?: boolean } = {},
): { sql: string; params: Record<string, unknown> } {
  const grams = bigramsOf(term);
  const params: Record<string, unknown> = { searchGrams: grams, searchLike: `%${escapeLike(term)}%`, searchKind: kind.type };
  // `narrow: false` leaves out the bigram test, which only narrows what the ILIKE decides: without it
  // PostgreSQL walks the list's order instead (see IncomingService.list), with the same result.
  const narrow = useIndex && grams.length > 0 && kind.bigramsColumn ? `${alias}.${kind.bigramsColumn} @> :searchGrams::text[] AND ` : '';
  const metadata = `(${narrow}(${kind.columns.map((c) => `${alias}.${c} ILIKE :searchLike`).join(' OR ')}))`;
  if (Array.isArray(bodyMatches) && bodyMatches.length === 0) return { sql: metadata, params };
  // Classified documents have no texts at all; the secrecy test is a second lock on that door.
  const body = Array.isArray(bodyMatches)
    ? `${alias}.id IN (:...searchBodyIds)`
    : // Probed row by row while the list's order is walked: OFFSET 0 keeps PostgreSQL from reading every
      // text once into a hash instead, and the bigram array (large, out of line) is not unpacked.
      `EXISTS (SELECT 1 FROM document_texts t WHERE t.document_kind = :searchKind AND t.document_id = ${alias}.id
         AND t.body ILIKE :searchLike OFFSET 0)`;
  if (Array.isArray(bodyMatches)) params.searchBodyIds = bodyMatches;
  return { sql: `(${metadata} OR (${alias}.secrecy = 'none' AND ${body}))`, params };
}

/** Past this many files whose bigrams fit, the body matches count as `many` without reading their text. */
const CANDIDATES_MAX = 5_000;

/**
 * The documents of a kind whose body text contains the term: up to BODY_IDS_MAX ids, else `many`.
 * First the files whose bigrams hold the term's, through the GIN index only (the database
 * function `document_text_candidates`, migration BodyTextCandidates); then the LIKE recheck over
 * those few files' text.
 */
export async function findBodyMatches(manager: EntityManager, kind: string, term: string): Promise<BodyMatches> {
  const grams = bigramsOf(term);
  if (grams.length === 0) return 'many'; // one character: no index can narrow it
  const candidates: { file_id: string }[] = await manager.query('SELECT file_id FROM document_text_candidates($1, $2::text[], $3)', [
    kind,
    grams,
    CANDIDATES_MAX + 1,
  ]);
  if (candidates.length > CANDIDATES_MAX) return 'many';
  if (candidates.length === 0) return [];
  const rows: { document_id: string }[] = await manager.query(
    'SELECT DISTINCT t.document_id FROM document_texts t WHERE t.file_id = ANY($1::uuid[]) AND t.document_kind = $2 AND t.body ILIKE $3',
    [candidates.map((c) => c.file_id), kind, `%${escapeLike(term)}%`],
  );
  return rows.length > BODY_IDS_MAX ? 'many' : rows.map((r) => r.document_id);
}
