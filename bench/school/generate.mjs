import { randomUUID } from 'node:crypto';
import { copyRows, withoutIndexes } from '../lib/copy.mjs';
import { rng } from '../lib/random.mjs';
import { corpus, loadVocabulary } from '../documents/corpus.mjs';

/**
 * The large school beyond incoming documents (NFR-9): departments and staff, outgoing documents
 * with body text, meeting rooms with non-overlapping bookings and their meetings, notices with
 * their recipients and deliveries; repairs and stock movements when the logistics tables exist.
 * Everything is bulk-loaded with COPY, seeded, ten years back from LAST_YEAR.
 */
const DAY = 86_400_000;
const LAST_YEAR = 2026;
const YEARS = 10;
const END = Date.UTC(LAST_YEAR, 10, 30);
const START = END - YEARS * 365 * DAY;
const STAFF = 240;

const tableExists = async (db, table) => (await db.query('SELECT to_regclass($1) AS t', [table])).rows[0].t !== null;

/** Departments and staff from the vocabulary; staff cannot log in (their hash is not argon2), nothing needs them to. */
export async function generateStaff(db, { log, seed = 11 }) {
  const v = loadVocabulary();
  const random = rng(seed);
  const text = corpus(v, random);
  const departments = v.departments.map((d, i) => [randomUUID(), d.name, `B${d.code}`.slice(0, 20), i]);
  await copyRows(db, 'departments', ['id', 'name', 'code', 'sort_order'], departments);
  const staff = [];
  for (let i = 0; i < STAFF; i++) {
    staff.push({
      id: randomUUID(),
      departmentId: departments[i % departments.length][0],
      name: text.person(),
      username: `bench_staff_${i}`,
    });
  }
  await copyRows(
    db,
    'users',
    ['id', 'username', 'name', 'department_id', 'password_hash', 'email'],
    staff.map((s) => [s.id, s.username, s.name, s.departmentId, 'bench-no-login', `${s.username}@school.example`]),
  );
  log(`  ${departments.length} departments, ${staff.length} staff`);
  return { departments: departments.map((d) => d[0]), staff };
}

/** Outgoing documents (发文) with body text, numbered gap-free per prefix and year, with their number log. */
export async function generateOutgoing(db, { count, staff, departments, log, seed = 12 }) {
  const v = loadVocabulary();
  const random = rng(seed);
  const text = corpus(v, random);
  const { pick, int, chance } = random;
  const prefixes = v.outgoing.prefixes.map((name, i) => ({ id: randomUUID(), code: `BENCH${i}`, name }));
  await copyRows(
    db,
    'outgoing_number_prefixes',
    ['id', 'code', 'name'],
    prefixes.map((p) => [p.id, p.code, p.name]),
  );
  const counters = new Map();
  const log_ = [];
  const directions = ['upward', 'parallel', 'downward'];
  function* rows() {
    for (let i = 0; i < count; i++) {
      const at = START + Math.floor(((END - START) * i) / count) + int(60_000);
      const year = new Date(at).getUTCFullYear();
      const id = randomUUID();
      const { title, docType } = text.title(year);
      const finished = END - at > 60 * DAY || chance(0.5);
      const prefix = pick(prefixes);
      let number = null;
      let seq = null;
      if (finished) {
        const key = `${prefix.id}:${year}`;
        seq = (counters.get(key) ?? 0) + 1;
        counters.set(key, seq);
        number = `${prefix.name}〔${year}〕${seq}号`;
        log_.push([prefix.id, year, seq, number, 'used', id, new Date(at)]);
      }
      const drafter = pick(staff);
      const secrecy = chance(0.02) ? 'secret' : 'none';
      yield [
        id,
        finished ? pick(['distributed', 'ready-to-file', 'ready-to-file']) : pick(['draft', 'checking', 'office-review', 'signing']),
        docType,
        pick(directions),
        secrecy === 'none' ? null : String(1 + int(99)).padStart(6, '0'),
        secrecy,
        secrecy === 'none' ? null : '10年',
        pick(['normal', 'normal', 'normal', 'urgent']),
        finished ? prefix.id : null,
        finished ? year : null,
        seq,
        number,
        title.slice(0, 300),
        [pick(v.outgoing.recipientsUpward)],
        text.body(year, title),
        new Date(at).toISOString().slice(0, 10),
        1 + int(5),
        pick(['permanent', '30-years', '10-years']),
        drafter.departmentId ?? pick(departments),
        drafter.id,
        new Date(at),
        new Date(at),
      ];
    }
  }
  const columns = [
    'id',
    'status',
    'doc_type',
    'direction',
    'copy_number',
    'secrecy',
    'secrecy_period',
    'urgency',
    'prefix_id',
    'year',
    'seq',
    'number',
    'title',
    'main_recipients',
    'body',
    'written_on',
    'copies',
    'retention',
    'department_id',
    'drafter_id',
    'created_at',
    'updated_at',
  ];
  await withoutIndexes(db, 'outgoing_documents', () => copyRows(db, 'outgoing_documents', columns, rows()));
  await withoutIndexes(db, 'outgoing_number_log', () =>
    copyRows(db, 'outgoing_number_log', ['prefix_id', 'year', 'seq', 'number', 'fate', 'document_id', 'created_at'], log_),
  );
  for (const [key, seq] of counters) {
    const [prefixId, year] = key.split(':');
    await db.query('INSERT INTO outgoing_number_counters (prefix_id, year, last_seq) VALUES ($1, $2, $3)', [prefixId, Number(year), seq]);
  }
  log(`  ${count} outgoing documents, ${log_.length} numbers`);
}

