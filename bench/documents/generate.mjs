import { createHash, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { copyRows, withoutIndexes } from '../lib/copy.mjs';
import { rng } from '../lib/random.mjs';
import { corpus, loadVocabulary } from './corpus.mjs';

// The app's own bigram function, so that the generated index is exactly what the API writes.
const require = createRequire(import.meta.url);
const { bigramsOf } = require('@xiaoban/api/dist/modules/documents/incoming/search-terms.js');

export const INCOMING_TYPE = 'incoming-document';
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const YEARS = 10;
const LAST_YEAR = 2026;
const DAY = 86_400_000;

const DOC_COLUMNS = [
  'id',
  'year',
  'seq',
  'number',
  'sender_number',
  'title',
  'source_org',
  'doc_type',
  'secrecy',
  'secrecy_period',
  'urgency',
  'urgency_rank',
  'copy_number',
  'copies',
  'pages',
  'written_on',
  'received_on',
  'signed_for_by',
  'retention',
  'status',
  'registered_by',
  'registered_at',
  'handling_due_on',
  'completed_at',
  'filed_at',
  'search_bigrams',
];
const URGENCY_RANK = { 'extra-urgent': 0, urgent: 1, normal: 2 };
const RECENT = ['registered', 'reviewed', 'proposed', 'instructed', 'handling', 'handling', 'completed'];
const RETENTION = { notice: '10-years', decision: 'permanent', minutes: '30-years', report: '30-years', request: '30-years' };

const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * Generates `count` incoming documents (收文) over ten years, in registration order with gap-free
 * numbers per year, 2% of them classified; with `bodies`, each unclassified one has a PDF or DOCX
 * attachment whose body text is in document_texts (as the extraction job would have stored it;
 * the attachment's bytes are not written, nothing reads them). Loaded with COPY, the tables'
 * secondary indexes dropped during the load and rebuilt after it. Returns term statistics for
 * the search sample.
 */
export async function generateIncoming(client, { count, bodies, seed = 20261204, registrarId, log }) {
  const random = rng(seed);
  const text = corpus(loadVocabulary(), random);
  const { int, chance, weighted, pick } = random;
  const end = Date.UTC(LAST_YEAR, 10, 30);
  const start = end - YEARS * 365 * DAY;
  const seqOfYear = new Map();
  const texts = [];
  const stats = { metadata: new TermCounter(), body: new TermCounter() };

  // Rows are made while COPY streams them: a million documents are never in memory at once.
  function* rows() {
    for (let i = 0; i < count; i++) {
      const registeredAt = start + Math.floor(((end - start) * i) / count) + int(60_000);
      const year = new Date(registeredAt).getUTCFullYear();
      const seq = (seqOfYear.get(year) ?? 0) + 1;
      seqOfYear.set(year, seq);
      const number = `收〔${year}〕${String(seq).padStart(4, '0')}`;
      const { title, docType } = text.title(year);
      const source = text.source();
      const senderNumber = chance(0.9) ? text.senderNumber(year) : null;
      const secrecy = chance(0.02) ? pick(['secret', 'confidential']) : 'none';
      const urgency = weighted([
        ['normal', 85],
        ['urgent', 12],
        ['extra-urgent', 3],
      ]);
      const age = end - registeredAt;
      const status =
        age > 60 * DAY
          ? weighted([
              ['filed', 70],
              ['completed', 25],
              ['returned', 5],
            ])
          : pick(RECENT);
      const id = randomUUID();
      if (secrecy === 'none') stats.metadata.add([number, senderNumber, title, source]);
      if (bodies && secrecy === 'none') {
        const body = text.body(year, title);
        texts.push({ id, body, docx: chance(0.4), title, registeredAt });
        stats.body.add([body]);
      }
      if ((i + 1) % 100_000 === 0) log(`  generated ${i + 1} documents`);
      yield [
        id,
        year,
        seq,
        number,
        senderNumber,
        title,
        source,
        docType,
        secrecy,
        secrecy === 'none' ? null : '10年',
        urgency,
        URGENCY_RANK[urgency],
        secrecy === 'none' ? null : String(1 + int(999)).padStart(6, '0'),
        1 + int(3),
        1 + int(12),
        isoDate(registeredAt - int(5) * DAY),
        isoDate(registeredAt),
        text.person(),
        RETENTION[docType] ?? '10-years',
        status,
        registrarId,
        new Date(registeredAt),
        status === 'handling' ? isoDate(registeredAt + 7 * DAY) : null,
        ['completed', 'filed'].includes(status) ? new Date(registeredAt + 10 * DAY) : null,
        status === 'filed' ? new Date(registeredAt + 40 * DAY) : null,
        bigramsOf(number, senderNumber, title, source),
      ];
    }
  }

  await client.query(`SET maintenance_work_mem = '256MB'`);
  log(`  COPY ${count} incoming_documents …`);
  await withoutIndexes(client, 'incoming_documents', () => copyRows(client, 'incoming_documents', DOC_COLUMNS, rows()));
  for (const [year, seq] of seqOfYear) {
    await client.query(
      `INSERT INTO incoming_document_counters (year, last_seq) VALUES ($1, $2)
       ON CONFLICT (year) DO UPDATE SET last_seq = GREATEST(incoming_document_counters.last_seq, $2)`,
      [year, seq],
    );
  }
  if (texts.length) {
    const files = texts.map((t) => {
      t.fileId = randomUUID();
      const size = Buffer.byteLength(t.body) * 3;
      const sha = createHash('sha256').update(t.fileId).digest('hex');
      return [
        t.fileId,
        INCOMING_TYPE,
        t.id,
        `${t.title.slice(0, 60)}${t.docx ? '.docx' : '.pdf'}`,
        t.docx ? DOCX : PDF,
        size,
        sha,
        `bench/${t.fileId}`,
        false,
        registrarId,
        new Date(t.registeredAt),
      ];
    });
    log(`  COPY ${files.length} files and document_texts …`);
    const fileColumns = [
      'id',
      'owner_type',
      'owner_id',
      'original_name',
      'content_type',
      'size',
      'sha256',
      'storage_key',
      'encrypted',
      'uploaded_by',
      'created_at',
    ];
    await withoutIndexes(client, 'files', () => copyRows(client, 'files', fileColumns, files));
    await withoutIndexes(client, 'document_texts', () =>
      copyRows(
        client,
        'document_texts',
        ['document_kind', 'document_id', 'file_id', 'body', 'search_bigrams', 'extracted_at'],
        (function* () {
          for (const t of texts) yield [INCOMING_TYPE, t.id, t.fileId, t.body, bigramsOf(t.body), new Date(t.registeredAt)];
        })(),
      ),
    );
  }
  // VACUUM as well: it sets the visibility map, as autovacuum would have long since on a school's
  // ten-year database. Without it every index-only count fetches heap pages (2.9 ms against
  // 8.7 ms for the capped count of a filtered list at 50,000 documents).
  log('  VACUUM ANALYZE …');
  for (const table of ['incoming_documents', 'files', 'document_texts']) await client.query(`VACUUM ANALYZE ${table}`);
  return stats;
}

/**
 * Document frequencies of the 2- and 4-character Chinese substrings of the generated texts,
 * for drawing the term sample by frequency (rare, medium, common).
 */
export class TermCounter {
  constructor() {
    this.two = new Map();
    this.four = new Map();
    this.chars = new Map();
    this.documents = 0;
  }

  add(texts) {
    this.documents++;
    const seen2 = new Set();
    const seen4 = new Set();
    for (const value of texts) {
      if (!value) continue;
      for (const run of value.match(/\p{Script=Han}+/gu) ?? []) {
        const chars = [...run];
        for (let i = 0; i + 1 < chars.length; i++) {
          seen2.add(chars[i] + chars[i + 1]);
          if (i + 3 < chars.length) seen4.add(chars[i] + chars[i + 1] + chars[i + 2] + chars[i + 3]);
        }
        for (const c of chars) this.chars.set(c, (this.chars.get(c) ?? 0) + 1);
      }
    }
    for (const g of seen2) this.two.set(g, (this.two.get(g) ?? 0) + 1);
    for (const g of seen4) this.four.set(g, (this.four.get(g) ?? 0) + 1);
  }

  /**
   * A fixed sample: `perBucket` terms of each length in each frequency bucket, and terms of
   * frequent characters that never occur side by side (no match).
   */
  sample(perBucket, seed, others = []) {
    const random = rng(seed);
    const n = this.documents;
    const buckets = {
      rare: (f) => f >= 1 && f <= Math.max(5, n * 0.0002),
      medium: (f) => f >= n * 0.002 && f <= n * 0.02,
      common: (f) => f >= n * 0.05,
    };
    const sample = [];
    for (const [length, map] of [
      [2, this.two],
      [4, this.four],
    ]) {
      const entries = [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [bucket, fits] of Object.entries(buckets)) {
        const candidates = entries.filter(([, f]) => fits(f));
        for (let i = 0; i < perBucket && candidates.length; i++) {
          const [term, frequency] = candidates.splice(random.int(candidates.length), 1)[0];
          sample.push({ term, length, bucket, frequency });
        }
      }
      const frequent = [...this.chars.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 60)
        .map(([c]) => c);
      for (let made = 0, tries = 0; made < perBucket && tries < 10_000; tries++) {
        const term = Array.from({ length }, () => random.pick(frequent)).join('');
        if ([this, ...others].some((counter) => counter.occurs(term))) continue;
        sample.push({ term, length, bucket: 'none', frequency: 0 });
        made++;
      }
    }
    return sample;
  }

  /** Whether the term occurs anywhere in the counted texts. */
  occurs(term) {
    return term.length === 2 ? this.two.has(term) : this.four.has(term);
  }
}
