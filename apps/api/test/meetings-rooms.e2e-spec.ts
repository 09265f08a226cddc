import ICAL from 'ical.js';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createStaff, eventually } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

/** Rooms, bookings, meetings and notices (MTG-1 to MTG-3), through the HTTP API as the panel uses it. */
describe('meetings: rooms, bookings, meetings, notices', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person; // 办公室文员: keeps rooms, books, organises, manages
  let director: Person; // 办公室主任: approves room bookings
  let teacher: Person; // 教职工: books rooms only
  let leader: Person; // 校领导: organises meetings, cleared for 机密
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  /** Times in the school's zone (Asia/Shanghai) on a date in 2027, well in the future. */
  const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

  async function room(fields: Record<string, unknown> = {}) {
    const res = await t.http
      .post('/api/v1/meetings/rooms')
      .set(as(clerk))
      .send({ name: unique('会议室'), building: '行政楼', floor: '3', capacity: 20, equipment: ['projector', 'audio'], ...fields })
      .expect(201);
    return res.body as { id: string; name: string; version: number };
  }

  const book = (user: { token: string }, body: Record<string, unknown>) =>
    t.http.post('/api/v1/meetings/bookings').set(as(user)).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '办公室文员' });
    director = await createStaff(t, adminToken, { roles: ['office-director'], name: '办公室主任' });
    teacher = await createStaff(t, adminToken, { roles: ['staff'], name: '张老师' });
    leader = await createStaff(t, adminToken, { roles: ['school-leader'], name: '李校长' });
    await t.http
      .patch(`/api/v1/org/users/${leader.id}`)
      .set(as({ token: adminToken }))
      .send({ clearance: 'confidential', version: 1 })
      .expect(200);
    // The spring semester of 2027: teaching week 1 starts on Monday 22 February.
    await t.http
      .post('/api/v1/calendar/semesters')
      .set(as({ token: adminToken }))
      .send({ name: '2026-2027学年第二学期', startsOn: '2027-02-20', endsOn: '2027-07-10', firstTeachingMonday: '2027-02-22' })
      .expect(201);
  });
  afterAll(() => t.close());

  // ---------- MTG-1: rooms and bookings ----------

  it('MTG-1 rooms are kept by meetings.rooms.manage; everyone reads them', async () => {
    const r = await room({
      name: '第一会议室',
      capacity: 30,
      equipment: ['projector', 'microphones', 'video-conference'],
      needsApproval: false,
    });
    await t.http.post('/api/v1/meetings/rooms').set(as(teacher)).send({ name: 'x', building: 'y', floor: '1', capacity: 5 }).expect(403);
    const read = await t.http.get(`/api/v1/meetings/rooms/${r.id}`).set(as(teacher)).expect(200);
    expect(read.body).toMatchObject({ name: '第一会议室', building: '行政楼', capacity: 30, bookable: true, needsApproval: false });
    const changed = await t.http
      .patch(`/api/v1/meetings/rooms/${r.id}`)
      .set(as(clerk))
      .send({ capacity: 32, version: r.version })
      .expect(200);
    expect(changed.body.capacity).toBe(32);
    // A stale version is refused.
    await t.http.patch(`/api/v1/meetings/rooms/${r.id}`).set(as(clerk)).send({ capacity: 40, version: r.version }).expect(409);
    const bad = await t.http
      .post('/api/v1/meetings/rooms')
      .set(as(clerk))
      .send({ name: 'x', building: 'y', floor: '1', capacity: 5, equipment: ['teleporter'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.equipment).toBeDefined();
  });

  it('MTG-1 50 parallel bookings of one slot: exactly one 201, 49 × 409 naming the winner, none 500', async () => {
    const r = await room();
    const body = { roomId: r.id, startsAt: at('2027-03-02', '09:00'), endsAt: at('2027-03-02', '10:00'), attendeeCount: 10 };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => book(i % 2 ? clerk : teacher, { ...body, title: `并发预约${i}` })),
    );
    const statuses = results.map((res) => res.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = results.find((res) => res.status === 201)!.body;
    for (const res of results.filter((x) => x.status === 409)) {
      expect(res.body.code).toBe('MEETING_ROOM_CLASH');
    }
    // Most losers name the winning booking (those that lost in a deadlock before it committed may not).
    const naming = results.filter((x) => x.status === 409 && JSON.stringify(x.body.errors).includes(winner.id));
    expect(naming.length).toBeGreaterThan(0);
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM room_bookings WHERE room_id = $1 AND status IN ('pending', 'confirmed')`,
      [r.id],
    );
    expect(n).toBe(1);
  });

  it('MTG-1 back-to-back bookings are allowed; an overlap is 409 naming the booking, its time and title', async () => {
    const r = await room();
    const first = await book(teacher, {
      roomId: r.id,
      startsAt: at('2027-03-03', '09:00'),
      endsAt: at('2027-03-03', '10:00'),
      attendeeCount: 5,
      title: '语文教研',
    }).expect(201);
    expect(first.body.status).toBe('confirmed');
    await book(teacher, {
      roomId: r.id,
      startsAt: at('2027-03-03', '10:00'),
      endsAt: at('2027-03-03', '11:00'),
      attendeeCount: 5,
      title: '数学教研',
    }).expect(201);
    await book(teacher, {
      roomId: r.id,
      startsAt: at('2027-03-03', '08:00'),
      endsAt: at('2027-03-03', '09:00'),
      attendeeCount: 5,
      title: '早会',
    }).expect(201);
    const clash = await book(clerk, {
      roomId: r.id,
      startsAt: at('2027-03-03', '09:30'),
      endsAt: at('2027-03-03', '09:45'),
      attendeeCount: 5,
      title: '插队',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('MEETING_ROOM_CLASH');
    expect(clash.body.errors.startsAt).toEqual([`${first.body.id} 2027-03-03 09:00–10:00 语文教研`]);
    // The day view shows the three, in order.
    const day = await t.http.get('/api/v1/meetings/availability').query({ date: '2027-03-03', roomId: r.id }).set(as(teacher)).expect(200);
    expect(day.body.rooms[0].bookings.map((b: { title: string }) => b.title)).toEqual(['早会', '语文教研', '数学教研']);
  });

  it('MTG-1 a room seating fewer than the attendees is refused with 422 keyed attendeeCount; a closed room with 409', async () => {
    const small = await room({ capacity: 8 });
    const res = await book(teacher, {
      roomId: small.id,
      startsAt: at('2027-03-04', '09:00'),
      endsAt: at('2027-03-04', '10:00'),
      attendeeCount: 9,
      title: '大组会',
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('MEETING_ROOM_TOO_SMALL');
    expect(res.body.errors.attendeeCount).toHaveLength(1);
    const closed = await room({ bookable: false });
    const refused = await book(teacher, {
      roomId: closed.id,
      startsAt: at('2027-03-04', '09:00'),
      endsAt: at('2027-03-04', '10:00'),
      attendeeCount: 2,
      title: '小组会',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('MEETING_ROOM_NOT_BOOKABLE');
    // Nonsense ranges are 400 keyed by field, never a database error.
    const backwards = await book(teacher, {
      roomId: small.id,
      startsAt: at('2027-03-04', '10:00'),
      endsAt: at('2027-03-04', '09:00'),
      attendeeCount: 2,
      title: '倒序',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.endsAt).toBeDefined();
  });

  it('MTG-1 a weekly series follows the teaching weeks and skipped dates; one with clashes creates nothing and lists every clash', async () => {
    const r = await room({ capacity: 40 });
    const a = await book(teacher, {
      roomId: r.id,
      startsAt: at('2027-03-08', '08:30'),
      endsAt: at('2027-03-08', '09:00'),
      attendeeCount: 3,
      title: '年级组会',
    }).expect(201);
    const b = await book(teacher, {
      roomId: r.id,
      startsAt: at('2027-03-22', '09:30'),
      endsAt: at('2027-03-22', '10:30'),
      attendeeCount: 3,
      title: '班主任会',
    }).expect(201);
    const series = {
      roomId: r.id,
      title: '行政会',
      attendeeCount: 15,
      weekday: 1,
      startTime: '08:00',
      endTime: '09:30',
      fromOn: '2027-02-01',
      untilOn: '2027-03-29',
    };
    const clash = await t.http.post('/api/v1/meetings/bookings/series').set(as(clerk)).send(series);
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('MEETING_ROOM_CLASH');
    expect(Object.keys(clash.body.errors).sort()).toEqual(['2027-03-08']);
    expect(clash.body.errors['2027-03-08'][0]).toContain(a.body.id);
    // Back-to-back with the 09:30 booking of 22 March: no clash there; and nothing was created.
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM room_bookings WHERE room_id = $1 AND title = '行政会'`, [
      r.id,
    ]);
    expect(n).toBe(0);

    const longer = await t.http
      .post('/api/v1/meetings/bookings/series')
      .set(as(clerk))
      .send({ ...series, endTime: '09:45' });
    expect(longer.status).toBe(409);
    expect(Object.keys(longer.body.errors).sort()).toEqual(['2027-03-08', '2027-03-22']);
    expect(longer.body.errors['2027-03-22'][0]).toContain(b.body.id);

    // Skipping the clashing week books the rest: Mondays of teaching weeks from 22 February, less 8 March.
    const created = await t.http
      .post('/api/v1/meetings/bookings/series')
      .set(as(clerk))
      .send({ ...series, skipDates: ['2027-03-08'] })
      .expect(201);
    const dates = created.body.bookings.map((x: { startsAt: string }) => x.startsAt);
    expect(dates).toEqual(
      ['2027-02-22', '2027-03-01', '2027-03-15', '2027-03-22', '2027-03-29'].map((d) => new Date(at(d, '08:00')).toISOString()),
    );
    // Before the semester's first teaching week, and the week skipped on purpose.
    expect(created.body.skippedDates).toEqual(['2027-02-01', '2027-02-08', '2027-02-15', '2027-03-08']);
    const week = await t.http
      .get('/api/v1/meetings/availability')
      .query({ date: '2027-03-24', view: 'week', roomId: r.id })
      .set(as(teacher))
      .expect(200);
    expect(week.body.fromDate).toBe('2027-03-22');
    expect(week.body.toDate).toBe('2027-03-28');
    expect(week.body.rooms[0].bookings.map((x: { title: string }) => x.title)).toEqual(['行政会', '班主任会']);

    // Cancelling the series frees every occurrence; the rooms are bookable again.
    await t.http.post(`/api/v1/meetings/bookings/series/${created.body.id}/cancel`).set(as(teacher)).send({}).expect(403);
    const cancelled = await t.http
      .post(`/api/v1/meetings/bookings/series/${created.body.id}/cancel`)
      .set(as(clerk))
      .send({ reason: '改为双周' })
      .expect(200);
    expect(cancelled.body.bookings.map((x: { status: string }) => x.status)).toEqual(Array(5).fill('cancelled'));
    await book(teacher, {
      roomId: r.id,
      startsAt: at('2027-03-01', '08:00'),
      endsAt: at('2027-03-01', '09:00'),
      attendeeCount: 3,
      title: '改用',
    }).expect(201);
  });

  it('MTG-1 20 parallel weekly series over the same weeks: one wins whole, every loser is 409 (by the check or at the constraint), none 500, no overlap', async () => {
    const r = await room({ capacity: 30 });
    // Different start weeks and lengths, so the multi-row inserts cross in different orders.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.http
          .post('/api/v1/meetings/bookings/series')
          .set(as(i % 2 ? clerk : teacher))
          .send({
            roomId: r.id,
            title: `并发系列${i}`,
            attendeeCount: 5,
            weekday: 3,
            startTime: '15:00',
            endTime: '16:00',
            fromOn: i % 2 ? '2027-03-01' : '2027-03-08',
            untilOn: i % 3 ? '2027-04-30' : '2027-04-14',
          }),
      ),
    );
    const statuses = results.map((res) => res.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(19);
    for (const res of results.filter((x) => x.status === 409)) expect(res.body.code).toBe('MEETING_ROOM_CLASH');
    const [{ overlaps }] = await t.sql<{ overlaps: number }>(
      `SELECT count(*)::int AS overlaps FROM room_bookings a JOIN room_bookings b ON a.room_id = b.room_id AND a.id < b.id
        WHERE a.room_id = $1 AND a.status IN ('pending', 'confirmed') AND b.status IN ('pending', 'confirmed')
          AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')`,
      [r.id],
    );
    expect(overlaps).toBe(0);
    const winner = results.find((x) => x.status === 201)!.body;
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM room_bookings WHERE room_id = $1`, [r.id]);
    expect(n).toBe(winner.bookings.length);
  });

  it('MTG-1 suggestions: free in the range, large enough, with the equipment asked; smallest first', async () => {
    const tag = unique('建议');
    const small = await room({ name: `${tag}小`, capacity: 10, equipment: ['projector'] });
    const medium = await room({ name: `${tag}中`, capacity: 25, equipment: ['projector', 'video-conference'] });
    const large = await room({ name: `${tag}大`, capacity: 60, equipment: ['projector', 'video-conference', 'microphones'] });
    const busy = await room({ name: `${tag}忙`, capacity: 30, equipment: ['projector', 'video-conference'] });
    await book(teacher, {
      roomId: busy.id,
      startsAt: at('2027-04-06', '13:00'),
      endsAt: at('2027-04-06', '15:00'),
      attendeeCount: 5,
      title: '占用',
    }).expect(201);
    const res = await t.http
      .get('/api/v1/meetings/room-suggestions')
      .query({ startsAt: at('2027-04-06', '14:00'), endsAt: at('2027-04-06', '15:00'), attendeeCount: 12, equipment: 'video-conference' })
      .set(as(teacher))
      .expect(200);
    const ids = res.body.map((s: { room: { id: string } }) => s.room.id);
    expect(ids).not.toContain(small.id);
    expect(ids).not.toContain(busy.id);
    expect(ids.indexOf(medium.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(medium.id)).toBeLessThan(ids.indexOf(large.id));
  });

  it('MTG-1 a room that needs approval: the pending booking holds the slot; approval confirms it, rejection frees it', async () => {
    const hall = await room({ name: unique('报告厅'), capacity: 300, needsApproval: true });
    const res = await book(teacher, {
      roomId: hall.id,
      startsAt: at('2027-04-07', '14:00'),
      endsAt: at('2027-04-07', '16:00'),
      attendeeCount: 200,
      title: '家长会',
    }).expect(201);
    expect(res.body.status).toBe('pending');
    expect(res.body.approvalRequestId).toBeTruthy();
    const held = await book(clerk, {
      roomId: hall.id,
      startsAt: at('2027-04-07', '15:00'),
      endsAt: at('2027-04-07', '17:00'),
      attendeeCount: 50,
      title: '讲座',
    });
    expect(held.status).toBe(409);
    await t.http
      .post(`/api/v1/approvals/requests/${res.body.approvalRequestId}/approve`)
      .set(as(director))
      .send({ comment: '同意' })
      .expect(200);
    await eventually(
      async () => (await t.http.get(`/api/v1/meetings/bookings/${res.body.id}`).set(as(teacher))).body.status === 'confirmed',
      20_000,
      'the booking to be confirmed',
    );

    const other = await book(teacher, {
      roomId: hall.id,
      startsAt: at('2027-04-08', '14:00'),
      endsAt: at('2027-04-08', '16:00'),
      attendeeCount: 100,
      title: '社团展示',
    }).expect(201);
    await t.http
      .post(`/api/v1/approvals/requests/${other.body.approvalRequestId}/reject`)
      .set(as(director))
      .send({ reason: '与考试冲突' })
      .expect(200);
    await eventually(
      async () => (await t.http.get(`/api/v1/meetings/bookings/${other.body.id}`).set(as(teacher))).body.status === 'rejected',
      20_000,
      'the booking to be rejected',
    );
    await book(clerk, {
      roomId: hall.id,
      startsAt: at('2027-04-08', '14:00'),
      endsAt: at('2027-04-08', '16:00'),
      attendeeCount: 100,
      title: '教师培训',
    }).expect(201);
  });

  it('MTG-1 the organiser cancels a booking and the slot is free again; others may not', async () => {
    const r = await room();
    const res = await book(teacher, {
      roomId: r.id,
      startsAt: at('2027-04-09', '09:00'),
      endsAt: at('2027-04-09', '10:00'),
      attendeeCount: 4,
      title: '备课',
    }).expect(201);
    expect(res.body.cancellable).toBe(true);
    const stranger = await createStaff(t, adminToken, { roles: ['staff'] });
    await t.http.post(`/api/v1/meetings/bookings/${res.body.id}/cancel`).set(as(stranger)).send({}).expect(403);
    const cancelled = await t.http
      .post(`/api/v1/meetings/bookings/${res.body.id}/cancel`)
      .set(as(teacher))
      .send({ reason: '改期' })
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    await book(stranger, {
      roomId: r.id,
      startsAt: at('2027-04-09', '09:00'),
      endsAt: at('2027-04-09', '10:00'),
      attendeeCount: 4,
      title: '听课',
    }).expect(201);
  });

  // ---------- MTG-2: meetings ----------

  it('MTG-2 attendees chosen as departments resolve to their members and head; 列席 kept apart; the organiser confirms the agenda before the notice', async () => {
    const head = await createStaff(t, adminToken, { roles: ['department-head'], name: '教务主任' });
    const dept = await createDepartment(t, adminToken, { name: unique('教务处'), headId: head.id });
    const m1 = await createStaff(t, adminToken, { roles: ['staff'], departmentId: dept.id, name: '教务干事甲' });
    const m2 = await createStaff(t, adminToken, { roles: ['staff'], departmentId: dept.id, name: '教务干事乙' });
    const observer = await createStaff(t, adminToken, { roles: ['staff'], name: '工会代表' });
    const r = await room({ capacity: 20 });
    const created = await t.http
      .post('/api/v1/meetings')
      .set(as(leader))
      .send({
        title: '2027年春季学期第3次行政会',
        typeCode: 'administrative',
        hostId: leader.id,
        roomId: r.id,
        startsAt: at('2027-03-09', '14:00'),
        endsAt: at('2027-03-09', '16:00'),
        topics: [{ title: '审议期中考试安排', presenterId: head.id, minutes: 30 }, { title: '讨论教师培训计划' }],
        attendeeDepartmentIds: [dept.id],
        attendeeIds: [m1.id],
        observerIds: [observer.id],
      })
      .expect(201);
    const meeting = created.body;
    expect(meeting.status).toBe('draft');
    expect(meeting.type.name).toBe('行政会');
    expect(meeting.room.id).toBe(r.id);
    expect(meeting.topics.map((x: { title: string }) => x.title)).toEqual(['审议期中考试安排', '讨论教师培训计划']);
    const byUser = new Map(meeting.attendees.map((a: { user: { id: string } }) => [a.user.id, a]));
    expect(byUser.get(head.id)).toMatchObject({ role: 'attendee', viaDepartment: { id: dept.id } });
    expect(byUser.get(m2.id)).toMatchObject({ role: 'attendee', viaDepartment: { id: dept.id } });
    expect(byUser.get(m1.id)).toMatchObject({ role: 'attendee', viaDepartment: null }); // chosen by name
    expect(byUser.get(observer.id)).toMatchObject({ role: 'observer' });
    expect(byUser.get(leader.id)).toMatchObject({ role: 'attendee' }); // the host attends
    expect(meeting.departments).toEqual([{ department: { id: dept.id, name: dept.name }, role: 'attendee' }]);
    // The booking carries the meeting: the room's day shows it.
    const day = await t.http.get('/api/v1/meetings/availability').query({ date: '2027-03-09', roomId: r.id }).set(as(teacher)).expect(200);
    expect(day.body.rooms[0].bookings[0]).toMatchObject({ title: '2027年春季学期第3次行政会', meetingId: meeting.id });

    // No notice before the agenda is confirmed; only the organiser confirms it.
    const early = await t.http.post(`/api/v1/meetings/${meeting.id}/notify`).set(as(leader)).send({});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('MEETING_ILLEGAL_TRANSITION');
    const notMine = await t.http.post(`/api/v1/meetings/${meeting.id}/confirm-agenda`).set(as(clerk)).send({});
    expect(notMine.status).toBe(403);
    const confirmed = await t.http.post(`/api/v1/meetings/${meeting.id}/confirm-agenda`).set(as(leader)).send({}).expect(200);
    expect(confirmed.body.status).toBe('agenda-confirmed');
    expect(confirmed.body.agendaConfirmedAt).toBeTruthy();
    // Changing the agenda takes it back to draft: the organiser confirms what is actually sent.
    const edited = await t.http
      .patch(`/api/v1/meetings/${meeting.id}`)
      .set(as(leader))
      .send({
        version: confirmed.body.version,
        topics: [{ title: '审议期中考试安排' }, { title: '讨论教师培训计划' }, { title: '其他事项' }],
      })
      .expect(200);
    expect(edited.body.status).toBe('draft');
    expect(edited.body.topics).toHaveLength(3);
    await t.http.post(`/api/v1/meetings/${meeting.id}/confirm-agenda`).set(as(leader)).send({}).expect(200);

    // The room of a meeting cannot be booked over by someone else.
    const over = await book(teacher, {
      roomId: r.id,
      startsAt: at('2027-03-09', '15:00'),
      endsAt: at('2027-03-09', '15:30'),
      attendeeCount: 2,
      title: '谈话',
    });
    expect(over.status).toBe(409);
    expect(over.body.errors.startsAt[0]).toContain('2027年春季学期第3次行政会');
  });

  it('MTG-2 a meeting whose room is too small or taken is refused and nothing is created', async () => {
    const r = await room({ capacity: 2 });
    const people = await Promise.all([1, 2, 3].map(() => createStaff(t, adminToken, { roles: ['staff'] })));
    const res = await t.http
      .post('/api/v1/meetings')
      .set(as(leader))
      .send({
        title: '过大的会',
        typeCode: 'coordination',
        roomId: r.id,
        startsAt: at('2027-03-10', '14:00'),
        endsAt: at('2027-03-10', '15:00'),
        attendeeIds: people.map((p) => p.id),
      });
    expect(res.status).toBe(422);
    expect(res.body.errors.attendeeCount).toBeDefined();
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM meetings WHERE title = '过大的会'`);
    expect(n).toBe(0);
  });

  it('MTG-2 a meeting takes over its organiser’s booking: the room and times become the meeting’s; someone else’s is refused', async () => {
    const r = await room();
    const mine = await book(leader, {
      roomId: r.id,
      startsAt: at('2027-03-17', '14:00'),
      endsAt: at('2027-03-17', '15:00'),
      attendeeCount: 6,
      title: '占位',
    }).expect(201);
    const theirs = await book(teacher, {
      roomId: r.id,
      startsAt: at('2027-03-17', '15:00'),
      endsAt: at('2027-03-17', '16:00'),
      attendeeCount: 6,
      title: '备课',
    }).expect(201);
    const refused = await t.http
      .post('/api/v1/meetings')
      .set(as(leader))
      .send({ title: '借用', typeCode: 'coordination', bookingId: theirs.body.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.bookingId).toBeDefined();
    const created = await t.http
      .post('/api/v1/meetings')
      .set(as(leader))
      .send({ title: '德育工作协调会', typeCode: 'coordination', bookingId: mine.body.id, topics: [{ title: '主题班会安排' }] })
      .expect(201);
    expect(created.body).toMatchObject({
      bookingId: mine.body.id,
      room: { id: r.id },
      startsAt: mine.body.startsAt,
      endsAt: mine.body.endsAt,
    });
    const booking = await t.http.get(`/api/v1/meetings/bookings/${mine.body.id}`).set(as(teacher)).expect(200);
    expect(booking.body).toMatchObject({ title: '德育工作协调会', meetingId: created.body.id, cancellable: false });
    // A booking in use by a meeting is cancelled with the meeting, not by itself.
    expect((await t.http.post(`/api/v1/meetings/bookings/${mine.body.id}/cancel`).set(as(leader)).send({})).status).toBe(409);
  });

  // ---------- MTG-3: notice, answers, calendar ----------

  it('MTG-3 the notice reaches every invitee with time, place and topics; each accepts or asks for leave with a reason', async () => {
    const a = await createStaff(t, adminToken, { roles: ['staff'], name: '参会人甲' });
    const b = await createStaff(t, adminToken, { roles: ['staff'], name: '参会人乙' });
    const r = await room({ name: unique('第二会议室') });
    const created = await t.http
      .post('/api/v1/meetings')
      .set(as(clerk))
      .send({
        title: '校园安全协调会',
        typeCode: 'coordination',
        roomId: r.id,
        startsAt: at('2027-03-11', '15:00'),
        endsAt: at('2027-03-11', '16:00'),
        topics: [{ title: '春季校园安全检查' }],
        attendeeIds: [a.id, b.id],
      })
      .expect(201);
    const id = created.body.id as string;
    // An invitee cannot answer before the notice.
    expect((await t.http.post(`/api/v1/meetings/${id}/response`).set(as(a)).send({ response: 'accepted' })).status).toBe(409);
    await t.http.post(`/api/v1/meetings/${id}/confirm-agenda`).set(as(clerk)).send({}).expect(200);
    const notified = await t.http.post(`/api/v1/meetings/${id}/notify`).set(as(clerk)).send({}).expect(200);
    expect(notified.body.status).toBe('notified');
    const deliveries = await t.sql<{ recipient_id: string; title: string; body: string }>(
      `SELECT recipient_id, title, body FROM notification_deliveries WHERE kind = 'meeting.notice' AND link = $1 AND channel = 'in-app'`,
      [`/meetings/${id}`],
    );
    expect(deliveries.map((d) => d.recipient_id).sort()).toEqual([a.id, b.id].sort());
    expect(deliveries[0].body).toContain('2027-03-11 15:00–16:00');
    expect(deliveries[0].body).toContain(r.name);
    expect(deliveries[0].body).toContain('春季校园安全检查');
    const inbox = await t.http.get('/api/v1/inbox').set(as(a)).expect(200);
    expect(inbox.body.items.some((i: { link: string }) => i.link === `/meetings/${id}`)).toBe(true);

    await t.http.post(`/api/v1/meetings/${id}/response`).set(as(a)).send({ response: 'accepted' }).expect(200);
    const noReason = await t.http.post(`/api/v1/meetings/${id}/response`).set(as(b)).send({ response: 'leave' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.reason).toBeDefined();
    const leave = await t.http
      .post(`/api/v1/meetings/${id}/response`)
      .set(as(b))
      .send({ response: 'leave', reason: '外出培训' })
      .expect(200);
    expect(leave.body.myResponse).toBe('leave');
    const detail = await t.http.get(`/api/v1/meetings/${id}`).set(as(clerk)).expect(200);
    const answers = Object.fromEntries(
      detail.body.attendees.map((x: { user: { id: string }; response: string; leaveReason: string | null }) => [
        x.user.id,
        [x.response, x.leaveReason],
      ]),
    );
    expect(answers[a.id]).toEqual(['accepted', null]);
    expect(answers[b.id]).toEqual(['leave', '外出培训']);
    // Someone not invited cannot answer.
    expect((await t.http.post(`/api/v1/meetings/${id}/response`).set(as(teacher)).send({ response: 'accepted' })).status).toBe(403);
  });

  it('MTG-3 the ICS file parses; the personal feed needs its secret (wrong 404, revoked 404)', async () => {
    const a = await createStaff(t, adminToken, { roles: ['staff'], name: '订阅人' });
    const r = await room({ name: unique('第三会议室') });
    const created = await t.http
      .post('/api/v1/meetings')
      .set(as(clerk))
      .send({
        title: '期中教学检查布置会, 含逗号; 和分号',
        typeCode: 'school-affairs',
        roomId: r.id,
        startsAt: at('2027-03-12', '10:00'),
        endsAt: at('2027-03-12', '11:30'),
        topics: [{ title: '检查安排' }],
        attendeeIds: [a.id],
      })
      .expect(201);
    const id = created.body.id as string;
    const ics = await t.http.get(`/api/v1/meetings/${id}/ics`).set(as(a)).expect(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.text).toContain('\r\n');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('期中教学检查布置会, 含逗号; 和分号');
    expect(event.uid).toBe(`${id}@xiaoban`);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(at('2027-03-12', '10:00')).toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date(at('2027-03-12', '11:30')).toISOString());
    expect(event.location).toContain(r.name);

    await t.http.post(`/api/v1/meetings/${id}/confirm-agenda`).set(as(clerk)).send({}).expect(200);
    await t.http.post(`/api/v1/meetings/${id}/notify`).set(as(clerk)).send({}).expect(200);
    const feed = await t.http.post('/api/v1/meetings/feed').set(as(a)).expect(201);
    const path = new URL(feed.body.url as string).pathname;
    const body = await t.http.get(path).expect(200);
    const events = new ICAL.Component(ICAL.parse(body.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toContain(`${id}@xiaoban`);
    expect((await t.http.get('/api/v1/meetings/feed').set(as(a)).expect(200)).body).toMatchObject({ active: true, url: null });

    await t.http.get(`${path.slice(0, -4)}AAAA`).expect(404);
    await t.http.get('/api/v1/meetings/feeds/not-a-token').expect(404);
    await t.http.delete('/api/v1/meetings/feed').set(as(a)).expect(204);
    await t.http.get(path).expect(404);
    // A renewed feed has a new secret; the old one stays dead.
    const renewed = await t.http.post('/api/v1/meetings/feed').set(as(a)).expect(201);
    expect(renewed.body.url).not.toBe(feed.body.url);
    await t.http.get(new URL(renewed.body.url as string).pathname).expect(200);
    await t.http.get(path).expect(404);
  });

  it('MTG-2 after the notice the meeting cannot be edited; cancelling it frees the room and tells the attendees', async () => {
    const a = await createStaff(t, adminToken, { roles: ['staff'] });
    const r = await room();
    const created = await t.http
      .post('/api/v1/meetings')
      .set(as(clerk))
      .send({
        title: '临时协调会',
        typeCode: 'coordination',
        roomId: r.id,
        startsAt: at('2027-03-16', '10:00'),
        endsAt: at('2027-03-16', '11:00'),
        topics: [{ title: '运动会筹备' }],
        attendeeIds: [a.id],
      })
      .expect(201);
    const id = created.body.id as string;
    await t.http.post(`/api/v1/meetings/${id}/confirm-agenda`).set(as(clerk)).send({}).expect(200);
    const notified = await t.http.post(`/api/v1/meetings/${id}/notify`).set(as(clerk)).send({}).expect(200);
    const edit = await t.http.patch(`/api/v1/meetings/${id}`).set(as(clerk)).send({ version: notified.body.version, title: '改名' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('MEETING_ILLEGAL_TRANSITION');
    // Someone who neither organises it nor holds meetings.manage may not cancel it.
    expect((await t.http.post(`/api/v1/meetings/${id}/cancel`).set(as(leader)).send({})).status).toBe(403);
    const cancelled = await t.http.post(`/api/v1/meetings/${id}/cancel`).set(as(clerk)).send({ reason: '改期' }).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.bookingStatus).toBe('cancelled');
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_deliveries WHERE kind = 'meeting.cancelled' AND recipient_id = $1 AND channel = 'in-app'`,
      [a.id],
    );
    expect(n).toBe(1);
    await book(teacher, {
      roomId: r.id,
      startsAt: at('2027-03-16', '10:00'),
      endsAt: at('2027-03-16', '11:00'),
      attendeeCount: 3,
      title: '改用',
    }).expect(201);
  });

  // ---------- visibility ----------

  it('MTG-2 a classified meeting’s title is hidden from an uncleared user: the slot shows as taken, the meeting is 404', async () => {
    const cleared = await createStaff(t, adminToken, { roles: ['staff'], name: '机要员' });
    await t.http
      .patch(`/api/v1/org/users/${cleared.id}`)
      .set(as({ token: adminToken }))
      .send({ clearance: 'confidential', version: 1 })
      .expect(200);
    const uncleared = await createStaff(t, adminToken, { roles: ['staff'], name: '普通教师' });
    const r = await room({ name: unique('党委会议室') });
    // Inviting someone without clearance is refused, keyed by the field.
    const refused = await t.http
      .post('/api/v1/meetings')
      .set(as(leader))
      .send({
        title: '干部任免讨论',
        typeCode: 'party-committee',
        secrecy: 'secret',
        roomId: r.id,
        startsAt: at('2027-03-15', '14:00'),
        endsAt: at('2027-03-15', '15:00'),
        attendeeIds: [cleared.id, uncleared.id],
      });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.attendeeIds).toHaveLength(1);

    const created = await t.http
      .post('/api/v1/meetings')
      .set(as(leader))
      .send({
        title: '干部任免讨论',
        typeCode: 'party-committee',
        secrecy: 'secret',
        roomId: r.id,
        startsAt: at('2027-03-15', '14:00'),
        endsAt: at('2027-03-15', '15:00'),
        topics: [{ title: '讨论人选' }],
        attendeeIds: [cleared.id],
      })
      .expect(201);
    const id = created.body.id as string;
    // The invitee sees it; the uncleared teacher sees only that the room is taken.
    await t.http.get(`/api/v1/meetings/${id}`).set(as(cleared)).expect(200);
    await t.http.get(`/api/v1/meetings/${id}`).set(as(uncleared)).expect(404);
    await t.http.get(`/api/v1/meetings/${id}/ics`).set(as(uncleared)).expect(404);
    const list = await t.http.get('/api/v1/meetings').set(as(uncleared)).expect(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(id);
    const day = await t.http
      .get('/api/v1/meetings/availability')
      .query({ date: '2027-03-15', roomId: r.id })
      .set(as(uncleared))
      .expect(200);
    expect(day.body.rooms[0].bookings[0]).toMatchObject({ title: null, titleHidden: true, meetingId: null });
    const clash = await book(uncleared, {
      roomId: r.id,
      startsAt: at('2027-03-15', '14:30'),
      endsAt: at('2027-03-15', '15:30'),
      attendeeCount: 2,
      title: '谈心',
    });
    expect(clash.status).toBe(409);
    expect(JSON.stringify(clash.body)).not.toContain('干部任免');
    expect(clash.body.errors.startsAt[0]).toContain('（已占用）');
    // A cleared non-invitee still does not see it (need-to-know).
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM meetings WHERE id = $1`, [id]);
    expect(n).toBe(1);
    const clearedStranger = await createStaff(t, adminToken, { roles: ['staff'] });
    await t.http
      .patch(`/api/v1/org/users/${clearedStranger.id}`)
      .set(as({ token: adminToken }))
      .send({ clearance: 'top-secret', version: 1 })
      .expect(200);
    await t.http.get(`/api/v1/meetings/${id}`).set(as(clearedStranger)).expect(404);
    const ownDay = await t.http
      .get('/api/v1/meetings/availability')
      .query({ date: '2027-03-15', roomId: r.id })
      .set(as(cleared))
      .expect(200);
    expect(ownDay.body.rooms[0].bookings[0]).toMatchObject({ title: '干部任免讨论', meetingId: id });
  });
});