/**
 * Meeting rooms from the vocabulary (plus classrooms used as rooms) and `count` meetings, each on
 * its own booking. Bookings never overlap per room (the exclusion constraint): each room's day
 * is cut into fixed slots and every slot is used at most once. Times are on the hour in China.
 */
export async function generateMeetings(db, { count, staff, log, seed = 13 }) {
  const v = loadVocabulary();
  const random = rng(seed);
  const text = corpus(v, random);
  const { pick, int, chance } = random;
  const rooms = [
    ...v.meetings.rooms.map((r) => ({ ...r, name: `${r.name}` })),
    ...Array.from({ length: 7 }, (_, i) => ({
      name: `综合楼${i + 2}0${i + 1}室`,
      building: '综合楼',
      floor: i + 2,
      capacity: 40,
      equipment: ['投影仪'],
    })),
  ].map((r) => ({ ...r, id: randomUUID() }));
  await copyRows(
    db,
    'meeting_rooms',
    ['id', 'name', 'building', 'floor', 'capacity', 'equipment', 'bookable', 'needs_approval'],
    rooms.map((r) => [r.id, r.name, r.building, String(r.floor), r.capacity, r.equipment, true, false]),
  );
  const { rows: types } = await db.query('SELECT code FROM meeting_types');
  // Slots: 08:00–09:30, 10:00–11:30, 14:00–15:30, 16:00–17:30 Beijing time (UTC+8), on working days.
  const SLOTS = [0, 2, 6, 8].map((h) => h * 3_600_000);
  const used = new Set();
  const bookings = [];
  const meetings = [];
  const days = Math.floor((END - START) / DAY);
  for (let i = 0; i < count; i++) {
    let key;
    let room;
    let startsAt;
    for (;;) {
      room = pick(rooms);
      const day = int(days);
      const slot = int(SLOTS.length);
      const dayStart = START + day * DAY;
      if ([0, 6].includes(new Date(dayStart).getUTCDay())) continue;
      key = `${room.id}:${day}:${slot}`;
      if (used.has(key)) continue;
      startsAt = Math.floor(dayStart / DAY) * DAY + SLOTS[slot]; // 00:00 UTC = 08:00 Beijing
      break;
    }
    used.add(key);
    const endsAt = startsAt + 90 * 60_000;
    const organiser = pick(staff);
    const bookingId = randomUUID();
    const title = `${pick(v.meetings.types)}：${pick(v.meetings.topics)}`.slice(0, 200);
    const cancelled = chance(0.03);
    bookings.push([
      bookingId,
      room.id,
      new Date(startsAt),
      new Date(endsAt),
      1 + int(room.capacity),
      title,
      organiser.id,
      cancelled ? 'cancelled' : 'confirmed',
    ]);
    meetings.push([
      randomUUID(),
      title,
      pick(types).code,
      organiser.id,
      pick(staff).id,
      bookingId,
      new Date(startsAt),
      new Date(endsAt),
      room.name,
      cancelled ? 'cancelled' : startsAt < END - 7 * DAY ? 'notified' : pick(['draft', 'agenda-confirmed', 'notified']),
      chance(0.5) ? text.body(new Date(startsAt).getUTCFullYear(), title).slice(0, 300) : null,
    ]);
  }
  await withoutIndexes(db, 'room_bookings', () =>
    copyRows(db, 'room_bookings', ['id', 'room_id', 'starts_at', 'ends_at', 'attendee_count', 'title', 'organiser_id', 'status'], bookings),
  );
  await withoutIndexes(db, 'meetings', () =>
    copyRows(
      db,
      'meetings',
      ['id', 'title', 'type_code', 'organiser_id', 'host_id', 'booking_id', 'starts_at', 'ends_at', 'location', 'status', 'description'],
      meetings,
    ),
  );
  log(`  ${rooms.length} rooms, ${count} meetings on non-overlapping bookings`);
  return { rooms: rooms.map((r) => ({ id: r.id, capacity: r.capacity })) };
}

