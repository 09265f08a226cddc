import { binary, extractPdfText, samplePdf } from './factories/files.factory';
import { createMeeting } from './factories/meeting-prep.factory';
import { loginAsAdmin } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

/** Meeting materials (MTG-5): steps, distribution and receipts, confidential materials. */
describe('meetings: materials', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person; // 办公室文员: keeps the rooms
  let leader: Person; // 校领导: organises
  let named: Person; // invited, named for the confidential material
  let invitee: Person; // invited, not named
  let outsider: Person; // not invited
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  async function upload(user: { token: string }, name: string): Promise<string> {
    const res = await t.http
      .post('/api/v1/files')
      .set(as(user))
      .attach('file', await samplePdf('Meeting material'), name)
      .expect(201);
    return res.body.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '办公室文员' });
    leader = await createStaff(t, adminToken, { roles: ['school-leader'], name: '李校长' });
    named = await createStaff(t, adminToken, { roles: ['staff'], name: '周主任' });
    invitee = await createStaff(t, adminToken, { roles: ['staff'], name: '吴老师' });
    outsider = await createStaff(t, adminToken, { roles: ['staff'], name: '郑老师' });
  });
  afterAll(() => t.close());

  it('MTG-5 a non-attendee gets 404 for confidential material, by id too; downloads carry the watermark naming the viewer', async () => {
    const m = await createMeeting(t, leader, clerk, { attendeeIds: [named.id, invitee.id], notify: true });
    const fileId = await upload(leader, '绩效工资分配方案（征求意见稿）.pdf');
    const created = await t.http
      .post(`/api/v1/meetings/${m.id}/materials`)
      .set(as(leader))
      .send({ title: '绩效工资分配方案（征求意见稿）', attachmentIds: [fileId], confidential: true, recipientIds: [named.id] })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body.recipients).toEqual([{ id: named.id, name: named.name }]);
    const ordinaryFile = await upload(leader, '会议议程.pdf');
    await t.http
      .post(`/api/v1/meetings/${m.id}/materials`)
      .set(as(leader))
      .send({ title: '会议议程', attachmentIds: [ordinaryFile] })
      .expect(201);

    // The named attendee sees it; an invitee not named and someone not invited do not, by id or in the list.
    await t.http.get(`/api/v1/meetings/materials/${id}`).set(as(named)).expect(200);
    for (const other of [invitee, outsider]) {
      expect((await t.http.get(`/api/v1/meetings/materials/${id}`).set(as(other))).status).toBe(404);
      expect((await t.http.get(`/api/v1/meetings/materials/${id}/files/${fileId}`).set(as(other))).status).toBe(404);
      expect((await t.http.get(`/api/v1/files/${fileId}`).set(as(other))).status).toBe(404);
      expect((await t.http.post(`/api/v1/meetings/materials/${id}/receipt`).set(as(other))).status).toBe(404);
      const list = await t.http.get(`/api/v1/meetings/${m.id}/materials`).set(as(other)).expect(200);
      expect(list.body.map((x: { title: string }) => x.title)).toEqual(['会议议程']);
    }
    const namedList = await t.http.get(`/api/v1/meetings/${m.id}/materials`).set(as(named)).expect(200);
    expect(namedList.body.map((x: { title: string }) => x.title).sort()).toEqual(['会议议程', '绩效工资分配方案（征求意见稿）'].sort());
    // A named attendee must be invited.
    const stranger = await t.http
      .post(`/api/v1/meetings/${m.id}/materials`)
      .set(as(leader))
      .send({ title: 'x', attachmentIds: [await upload(leader, 'x.pdf')], confidential: true, recipientIds: [outsider.id] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors.recipientIds).toBeDefined();

    const download = await t.http
      .get(`/api/v1/meetings/materials/${id}/files/${fileId}`)
      .set(as(named))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(download.headers['x-watermarked']).toBe('true');
    expect(await extractPdfText(download.body as Buffer)).toContain(named.name);
  });

  it('MTG-5 receipts are tracked per attendee: printed, bound, distributed; each confirms, the organiser sees who has not', async () => {
    const m = await createMeeting(t, leader, clerk, { attendeeIds: [named.id, invitee.id], notify: true });
    const created = await t.http
      .post(`/api/v1/meetings/${m.id}/materials`)
      .set(as(leader))
      .send({ title: '学期工作计划', attachmentIds: [await upload(leader, '学期工作计划.pdf')], copies: 20 })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'uploaded', copies: 20, allowedSteps: ['print', 'distribute'] });
    // Steps go in order; an attendee takes none.
    expect((await t.http.post(`/api/v1/meetings/materials/${id}/steps`).set(as(leader)).send({ step: 'bind', version: 1 })).status).toBe(
      409,
    );
    expect((await t.http.post(`/api/v1/meetings/materials/${id}/steps`).set(as(named)).send({ step: 'print', version: 1 })).status).toBe(
      403,
    );
    const printed = await t.http
      .post(`/api/v1/meetings/materials/${id}/steps`)
      .set(as(leader))
      .send({ step: 'print', version: 1 })
      .expect(200);
    expect(printed.body.printedAt).not.toBeNull();
    const bound = await t.http
      .post(`/api/v1/meetings/materials/${id}/steps`)
      .set(as(leader))
      .send({ step: 'bind', version: 2 })
      .expect(200);
    expect(bound.body.status).toBe('bound');
    // Before distribution nobody has a copy to confirm.
    expect((await t.http.post(`/api/v1/meetings/materials/${id}/receipt`).set(as(named))).status).toBe(403);
    const distributed = await t.http
      .post(`/api/v1/meetings/materials/${id}/steps`)
      .set(as(leader))
      .send({ step: 'distribute', version: 3 })
      .expect(200);
    expect(distributed.body.status).toBe('distributed');
    expect(distributed.body.receipts.map((r: { user: { id: string } }) => r.user.id).sort()).toEqual([named.id, invitee.id].sort());
    const told = await t.sql<{ recipient_id: string }>(
      `SELECT recipient_id FROM notification_deliveries WHERE kind = 'meeting.material' AND link = $1 AND channel = 'in-app'`,
      [`/meetings/${m.id}`],
    );
    expect(told.map((d) => d.recipient_id).sort()).toEqual([named.id, invitee.id].sort());

    const confirmed = await t.http.post(`/api/v1/meetings/materials/${id}/receipt`).set(as(named)).expect(200);
    expect(confirmed.body.myCopy).toBe(true);
    expect(confirmed.body.myReceivedAt).not.toBeNull();
    // An attendee does not see the others' receipts.
    expect(confirmed.body.receipts).toEqual([]);
    // Confirming again keeps the first time.
    const again = await t.http.post(`/api/v1/meetings/materials/${id}/receipt`).set(as(named)).expect(200);
    expect(again.body.myReceivedAt).toBe(confirmed.body.myReceivedAt);
    // Someone not invited may see an ordinary material but has no copy to confirm.
    expect((await t.http.post(`/api/v1/meetings/materials/${id}/receipt`).set(as(outsider))).status).toBe(403);

    const organiserView = await t.http.get(`/api/v1/meetings/materials/${id}`).set(as(leader)).expect(200);
    const receiptOf = Object.fromEntries(
      organiserView.body.receipts.map((r: { user: { id: string }; receivedAt: string | null }) => [r.user.id, r.receivedAt]),
    );
    expect(receiptOf[named.id]).toBe(confirmed.body.myReceivedAt);
    expect(receiptOf[invitee.id]).toBeNull();
  });
});
