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

/** Brands that turn the vocabulary's 14 supplies into a catalogue of realistic size (specification variants). */
const BRANDS = ['得力', '晨光', '齐心', '真彩', '广博', '白雪', '国产', '惠普'];
const REPAIR_SOURCES = [
  ['online', 70],
  ['phone', 20],
  ['paper', 6],
  ['inspection', 3],
  ['meeting-equipment', 1],
];
const OPEN_REPAIR = ['submitted', 'triaged', 'assigned', 'in-progress', 'completed', 'reopened', 'awaiting-approval'];

/**
 * Repairs (报修, LOG-9) in `maintenance_requests`: a campus with the vocabulary's buildings and
 * their floors as locations; ten years of requests, each with a category, a description of that
 * category, urgency, source and a due time. Requests older than a month are closed: confirmed
 * with a rating (CHK_maintenance_requests_confirmed ties the two) or, a few, cancelled; recent
 * ones are spread over the open states, with an assignee once assigned.
 */
async function generateRepairs(db, { count, staff, log, seed }) {
  const v = loadVocabulary();
  const { pick, int, chance, weighted } = rng(seed);
  const campus = randomUUID();
  const locations = [[campus, null, 'campus', '基准校区']];
  const floors = [];
  for (const building of v.maintenance.locations) {
    const id = randomUUID();
    locations.push([id, campus, 'building', building]);
    for (let f = 1; f <= 4; f++) {
      const floor = randomUUID();
      locations.push([floor, id, 'floor', `${f}层`]);
      floors.push({ id: floor, name: `${building}${f}层` });
    }
  }
  await copyRows(db, 'maintenance_locations', ['id', 'parent_id', 'kind', 'name'], locations);
  const categories = Object.keys(v.maintenance.descriptions);
  const workers = staff.slice(0, 12);
  const HOUR = 3_600_000;
  function* rows() {
    for (let i = 0; i < count; i++) {
      const at = START + Math.floor(((END - START) * i) / count) + int(3_600_000);
      const category = pick(categories);
      const urgency = weighted([
        ['normal', 70],
        ['urgent', 15],
        ['low', 15],
      ]);
      const dueAt = at + (urgency === 'urgent' ? 4 * HOUR : urgency === 'normal' ? 3 * DAY : 10 * DAY);
      const old = END - at > 30 * DAY;
      const status = old ? (chance(0.04) ? 'cancelled' : 'confirmed') : pick(OPEN_REPAIR);
      const assigned = !['submitted', 'awaiting-approval', 'cancelled'].includes(status);
      const done = ['completed', 'confirmed'].includes(status);
      const completedAt = done ? at + int(Math.max(1, dueAt - at) * 1.3) : null;
      const confirmedAt = status === 'confirmed' ? completedAt + int(2 * DAY) : null;
      const external = assigned && chance(0.08);
      const requester = pick(staff);
      const floor = pick(floors);
      yield [
        randomUUID(),
        category,
        floor.id,
        `${floor.name}${100 + int(30)}室`,
        `${pick(v.maintenance.descriptions[category])}，${pick(['请尽快处理', '影响正常使用', '已持续两天', '上课时发现', '值班时发现'])}。`,
        urgency,
        weighted(REPAIR_SOURCES),
        requester.id,
        requester.name,
        status,
        assigned ? (external ? 'external' : 'in-house') : null,
        external ? pick(['某市鑫达维修服务部', '某市通力水电安装有限公司']) : null,
        external ? 50_000 + int(400_000) : null,
        done ? int(external ? 500_000 : 20_000) : null,
        assigned ? pick(workers).id : null,
        new Date(dueAt),
        done && completedAt > dueAt ? new Date(dueAt) : null,
        completedAt === null ? null : new Date(completedAt),
        confirmedAt === null ? null : new Date(confirmedAt),
        status === 'confirmed'
          ? weighted([
              [5, 60],
              [4, 30],
              [3, 7],
              [2, 2],
              [1, 1],
            ])
          : null,
        status === 'reopened' ? 1 : 0,
        new Date(at),
        new Date(confirmedAt ?? completedAt ?? at),
      ];
    }
  }
  const columns = [
    'id',
    'category',
    'location_id',
    'location_detail',
    'description',
    'urgency',
    'source',
    'requester_id',
    'requester_name',
    'status',
    'handling',
    'contractor',
    'quote_fen',
    'cost_fen',
    'assignee_id',
    'due_at',
    'overdue_at',
    'completed_at',
    'confirmed_at',
    'rating',
    'reopen_count',
    'created_at',
    'updated_at',
  ];
  await withoutIndexes(db, 'maintenance_requests', () => copyRows(db, 'maintenance_requests', columns, rows()));
  log(`  ${count.toLocaleString('en')} repairs (maintenance_requests) on ${floors.length} floors`);
}

/**
 * The supplies catalogue and its stock ledger (LOG-1, LOG-4, LOG-5): every vocabulary item in
 * several brands; `count` movements over ten years in time order (so `seq`, a BIGSERIAL filled
 * by COPY in row order, follows created_at). The generator keeps each item's balance while it
 * writes, exactly as StockLedgerService does: an issue (out) never takes on-hand below zero (when
 * it would, the storekeeper buys first: the movement becomes an 'in'), every row carries the
 * balance after it (CHK_stock_movements_after), and the final balances are written to
 * stock_balances, so the API's conditional UPDATE continues the same ledger. No reservations:
 * reserved stays 0 (waiting lines are not generated).
 */