/** Notices (通知公告) with their recipients and one in-app delivery per recipient; a fifth public on the website. */
export async function generateNotices(db, { count, staff, departments, adminId, log, seed = 14 }) {
  const v = loadVocabulary();
  const random = rng(seed);
  const text = corpus(v, random);
  const { pick, int, chance } = random;
  const notices = [];
  // Recipients, deliveries and their links (~640,000 each at the large size) are streamed to COPY
  // from this compact list, never held as rows.
  const sent = [];
  for (let i = 0; i < count; i++) {
    const at = START + Math.floor(((END - START) * i) / count) + int(60_000);
    const year = new Date(at).getUTCFullYear();
    const id = randomUUID();
    const title = (chance(0.3) ? pick(v.notices.titles) : text.title(year).title).slice(0, 200);
    const body = text.body(year, title);
    const published = END - at > 7 * DAY || chance(0.5);
    const isPublic = published && chance(0.2);
    const allStaff = chance(0.3);
    const department = pick(departments);
    const audience = { allStaff, departmentIds: allStaff ? [] : [department], roleIds: [], userIds: [] };
    const reached = published ? (allStaff ? staff : staff.filter((s) => s.departmentId === department)) : [];
    notices.push([
      id,
      title,
      body,
      published ? 'published' : pick(['draft', 'pending', 'verified']),
      JSON.stringify(audience),
      isPublic ? ['in-app', 'website'] : ['in-app'],
      chance(0.4),
      isPublic,
      adminId,
      published ? new Date(at) : null,
      published ? adminId : null,
      new Date(at),
      new Date(at),
    ]);
    if (reached.length) sent.push({ id, title, snippet: body.slice(0, 200), at, reached, deliveryIds: reached.map(() => randomUUID()) });
  }
  let recipientCount = 0;
  function* recipients() {
    for (const n of sent)
      for (const person of n.reached) {
        recipientCount++;
        yield [n.id, person.id, person.departmentId, chance(0.8) ? new Date(n.at + int(3 * DAY)) : null];
      }
  }
  function* deliveries() {
    for (const n of sent)
      for (const [k, person] of n.reached.entries())
        yield [
          n.deliveryIds[k],
          person.id,
          'in-app',
          person.id,
          'notice',
          n.title,
          n.snippet,
          `/notices/${n.id}`,
          'delivered',
          new Date(n.at),
          new Date(n.at),
        ];
  }
  function* links() {
    for (const n of sent) for (const [k, person] of n.reached.entries()) yield [n.deliveryIds[k], n.id, person.id, 'in-app'];
  }
  await withoutIndexes(db, 'notices', () =>
    copyRows(
      db,
      'notices',
      [
        'id',
        'title',
        'body',
        'status',
        'audience',
        'channels',
        'asks_confirmation',
        'is_public',
        'created_by',
        'published_at',
        'published_by',
        'created_at',
        'updated_at',
      ],
      notices,
    ),
  );
  await withoutIndexes(db, 'notice_recipients', () =>
    copyRows(db, 'notice_recipients', ['notice_id', 'user_id', 'department_id', 'confirmed_at'], recipients()),
  );
  await withoutIndexes(db, 'notification_deliveries', () =>
    copyRows(
      db,
      'notification_deliveries',
      ['id', 'recipient_id', 'channel', 'address', 'kind', 'title', 'body', 'link', 'status', 'created_at', 'sent_at'],
      deliveries(),
    ),
  );
  await withoutIndexes(db, 'notice_deliveries', () =>
    copyRows(db, 'notice_deliveries', ['delivery_id', 'notice_id', 'recipient_id', 'channel'], links()),
  );
  log(`  ${count} notices, ${recipientCount} recipients and deliveries`);
}

/**
 * Repairs and stock movements belong to the logistics module (branches wt-maintenance, wt-stock).
 * Until their tables are on main this part logs a note and generates nothing.
 */
export async function generateLogistics(db, { repairs, movements, log }) {
  const skipped = [];
  for (const [table, n] of [
    ['repair_requests', repairs],
    ['stock_movements', movements],
  ]) {
    if (!(await tableExists(db, table))) {
      log(`  SKIPPED ${n.toLocaleString('en')} ${table}: the table does not exist (the logistics module has not landed)`);
      skipped.push(table);
    } else {
      log(`  SKIPPED ${n.toLocaleString('en')} ${table}: the table exists but this generator does not fill it yet`);
      skipped.push(table);
    }
  }
  return skipped;
}

export const VACUUM_TABLES = [
  'users',
  'departments',
  'outgoing_documents',
  'outgoing_number_log',
  'meeting_rooms',
  'room_bookings',
  'meetings',
  'notices',
  'notice_recipients',
  'notification_deliveries',
  'notice_deliveries',
];
