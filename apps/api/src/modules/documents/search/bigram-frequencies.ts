import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long the frequencies are kept: they change only when PostgreSQL analyses the table again. */
const KEPT_MS = 10 * 60_000;

/**
 * How common a term's character bigrams are in a table's bigram column, read from PostgreSQL's
 * own statistics (`pg_stats.most_common_elems`: the share of rows holding each of the ~1,000
 * commonest elements, from ANALYZE's sample). A bigram that is not listed is rarer than the
 * least common listed one (about 1% of rows at 1,000,000 documents).
 *
 * Search uses it to choose how to count a term's matches (IncomingService.list): through the
 * GIN index the cost grows with the number of matches, walking the newest rows until the cap is
 * reached grows with its inverse. It only chooses the faster of two exact ways, never a result.
 */
@Injectable()
export class BigramFrequencies {
  private readonly kept = new Map<string, { at: number; shares: Promise<Map<string, number>> }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The smallest share of rows of `table` whose `column` holds one of `grams` (an upper bound of
   * the share holding all of them); 0 when one of them is not among the commonest elements.
   */
  async rarestShare(table: string, column: string, grams: readonly string[]): Promise<number> {
    if (grams.length === 0) return 0;
    const shares = await this.sharesOf(table, column);
    return Math.min(...grams.map((gram) => shares.get(gram) ?? 0));
  }

  /** Reads the statistics afresh on the next search (after an ANALYZE that should count at once). */
  forget(): void {
    this.kept.clear();
  }

  private sharesOf(table: string, column: string): Promise<Map<string, number>> {
    const key = `${table}.${column}`;
    const hit = this.kept.get(key);
    if (hit && Date.now() - hit.at < KEPT_MS) return hit.shares;
    const shares = this.dataSource
      .query(
        `SELECT e.gram, e.share FROM pg_stats s,
                unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(gram, share)
          WHERE s.schemaname = current_schema() AND s.tablename = $1 AND s.attname = $2 AND e.gram IS NOT NULL`,
        [table, column],
      )
      .then((rows: { gram: string; share: number }[]) => new Map(rows.map((r) => [r.gram, Number(r.share)])));
    // A failed read is not kept: the next search asks again.
    shares.catch(() => this.kept.delete(key));
    this.kept.set(key, { at: Date.now(), shares });
    return shares;
  }
}
