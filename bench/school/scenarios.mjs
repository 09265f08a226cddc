import { generateLogistics, generateMeetings, generateNotices, generateOutgoing, generateStaff, VACUUM_TABLES } from './generate.mjs';

/** The sizes of issue 11 beyond incoming documents; the stress size adds only what the logistics module would fill. */
export const SCHOOL_SIZES = {
  large: { outgoing: 15_000, meetings: 12_000, notices: 8_000, repairs: 30_000, movements: 200_000 },
  stress: { outgoing: 15_000, meetings: 12_000, notices: 8_000, repairs: 30_000, movements: 5_000_000 },
};

/** `--count=N` shrinks every table in proportion to 50,000 incoming documents (for smoke runs). */
export function schoolCounts(sizeName, count, defaultCount) {
  const base = SCHOOL_SIZES[sizeName];
  const factor = count / defaultCount;
  return Object.fromEntries(Object.entries(base).map(([k, v]) => [k, Math.max(10, Math.round(v * Math.min(1, factor)))]));
}

/**
 * The rest of the large school (NFR-9): staff, outgoing documents, meetings with rooms and
 * bookings, notices with recipients and deliveries; logistics when its tables exist.
 */
export const school = {
  name: 'school',

  async prepare({ db, counts, log, fresh }) {
    const { rows } = await db.query(`SELECT value FROM bench_meta WHERE key = 'school'`);
    const meta = rows[0]?.value;
    // jsonb keeps its own key order: compare key by key.
    // Data generated before the logistics part existed (no supplyItems) is another school: --fresh.
    if (meta && !fresh && 'supplyItems' in meta && Object.keys(counts).every((k) => meta.counts?.[k] === counts[k])) {
      log(`school: already generated (${meta.generatedAt}); --fresh regenerates`);
      return meta;
    }
    if (meta) throw new Error('The bench database holds another size of the school: run with --fresh');
    const [{ id: adminId }] = (await db.query(`SELECT id FROM users WHERE username = 'admin'`)).rows;
    const started = Date.now();
    log(`school: generating ${JSON.stringify(counts)} …`);
    await db.query(`SET maintenance_work_mem = '256MB'`);
    const { departments, staff } = await generateStaff(db, { log });
    await generateOutgoing(db, { count: counts.outgoing, staff, departments, log });
    const { rooms } = await generateMeetings(db, { count: counts.meetings, staff, log });
    await generateNotices(db, { count: counts.notices, staff, departments, adminId, log });
    const { skipped, supplyItems } = await generateLogistics(db, {
      repairs: counts.repairs,
      movements: counts.movements,
      staff,
      departments,
      log,
    });
    log('  VACUUM ANALYZE …');
    for (const table of VACUUM_TABLES) if (!skipped.includes(table)) await db.query(`VACUUM ANALYZE ${table}`);
    const value = {
      counts,
      skipped,
      supplyItems,
      rooms,
      departments,
      generatedAt: new Date().toISOString(),
      generationSeconds: Math.round((Date.now() - started) / 1000),
    };
    await db.query(`INSERT INTO bench_meta (key, value) VALUES ('school', $1)`, [JSON.stringify(value)]);
    log(`school: generated in ${value.generationSeconds} s`);
    return value;
  },
};
