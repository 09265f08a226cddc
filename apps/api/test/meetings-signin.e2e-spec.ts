import { SignInCodes } from '../src/modules/meetings/attendance/sign-in-codes';
import { createMeeting } from './factories/meeting-prep.factory';
import { loginAsAdmin } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

/** Sign-in (签到) by QR code and by staff, and the live attendance counts (MTG-6). */
describe('meetings: sign-in and attendance', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person; // 办公室文员: keeps the rooms
  let leader: Person; // 校领导: organises
  let outsider: Person; // not invited
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const people = async (n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => createStaff(t, adminToken, { roles: ['staff'], name: `参会教师${i + 1}` })));
  const codeFor = async (meetingId: string) =>
    (await t.http.get(`/api/v1/meetings/${meetingId}/sign-in-code`).set(as(leader)).expect(200)).body as {
      code: string;
      url: string;
      rotatesAt: string;
    };
  const signIn = (user: { token: string }, code: string) => t.http.post('/api/v1/meetings/sign-in').set(as(user)).send({ code });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '办公室文员' });
    leader = await createStaff(t, adminToken, { roles: ['school-leader'], name: '李校长' });
    outsider = await createStaff(t, adminToken, { roles: ['staff'], name: '未受邀教师' });
  });
  afterAll(() => t.close());

  it('MTG-6 a fresh code signs in: on time is present, after the 5-minute grace late; the screen’s code is for the organiser only', async () => {
    const [a, b] = await people(2);
    const soon = await createMeeting(t, leader, clerk, { attendeeIds: [a.id], startsInMinutes: 3 });
    const code = await codeFor(soon.id);
    expect(code.url).toBe(`/m/sign-in?code=${encodeURIComponent(code.code)}`);
    expect(new Date(code.rotatesAt).getTime() - Date.now()).toBeLessThanOrEqual(30_000);
    // An attendee may not fetch the room screen's code.
    expect((await t.http.get(`/api/v1/meetings/${soon.id}/sign-in-code`).set(as(a))).status).toBe(403);
    const res = await signIn(a, code.code).expect(200);
    expect(res.body).toMatchObject({ meetingId: soon.id, attendance: 'present', firstSignIn: true });

    const running = await createMeeting(t, leader, clerk, { attendeeIds: [b.id], startsInMinutes: -20 });
    const late = await signIn(b, (await codeFor(running.id)).code).expect(200);
    expect(late.body.attendance).toBe('late');
    const detail = await t.http.get(`/api/v1/meetings/${running.id}`).set(as(leader)).expect(200);
    expect(detail.body.attendees.find((x: { user: { id: string } }) => x.user.id === b.id)).toMatchObject({
      attendance: 'late',
      signInMethod: 'qr',
      signedInAt: late.body.signedInAt,
    });
    // Someone not invited cannot sign in with a valid code: 403, and nothing is written.
    const stranger = await signIn(outsider, (await codeFor(running.id)).code);
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('MEETING_NOT_AN_ATTENDEE');
  });

  it('MTG-6 an expired code is refused (off the screen for over 2 minutes); one scanned 100 s ago still signs in; a forged one is 400', async () => {
    const [a, b] = await people(2);
    const m = await createMeeting(t, leader, clerk, { attendeeIds: [a.id, b.id], startsInMinutes: 2 });
    const codes = t.app.get(SignInCodes);
    // A photo of the screen taken 2 min 40 s ago (the code left the screen at least 2 min 10 s ago).
    const old = codes.issue(m.id, new Date(Date.now() - 160_000)).code;
    const expired = await signIn(a, old);
    expect(expired.status).toBe(422);
    expect(expired.body.code).toBe('MEETING_SIGN_IN_CODE_EXPIRED');
    expect(expired.body.errors.code).toBeDefined();
    const [row] = await t.sql<{ signed_in_at: Date | null }>(
      'SELECT signed_in_at FROM meeting_attendees WHERE meeting_id = $1 AND user_id = $2',
      [m.id, a.id],
    );
    expect(row.signed_in_at).toBeNull();
    // Scanned, then a slow login: 100 seconds later it still works.
    await signIn(b, codes.issue(m.id, new Date(Date.now() - 100_000)).code).expect(200);
    // A code whose signature does not check out, or for another meeting id, is 400.
    const [id, step, signature] = codes.issue(m.id).code.split('.');
    const forged = await signIn(a, `${id}.${Number(step) + 1}.${signature}`);
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('MEETING_SIGN_IN_CODE_INVALID');
    expect((await signIn(a, 'not-a-code')).status).toBe(400);
  });

  it('MTG-6 a second sign-in is idempotent: the same time and state, also when 8 arrive in parallel', async () => {
    const [a] = await people(1);
    const m = await createMeeting(t, leader, clerk, { attendeeIds: [a.id], startsInMinutes: -10 });
    const { code } = await codeFor(m.id);
    const results = await Promise.all(Array.from({ length: 8 }, () => signIn(a, code)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(results.filter((r) => r.body.firstSignIn)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.signedInAt)).size).toBe(1);
    const again = await signIn(a, (await codeFor(m.id)).code).expect(200);
    expect(again.body).toMatchObject({ firstSignIn: false, signedInAt: results[0].body.signedInAt, attendance: 'late' });
    const audits = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'meeting.sign-in' AND object_id = $1`,
      [m.id],
    );
    expect(audits[0].n).toBe(1);
  });

  it('MTG-6 the attendance counts are right: present, late, leave, absent, waiting; after the end the absent are counted', async () => {
    const [onTime, late, onLeave, markedAbsent, missing] = await people(5);
    const m = await createMeeting(t, leader, clerk, {
      attendeeIds: [onTime.id, late.id, onLeave.id, markedAbsent.id, missing.id],
      startsInMinutes: 2,
      notify: true,
    });
    await t.http.post(`/api/v1/meetings/${m.id}/response`).set(as(onLeave)).send({ response: 'leave', reason: '外出培训' }).expect(200);
    // On time by QR; late marked by staff; one marked absent by staff.
    await signIn(onTime, (await codeFor(m.id)).code).expect(200);
    await t.http.post(`/api/v1/meetings/${m.id}/attendance`).set(as(leader)).send({ userId: late.id, attendance: 'late' }).expect(200);
    await t.http
      .post(`/api/v1/meetings/${m.id}/attendance`)
      .set(as(leader))
      .send({ userId: markedAbsent.id, attendance: 'absent' })
      .expect(200);
    // Only the organiser (or meetings.manage) marks; nobody marks someone not invited.
    expect(
      (await t.http.post(`/api/v1/meetings/${m.id}/attendance`).set(as(onTime)).send({ userId: late.id, attendance: 'present' })).status,
    ).toBe(403);
    const stranger = await t.http
      .post(`/api/v1/meetings/${m.id}/attendance`)
      .set(as(leader))
      .send({ userId: outsider.id, attendance: 'present' });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors.userId).toBeDefined();

    const during = await t.http.get(`/api/v1/meetings/${m.id}/attendance`).set(as(onTime)).expect(200);
    expect(during.body.counts).toEqual({ expected: 5, present: 1, late: 1, absent: 1, leave: 1, waiting: 1 });
    expect(during.body.live).toBe(true);
    const stateOf = (body: { attendees: { user: { id: string }; attendance: string | null }[] }, id: string) =>
      body.attendees.find((x) => x.user.id === id)!.attendance;
    expect(stateOf(during.body, missing.id)).toBeNull();

    // The meeting is over (its times moved into the past): whoever never signed in is absent.
    await t.sql(`UPDATE meetings SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [m.id]);
    const after = await t.http.get(`/api/v1/meetings/${m.id}/attendance`).set(as(leader)).expect(200);
    expect(after.body.counts).toEqual({ expected: 5, present: 1, late: 1, absent: 2, leave: 1, waiting: 0 });
    expect(after.body.live).toBe(false);
    expect(stateOf(after.body, missing.id)).toBe('absent');
    expect(stateOf(after.body, onLeave.id)).toBe('leave');
  });
});
