import { createMeeting, createRoom } from './factories/meeting-prep.factory';
import { loginAsAdmin } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

/** Preparing a meeting (MTG-4), notes of key speeches (MTG-7), and moving a meeting (MTG-2). */
describe('meetings: preparation, notes, moving', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person; // 办公室文员: keeps the rooms, meetings.manage
  let leader: Person; // 校领导: organises
  let teacher: Person; // invited
  let secretary: Person; // invited, takes notes
  let outsider: Person; // not invited
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '办公室文员' });
    leader = await createStaff(t, adminToken, { roles: ['school-leader'], name: '李校长' });
    teacher = await createStaff(t, adminToken, { roles: ['staff'], name: '张老师' });
    secretary = await createStaff(t, adminToken, { roles: ['staff'], name: '王秘书' });
    outsider = await createStaff(t, adminToken, { roles: ['staff'], name: '赵老师' });
  });
  afterAll(() => t.close());

  it('MTG-4 checklist results are recorded, and a failed equipment test is flagged', async () => {
    const m = await createMeeting(t, leader, clerk, {
      attendeeIds: [teacher.id, secretary.id],
      room: { equipment: ['projector', 'audio', 'microphones'] },
    });
    const empty = await t.http.get(`/api/v1/meetings/${m.id}/checklist`).set(as(teacher)).expect(200);
    expect(empty.body).toMatchObject({ version: 0, needsMaintenance: false, canEdit: false, clean: { ok: null } });
    // No video conference in this room: nothing to test there.
    expect(empty.body.itemsToTest).toEqual(['audio', 'projector', 'microphones']);
    expect(empty.body.nameCards.map((c: { name: string }) => c.name).sort()).toEqual([teacher.name, secretary.name].sort());

    const saved = await t.http
      .put(`/api/v1/meetings/${m.id}/checklist`)
      .set(as(clerk))
      .send({
        clean: { ok: true },
        quiet: { ok: true },
        light: { ok: false, remark: '东侧窗帘坏了，光线太强' },
        bannerText: '2027年春季学期校务会',
        nameCardsPrinted: true,
        backupEquipmentReady: true,
        dutyPersonId: clerk.id,
        version: 0,
      })
      .expect(200);
    expect(saved.body).toMatchObject({
      version: 1,
      clean: { ok: true, remark: null },
      light: { ok: false, remark: '东侧窗帘坏了，光线太强' },
      bannerText: '2027年春季学期校务会',
      nameCardsPrinted: true,
      backupEquipmentReady: true,
      dutyPerson: { id: clerk.id, name: clerk.name },
    });
    // A second save from a stale read is refused; the person on duty stays.
    expect((await t.http.put(`/api/v1/meetings/${m.id}/checklist`).set(as(clerk)).send({ bannerText: 'x', version: 0 })).status).toBe(409);
    // An invitee reads the checklist but does not fill it in.
    expect(
      (
        await t.http
          .put(`/api/v1/meetings/${m.id}/checklist`)
          .set(as(teacher))
          .send({ quiet: { ok: false }, version: 1 })
      ).status,
    ).toBe(403);

    await t.http.post(`/api/v1/meetings/${m.id}/equipment-tests`).set(as(clerk)).send({ item: 'audio', result: 'pass' }).expect(200);
    await t.http.post(`/api/v1/meetings/${m.id}/equipment-tests`).set(as(clerk)).send({ item: 'microphones', result: 'pass' }).expect(200);
    const failed = await t.http
      .post(`/api/v1/meetings/${m.id}/equipment-tests`)
      .set(as(clerk))
      .send({ item: 'projector', result: 'fail', remark: '投影仪无法开机' })
      .expect(200);
    expect(failed.body.needsMaintenance).toBe(true);
    const projector = failed.body.equipmentTests.find((x: { item: string }) => x.item === 'projector');
    expect(projector).toMatchObject({ result: 'fail', remark: '投影仪无法开机', needsMaintenance: true, testedBy: { id: clerk.id } });
    expect(failed.body.equipmentTests.filter((x: { needsMaintenance: boolean }) => x.needsMaintenance)).toHaveLength(1);
    // The flag is in the database, where the logistics module will pick failed tests up.
    const rows = await t.sql<{ item: string; room_id: string }>(
      'SELECT item, room_id FROM meeting_equipment_tests WHERE meeting_id = $1 AND needs_maintenance',
      [m.id],
    );
    expect(rows).toEqual([{ item: 'projector', room_id: m.roomId }]);
    // Video conference is not tested where the room has none; an unknown item is 400.
    const noVideo = await t.http
      .post(`/api/v1/meetings/${m.id}/equipment-tests`)
      .set(as(clerk))
      .send({ item: 'video-conference', result: 'pass' });
    expect(noVideo.status).toBe(400);
    expect(noVideo.body.errors.item).toBeDefined();
    // Fixed and tested again: the flag clears.
    const fixed = await t.http
      .post(`/api/v1/meetings/${m.id}/equipment-tests`)
      .set(as(clerk))
      .send({ item: 'projector', result: 'pass' })
      .expect(200);
    expect(fixed.body.needsMaintenance).toBe(false);
  });

  it('MTG-7 the note taker records key speeches; others cannot write them', async () => {
    const m = await createMeeting(t, leader, clerk, { attendeeIds: [teacher.id, secretary.id], notify: true });
    // Only the organiser designates the note taker, among the invitees.
    expect((await t.http.put(`/api/v1/meetings/${m.id}/note-taker`).set(as(teacher)).send({ userId: teacher.id })).status).toBe(403);
    expect((await t.http.put(`/api/v1/meetings/${m.id}/note-taker`).set(as(leader)).send({ userId: outsider.id })).status).toBe(400);
    const set = await t.http.put(`/api/v1/meetings/${m.id}/note-taker`).set(as(leader)).send({ userId: secretary.id }).expect(200);
    expect(set.body.noteTaker).toEqual({ id: secretary.id, name: secretary.name });

    const note = await t.http
      .post(`/api/v1/meetings/${m.id}/notes`)
      .set(as(secretary))
      .send({
        speakerId: leader.id,
        topic: '期中教学检查安排',
        text: '各年级组于第十周前完成教案检查。',
        spokenAt: '2027-03-01T01:10:00.000Z',
      })
      .expect(201);
    expect(note.body).toMatchObject({ speakerName: leader.name, speaker: { id: leader.id }, recordedBy: { id: secretary.id } });
    await t.http
      .post(`/api/v1/meetings/${m.id}/notes`)
      .set(as(secretary))
      .send({
        speakerName: '区教研员（特邀）',
        topic: '期中教学检查安排',
        text: '建议增加听课环节。',
        spokenAt: '2027-03-01T01:20:00.000Z',
      })
      .expect(201);
    // The organiser may write too; an attendee who is not the note taker may not.
    const refused = await t.http
      .post(`/api/v1/meetings/${m.id}/notes`)
      .set(as(teacher))
      .send({ speakerName: '张老师', topic: 'x', text: 'y' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('MEETING_NOT_THE_NOTE_TAKER');
    expect(
      (await t.http.post(`/api/v1/meetings/${m.id}/notes`).set(as(outsider)).send({ speakerName: '赵', topic: 'x', text: 'y' })).status,
    ).toBe(403);
    const noSpeaker = await t.http.post(`/api/v1/meetings/${m.id}/notes`).set(as(secretary)).send({ topic: 'x', text: 'y' });
    expect(noSpeaker.status).toBe(400);
    expect(noSpeaker.body.errors.speakerName).toBeDefined();

    // Attendees read them in the order spoken; someone not invited does not.
    const list = await t.http.get(`/api/v1/meetings/${m.id}/notes`).set(as(teacher)).expect(200);
    expect(list.body.canWrite).toBe(false);
    expect(list.body.items.map((n: { speakerName: string }) => n.speakerName)).toEqual([leader.name, '区教研员（特邀）']);
    expect((await t.http.get(`/api/v1/meetings/${m.id}/notes`).set(as(outsider))).status).toBe(403);
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM meeting_notes WHERE meeting_id = $1', [m.id]);
    expect(n).toBe(2);
  });

  it('MTG-7 a classified meeting’s notes are 404 to whoever may not see the meeting', async () => {
    await t.http
      .patch(`/api/v1/org/users/${leader.id}`)
      .set(as({ token: adminToken }))
      .send({ clearance: 'confidential', version: 1 })
      .expect(200);
    const cleared = await createStaff(t, adminToken, { roles: ['staff'], name: '机要员', clearance: 'confidential' });
    const m = await createMeeting(t, leader, clerk, { attendeeIds: [cleared.id], secrecy: 'secret' });
    await t.http
      .post(`/api/v1/meetings/${m.id}/notes`)
      .set(as(leader))
      .send({ speakerName: '李校长', topic: '人事', text: '……' })
      .expect(201);
    expect((await t.http.get(`/api/v1/meetings/${m.id}/notes`).set(as(cleared))).status).toBe(200);
    expect((await t.http.get(`/api/v1/meetings/${m.id}/notes`).set(as(outsider))).status).toBe(404);
  });

  it('MTG-2 moving a meeting to a taken room is refused with the clash; to a free one notifies the attendees', async () => {
    const m = await createMeeting(t, leader, clerk, { attendeeIds: [teacher.id, secretary.id], notify: true, title: '教学工作例会' });
    const before = await t.http.get(`/api/v1/meetings/${m.id}`).set(as(leader)).expect(200);
    const taken = await createRoom(t, clerk, { name: `被占会议室${Date.now()}` });
    const start = new Date(before.body.startsAt);
    const slot = {
      startsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
    };
    const other = await t.http
      .post('/api/v1/meetings/bookings')
      .set(as(clerk))
      .send({ roomId: taken.id, ...slot, attendeeCount: 5, title: '心理健康讲座' })
      .expect(201);

    const clash = await t.http
      .post(`/api/v1/meetings/${m.id}/reschedule`)
      .set(as(leader))
      .send({ ...slot, roomId: taken.id, version: before.body.version });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('MEETING_ROOM_CLASH');
    expect(clash.body.errors.startsAt[0]).toContain(other.body.id);
    // Nothing changed: same times, same booking, still holding its room.
    const unchanged = await t.http.get(`/api/v1/meetings/${m.id}`).set(as(leader)).expect(200);
    expect(unchanged.body).toMatchObject({
      startsAt: before.body.startsAt,
      bookingId: before.body.bookingId,
      version: before.body.version,
    });
    const [old] = await t.sql<{ status: string }>('SELECT status FROM room_bookings WHERE id = $1', [before.body.bookingId]);
    expect(old.status).toBe('confirmed');
    // Someone else may not move it.
    expect(
      (
        await t.http
          .post(`/api/v1/meetings/${m.id}/reschedule`)
          .set(as(teacher))
          .send({ ...slot, version: before.body.version })
      ).status,
    ).toBe(403);

    const free = await createRoom(t, clerk, { name: `空闲会议室${Date.now()}` });
    const moved = await t.http
      .post(`/api/v1/meetings/${m.id}/reschedule`)
      .set(as(leader))
      .send({ ...slot, roomId: free.id, reason: '与区教研活动冲突', version: before.body.version })
      .expect(200);
    expect(moved.body).toMatchObject({ startsAt: slot.startsAt, endsAt: slot.endsAt, room: { id: free.id } });
    expect(moved.body.bookingId).not.toBe(before.body.bookingId);
    const [released] = await t.sql<{ status: string }>('SELECT status FROM room_bookings WHERE id = $1', [before.body.bookingId]);
    expect(released.status).toBe('cancelled');
    const told = await t.sql<{ recipient_id: string; body: string }>(
      `SELECT recipient_id, body FROM notification_deliveries WHERE kind = 'meeting.changed' AND link = $1 AND channel = 'in-app'`,
      [`/meetings/${m.id}`],
    );
    expect(told.map((d) => d.recipient_id).sort()).toEqual([teacher.id, secretary.id].sort());
    expect(told[0].body).toContain(free.name);
    expect(told[0].body).toContain('与区教研活动冲突');
    // Moving within its own room to an overlapping time is fine: its own slot does not clash.
    const later = {
      startsAt: new Date(start.getTime() + 2.5 * 3_600_000).toISOString(),
      endsAt: new Date(start.getTime() + 3.5 * 3_600_000).toISOString(),
    };
    const shifted = await t.http
      .post(`/api/v1/meetings/${m.id}/reschedule`)
      .set(as(leader))
      .send({ ...later, version: moved.body.version })
      .expect(200);
    expect(shifted.body.room.id).toBe(free.id);
    // A stale version is 409.
    expect(
      (
        await t.http
          .post(`/api/v1/meetings/${m.id}/reschedule`)
          .set(as(leader))
          .send({ ...later, version: moved.body.version })
      ).status,
    ).toBe(409);
  });
});
