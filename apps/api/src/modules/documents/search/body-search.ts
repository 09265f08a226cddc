import type { EntityManager } from 'typeorm';
import { caseInsensitiveLike, escapeLike } from '../../../platform/http/sql';
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
 * a GIN index over character bigrams (`@>`) and rechecked with (I)LIKE, so a 2-character Chinese
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
  const like = caseInsensitiveLike(term);
  const params: Record<string, unknown> = { searchGrams: grams, searchLike: `%${escapeLike(term)}%`, searchKind: kind.type };
  // `narrow: false` leaves out the bigram test, which only narrows what the (I)LIKE decides: without it
  // PostgreSQL walks the list's order instead (see IncomingService.list), with the same result.
  const narrow = useIndex && grams.length > 0 && kind.bigramsColumn ? `${alias}.${kind.bigramsColumn} @> :searchGrams::text[] AND ` : '';
  const metadata = `(${narrow}(${kind.columns.map((c) => `${alias}.${c} ${like} :searchLike`).join(' OR ')}))`;
  if (Array.isArray(bodyMatches) && bodyMatches.length === 0) return { sql: metadata, params };
  // Classified documents have no texts at all; the secrecy test is a second lock on that door.
  const body = Array.isArray(bodyMatches)
    ? `${alias}.id IN (:...searchBodyIds)`
    : // Probed row by row while the list's order is walked: OFFSET 0 keeps PostgreSQL from reading every
      // text once into a hash instead, and the bigram array (large, out of line) is not unpacked.
      `EXISTS (SELECT 1 FROM document_texts t WHERE t.document_kind = :searchKind AND t.document_id = ${alias}.id
         AND t.body ${like} :searchLike OFFSET 0)`;
  if (Array.isArray(bodyMatches)) params.searchBodyIds = bodyMatches;
  return { sql: `(${metadata} OR (${alias}.secrecy = 'none' AND ${body}))`, params };
}

/**
 * Files read per look-up: twice the documents wanted, as a document has one or two files. Should
 * as many files match and still name no more than BODY_IDS_MAX documents (documents with many
 * files), the exact two-step look-up below decides.
 */
const MATCHING_FILES_MAX = 2 * (BODY_IDS_MAX + 1);

/** A body look-up: its matches, and the ids of the documents it read (past the cap, a sample of them). */
export interface BodyLookup {
  matches: BodyMatches;
  documents: string[];
}

/**
 * The documents of a kind whose body text contains the term: up to BODY_IDS_MAX ids, else `many`
 * (more documents than that hold it; or a term without two characters side by side, which no
 * index narrows). One statement finds and rechecks the matching files through the GIN index
 * (`document_text_matches`, migration BodyTextMatches) and stops after MATCHING_FILES_MAX.
 */
export async function lookUpBodyMatches(manager: EntityManager, kind: string, term: string): Promise<BodyLookup> {
  const grams = bigramsOf(term);
  if (grams.length === 0) return { matches: 'many', documents: [] }; // one character: no index can narrow it
  const like = `%${escapeLike(term)}%`;
  const found = (limit: number | null) =>
    manager
      .query('SELECT document_id FROM document_text_matches($1, $2::text[], $3, $4, $5)', [
        kind,
        grams,
        like,
        caseInsensitiveLike(term) === 'ILIKE',
        limit,
      ])
      .then((files: { document_id: string }[]) => ({ files: files.length, documents: [...new Set(files.map((f) => f.document_id))] }));
  const first = await found(MATCHING_FILES_MAX);
  // Many files, few documents (documents with many files): all the matching files, without the limit.
  const { documents } = first.files >= MATCHING_FILES_MAX && first.documents.length <= BODY_IDS_MAX ? await found(null) : first;
  return { matches: documents.length > BODY_IDS_MAX ? 'many' : documents, documents };
}