async function generateStock(db, { count, staff, departments, log, seed }) {
  const v = loadVocabulary();
  const { pick, int, chance, weighted } = rng(seed);
  const items = [];
  for (const supply of v.supplies)
    for (const brand of BRANDS.slice(0, 4 + int(BRANDS.length - 3)))
      items.push({
        id: randomUUID(),
        name: supply.name,
        spec: `${brand} ${supply.spec}`,
        unit: supply.unit,
        consumable: supply.consumable,
        safety: supply.safety,
        onHand: 0,
        // Paper and pens move often, a USB stick seldom: a skewed weight per item.
        weight: (supply.consumable ? 4 : 1) * (1 + int(5)),
      });
  await copyRows(
    db,
    'supply_items',
    ['id', 'name', 'specification', 'unit', 'category', 'consumable', 'safety_stock'],
    items.map((i) => [i.id, i.name, i.spec, i.unit, i.consumable ? '办公耗材' : '办公设备', i.consumable, i.safety]),
  );
  const byWeight = items.map((i) => [i, i.weight]);
  const keepers = staff.slice(0, 3);
  const kinds = { in: 0, out: 0, adjustment: 0, return: 0 };
  function* rows() {
    for (let n = 0; n < count; n++) {
      const at = START + Math.floor(((END - START) * n) / count) + int(60_000);
      const item = weighted(byWeight);
      let kind = weighted([
        ['out', 80],
        ['in', 12],
        ['return', 4],
        ['adjustment', 4],
      ]);
      let quantity =
        kind === 'out' ? 1 + int(Math.max(2, Math.round(item.safety / 4))) : kind === 'in' ? item.safety * (2 + int(4)) : 1 + int(3);
      if (kind === 'adjustment' && chance(0.7)) quantity = -quantity; // stocktakes find shortages more often than surpluses
      if ((kind === 'out' || kind === 'adjustment') && item.onHand + (kind === 'out' ? -quantity : quantity) < 0) {
        kind = 'in';
        quantity = item.safety * (2 + int(4));
      }
      item.onHand += kind === 'out' ? -quantity : quantity;
      kinds[kind]++;
      const department = kind === 'out' || kind === 'return' ? pick(departments) : null;
      yield [
        item.id,
        kind,
        quantity,
        item.onHand,
        0,
        kind === 'in'
          ? pick(['采购入库', '期初入库', '调拨入库', '捐赠入库'])
          : kind === 'out'
            ? '领用发放'
            : kind === 'return'
              ? '部门退库'
              : '盘点差异调整',
        department,
        kind === 'in' || kind === 'return' ? 'manual' : null,
        pick(keepers).id,
        new Date(at),
      ];
    }
  }
  await withoutIndexes(db, 'stock_movements', () =>
    copyRows(
      db,
      'stock_movements',
      [
        'item_id',
        'kind',
        'quantity',
        'on_hand_after',
        'reserved_after',
        'reason',
        'department_id',
        'source_type',
        'actor_id',
        'created_at',
      ],
      rows(),
    ),
  );
  await copyRows(
    db,
    'stock_balances',
    ['item_id', 'on_hand', 'reserved', 'updated_at'],
    items.map((i) => [i.id, i.onHand, 0, new Date(END)]),
  );
  // The ledger and the balances must agree, as the API keeps them: each balance is its item's last movement's on_hand_after.
  const { rows: disagreeing } = await db.query(`
    SELECT b.item_id FROM stock_balances b
      LEFT JOIN LATERAL (SELECT on_hand_after FROM stock_movements m WHERE m.item_id = b.item_id ORDER BY seq DESC LIMIT 1) last ON true
     WHERE b.on_hand <> coalesce(last.on_hand_after, 0)`);
  if (disagreeing.length) throw new Error(`${disagreeing.length} stock balances disagree with their ledger`);
  log(
    `  ${items.length} supply items, ${count.toLocaleString('en')} stock movements (${Object.entries(kinds)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}); balances agree with the ledger`,
  );
  return items.map((i) => i.id);
}

/** Repairs and stock movements (LOG-9, LOG-1–LOG-5): the logistics part of the large school. */
export async function generateLogistics(db, { repairs, movements, staff, departments, log }) {
  const skipped = [];
  let supplyItems = [];
  if (await tableExists(db, 'maintenance_requests')) await generateRepairs(db, { count: repairs, staff, log, seed: 15 });
  else skipped.push('maintenance_requests');
  if (await tableExists(db, 'stock_movements'))
    supplyItems = await generateStock(db, { count: movements, staff, departments, log, seed: 16 });
  else skipped.push('stock_movements');
  for (const table of skipped) log(`  SKIPPED ${table}: the table does not exist`);
  return { skipped, supplyItems };
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
  'maintenance_locations',
  'maintenance_requests',
  'supply_items',
  'stock_balances',
  'stock_movements',
];
