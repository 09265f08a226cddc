import pg from 'pg';
import { api } from '../lib/server.mjs';
import { generateIncoming, INCOMING_TYPE, TermCounter } from './generate.mjs';

/** Sizes of issue 11: the large school (with body text) and the stress size (metadata only). */
export const SIZES = {
  large: { count: 50_000, bodies: true, check: 1000 },
  stress: { count: 1_000_000, bodies: false, check: 1000 },
};
const LIST = '/api/v1/documents/incoming';
const PAGE = 'page=1&pageSize=20';
const SAMPLE_SEED = 7;
const PER_BUCKET = 5;

/**
 * The documents part of the benchmark (NFR-9, DOC-8): generation, the correctness check of
 * search against a plain LIKE scan, and the load scenarios (list with a filter, Chinese search
 * for 2- and 4-character terms by frequency, body search at the large size).
 */
export const documents = {
  name: 'documents',

  /** Generates the documents unless the database already holds this size; returns the term sample. */
  async prepare({ db, size, count, log, fresh }) {
    const { rows } = await db.query(`SELECT value FROM bench_meta WHERE key = 'documents'`);
    const meta = rows[0]?.value;
    if (meta && !fresh && meta.count === count && meta.bodies === size.bodies) {
      log(`documents: ${count} incoming documents already generated (${meta.generatedAt}); --fresh regenerates`);
      return meta;
    }
    if (meta) throw new Error('The bench database holds another size of documents: run with --fresh');
    const [{ id: registrarId }] = (await db.query(`SELECT id FROM users WHERE username = 'admin'`)).rows;
    log(`documents: generating ${count} incoming documents${size.bodies ? ' with body text' : ''} …`);
    const started = Date.now();
    const stats = await generateIncoming(db, { count, bodies: size.bodies, registrarId, log });
    const seconds = Math.round((Date.now() - started) / 1000);
    const sample = {
      metadata: stats.metadata.sample(PER_BUCKET, SAMPLE_SEED, [stats.body]),
      body: size.bodies ? stats.body.sample(PER_BUCKET, SAMPLE_SEED + 1, [stats.metadata]) : [],
    };
    const value = { count, bodies: size.bodies, generatedAt: new Date().toISOString(), generationSeconds: seconds, sample };
    await db.query(`INSERT INTO bench_meta (key, value) VALUES ('documents', $1)`, [JSON.stringify(value)]);
    log(`documents: generated in ${seconds} s`);
    return value;
  },

  /** A clerk with 收文 read-all and no clearance: sees every unclassified document, counts none of the 2% classified. */
  async user({ url, adminToken }) {
    const roles = await api(url, '/api/v1/org/roles', { token: adminToken });
    const clerkRole = roles.find((r) => r.code === 'office-clerk');
    const username = `bench${Date.now().toString(36)}`;
    const password = 'Bench-passw0rd';
    await api(url, '/api/v1/org/users', {
      token: adminToken,
      method: 'POST',
      body: { username, name: '基准测试员', password, roleIds: [clerkRole.id], email: `${username}@school.example`, clearance: 'none' },
    });
    return (await api(url, '/api/v1/auth/login', { method: 'POST', body: { username, password } })).accessToken;
  },

  /**
   * Each search's first page and total must be what a plain LIKE scan finds (index scans off),
   * over title, numbers, source and body text, for the timed sample and more terms drawn from
   * the data, `checks` queries in all.
   */
  async check({ db, url, token, meta, checks, log }) {
    const terms = [...meta.sample.metadata, ...meta.sample.body].map((s) => s.term);
    const { rows } = await db.query(`SELECT title, source_org FROM incoming_documents WHERE secrecy = 'none' ORDER BY id LIMIT $1`, [
      Math.max(0, checks - terms.length),
    ]);
    rows.forEach((row, i) => {
      const chars = [...(i % 5 === 4 ? row.source_org : row.title)].filter((c) => /\p{Script=Han}/u.test(c));
      const length = 2 + (i % 3);
      const at = (i * 7) % Math.max(1, chars.length - length);
      if (chars.length >= length) terms.push(chars.slice(at, at + length).join(''));
    });
    // Two searches at a time, each on its own connection: the LIKE scans are the slow part, and one
    // uses one core (the check was 9 of the 25 minutes of `pnpm bench` on a 2-core machine).
    const second = new pg.Client({ ...db.connectionParameters });
    await second.connect();
    const connections = [db, second];
    const scansOff = 'SET enable_indexscan = off; SET enable_bitmapscan = off; SET enable_indexonlyscan = off';
    await Promise.all(connections.map((c) => c.query(scansOff)));
    let mismatches = 0;
    let checked = 0;
    const started = Date.now();
    const checkOne = async (conn, term) => {
      const like = `%${term}%`;
      const [expected] = (
        await conn.query(
          `WITH m AS (
             SELECT d.id, d.registered_at FROM incoming_documents d
              WHERE d.secrecy = 'none' AND (d.title LIKE $1 OR d.number LIKE $1 OR d.sender_number LIKE $1 OR d.source_org LIKE $1
                 OR EXISTS (SELECT 1 FROM document_texts t WHERE t.document_kind = $2 AND t.document_id = d.id AND t.body LIKE $1)))
           SELECT coalesce((SELECT array_agg(id::text) FROM (SELECT id FROM m ORDER BY registered_at DESC, id ASC LIMIT 20) p), '{}') AS ids,
                  (SELECT count(*) FROM m)::int AS n`,
          [like, INCOMING_TYPE],
        )
      ).rows;
      const page = await api(url, `${LIST}?${PAGE}&q=${encodeURIComponent(term)}`, { token });
      const total = Math.min(expected.n, 1000);
      const ids = page.items.map((d) => d.id);
      const same = JSON.stringify(ids) === JSON.stringify(expected.ids) && page.total === total && page.totalCapped === expected.n > 1000;
      if (!same) {
        mismatches++;
        if (mismatches <= 5)
          log(`  MISMATCH ${term}: api total ${page.total} ids ${ids.length}, LIKE ${expected.n} ids ${expected.ids.length}`);
      }
      if (++checked % 100 === 0) log(`  checked ${checked} of ${terms.length} searches`);
    };
    const queue = [...terms];
    await Promise.all(
      connections.map(async (conn) => {
        for (let term = queue.shift(); term !== undefined; term = queue.shift()) await checkOne(conn, term);
      }),
    );
    await db.query('RESET enable_indexscan; RESET enable_bitmapscan; RESET enable_indexonlyscan');
    await second.end();
    log(
      `documents: ${terms.length} searches checked against LIKE in ${Math.round((Date.now() - started) / 1000)} s: ${mismatches} mismatches`,
    );
    return { queries: terms.length, mismatches };
  },

  /** The load scenarios: [name, description, paths, connection counts]. */
  scenarios({ meta }) {
    const search = (terms) => terms.map((s) => `${LIST}?${PAGE}&q=${encodeURIComponent(s.term)}`);
    const of = (sample, length, bucket) => sample.filter((s) => s.length === length && (!bucket || s.bucket === bucket));
    const list = [
      ['list, filter docType=notice', 'first page of the incoming list with a filter', [`${LIST}?${PAGE}&docType=notice`], [1, 16, 50]],
    ];
    for (const length of [2, 4]) {
      list.push([`search ${length}-char, all buckets`, 'terms cycled', search(of(meta.sample.metadata, length)), [1, 16, 50]]);
      for (const bucket of ['rare', 'medium', 'common', 'none']) {
        const terms = of(meta.sample.metadata, length, bucket);
        if (terms.length)
          list.push([`search ${length}-char, ${bucket}`, terms.map((s) => `${s.term}(${s.frequency})`).join(' '), search(terms), [16]]);
      }
    }
    if (meta.sample.body.length) {
      list.push(['body search, all', 'terms drawn from body text', search(meta.sample.body), [1, 16, 50]]);
      for (const length of [2, 4]) {
        for (const bucket of ['rare', 'medium', 'common', 'none']) {
          const terms = of(meta.sample.body, length, bucket);
          if (terms.length)
            list.push([`body ${length}-char, ${bucket}`, terms.map((s) => `${s.term}(${s.frequency})`).join(' '), search(terms), [16]]);
        }
      }
    }
    return list;
  },
};

export { TermCounter };
