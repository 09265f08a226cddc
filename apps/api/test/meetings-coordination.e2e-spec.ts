import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

/** Coordination meetings (协调会, ADM-1): the departments' liaison persons invited; a fortnightly series. */
describe('meetings: coordination meetings', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person; // 办公室文员: organises the coordination meetings
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

  /** A department with a head, a liaison (unless `liaison` is false) and one more teacher. */
  async function department(name: string, liaison = true) {
    const head = await createStaff(t, adminToken, { roles: ['department-head'], name: `${name}主任` });
    const contact = await createStaff(t, adminToken, { roles: ['staff'], name: `${name}联络员` });
    const teacher = await createStaff(t, adminToken, { roles: ['staff'], name: `${name}教师` });
    const d = await createDepartment(t, adminToken, { name: unique(name), headId: head.id, ...(liaison ? { liaisonId: contact.id } : {}) });
    for (const person of [head, contact, teacher]) {
      await t.http
        .patch(`/api/v1/org/users/${person.id}`)
        .set(as({ token: adminToken }))
        .send({ departmentId: d.id, version: 1 })
        .expect(200);
    }
    return { id: d.id, head, contact, teacher };
  }

  async function room() {
    const res = await t.http
      .post('/api/v1/meetings/rooms')
      .set(as(clerk))
      .send({ name: unique('协调会议室'), building: '行政楼', floor: '2', capacity: 20 })
      .expect(201);
    return res.body as { id: string };
  }

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '办公室文员' });
  });
  afterAll(() => t.close());

  it('ADM-1 a coordination meeting invites the liaison persons of its departments', async () => {
    const academic = await department('教务处');
    const logistics = await department('总务处');
    const moral = await department('德育处', false); // no liaison: its head comes
    const res = await t.http
      .post('/api/v1/meetings/coordination')
      .set(as(clerk))
      .send({
        title: '迎检工作协调会',
        location: '行政楼二楼小会议室',
        startsAt: at('2027-09-07', '16:00'),
        endsAt: at('2027-09-07', '17:00'),
        departmentIds: [academic.id, logistics.id, moral.id],
        topics: [{ title: '迎检材料分工' }],
      })
      .expect(201);
    expect(res.body.seriesId).toBeNull();
    const [meeting] = res.body.meetings;
    expect(meeting.type.code).toBe('coordination');
    const invited = meeting.attendees.map((a: { user: { id: string } }) => a.user.id).sort();
    expect(invited).toEqual([academic.contact.id, logistics.contact.id, moral.head.id].sort());
    // Not the whole departments: their other members are not invited.
    expect(invited).not.toContain(academic.teacher.id);
    expect(
      meeting.coordinationDepartments
        .map((c: { department: { id: string }; invited: { id: string } }) => [c.department.id, c.invited.id])
        .sort(),
    ).toEqual(
      [
        [academic.id, academic.contact.id],
        [logistics.id, logistics.contact.id],
        [moral.id, moral.head.id],
      ].sort(),
    );
    // The meeting reads back the same.
    const read = (await t.http.get(`/api/v1/meetings/${meeting.id}`).set(as(academic.contact)).expect(200)).body;
    expect(read.coordinationDepartments).toHaveLength(3);
    // An unknown department is refused, keyed by field; a teacher may not organise.
    const bad = await t.http
      .post('/api/v1/meetings/coordination')
      .set(as(clerk))
      .send({
        title: 'x',
        location: 'y',
        startsAt: at('2027-09-08', '16:00'),
        endsAt: at('2027-09-08', '17:00'),
        departmentIds: ['00000000-0000-4000-8000-000000000000'],
      })
      .expect(400);
    expect(bad.body.errors.departmentIds).toBeDefined();
    await t.http
      .post('/api/v1/meetings/coordination')
      .set(as(academic.teacher))
      .send({
        title: 'x',
        location: 'y',
        startsAt: at('2027-09-08', '16:00'),
        endsAt: at('2027-09-08', '17:00'),
        departmentIds: [academic.id],
      })
      .expect(403);
  });

  it('ADM-1 a fortnightly coordination meeting creates its series', async () => {
    const academic = await department('教务处');
    const logistics = await department('总务处');
    const r = await room();
    const body = {
      title: '教学与后勤双周协调会',
      roomId: r.id,
      startsAt: at('2027-10-12', '15:30'),
      endsAt: at('2027-10-12', '16:30'),
      departmentIds: [academic.id, logistics.id],
      recurrence: { everyWeeks: 2, occurrences: 4 },
    };
    // A booking on the third date (26 October) and one on the fourth (9 November): nothing is created, both clashes are named.
    const blockers = [];
    for (const date of ['2027-10-26', '2027-11-09']) {
      blockers.push(
        (
          await t.http
            .post('/api/v1/meetings/bookings')
            .set(as(clerk))
            .send({ roomId: r.id, startsAt: at(date, '16:00'), endsAt: at(date, '17:00'), attendeeCount: 5, title: '教研活动' })
            .expect(201)
        ).body,
      );
    }
    const clash = await t.http.post('/api/v1/meetings/coordination').set(as(clerk)).send(body).expect(409);
    expect(clash.body.code).toBe('MEETING_ROOM_CLASH');
    expect(Object.keys(clash.body.errors).sort()).toEqual(['2027-10-26', '2027-11-09']);
    expect(clash.body.errors['2027-10-26'][0]).toContain(blockers[0].id);
    const none = await t.sql(`SELECT 1 FROM meetings WHERE title = $1`, [body.title]);
    expect(none).toEqual([]);

    for (const b of blockers) await t.http.post(`/api/v1/meetings/bookings/${b.id}/cancel`).set(as(clerk)).send({}).expect(200);
    const created = (await t.http.post('/api/v1/meetings/coordination').set(as(clerk)).send(body).expect(201)).body;
    expect(created.seriesId).toEqual(expect.any(String));
    expect(created.meetings.map((m: { startsAt: string }) => m.startsAt)).toEqual([
      new Date(at('2027-10-12', '15:30')).toISOString(),
      new Date(at('2027-10-26', '15:30')).toISOString(),
      new Date(at('2027-11-09', '15:30')).toISOString(),
      new Date(at('2027-11-23', '15:30')).toISOString(),
    ]);
    for (const m of created.meetings) {
      // Each occurrence books the room and invites the liaisons.
      expect(m).toMatchObject({ room: { id: r.id }, bookingStatus: 'confirmed', type: { code: 'coordination' } });
      expect(m.attendees.map((a: { user: { id: string } }) => a.user.id).sort()).toEqual(
        [academic.contact.id, logistics.contact.id].sort(),
      );
      expect(m.coordinationDepartments[0].seriesId).toBe(created.seriesId);
    }
    // The slots are now taken: the same series again clashes on every date.
    const again = await t.http.post('/api/v1/meetings/coordination').set(as(clerk)).send(body).expect(409);
    expect(Object.keys(again.body.errors)).toHaveLength(4);
  });
});
