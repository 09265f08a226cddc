import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { binary, extractPdfText } from './factories/files.factory';
import { createSmallSchool, createStaff, eventually, type SmallSchool } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string; name: string };

/** Minutes (会议纪要, MTG-8): the draft from the template, the leader's review, publishing, feedback, PDF and DOCX. */
describe('meetings: minutes', () => {
  let t: TestApp;
  let adminToken: string;
  let school: SmallSchool; // a department (head 王主任, 刘老师, 陈老师) and two school leaders
  let clerk: Person; // 办公室文员: organises the meetings
  let outsider: Person; // 教职工 of another department
  let observer: Person; // 列席
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
  const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

  /** A notified meeting: the head and 刘老师 attend, 刘老师 asks for leave, one 列席. */
  async function heldMeeting(title = unique('校务会')) {
    const meeting = (
      await t.http
        .post('/api/v1/meetings')
        .set(as(clerk))
        .send({
          title,
          typeCode: 'school-affairs',
          hostId: school.leaders[0].id,
          location: '行政楼三楼第一会议室',
          startsAt: at('2027-03-02', '14:30'),
          endsAt: at('2027-03-02', '16:00'),
          attendeeIds: [school.head.id, school.applicant.id],
          observerIds: [observer.id],
          topics: [{ title: '审议春季学期校历' }, { title: '研究校园安全隐患排查工作' }],
        })
        .expect(201)
    ).body;
    await t.http.post(`/api/v1/meetings/${meeting.id}/confirm-agenda`).set(as(clerk)).expect(200);
    await t.http.post(`/api/v1/meetings/${meeting.id}/notify`).set(as(clerk)).expect(200);
    await t.http
      .post(`/api/v1/meetings/${meeting.id}/response`)
      .set(as(school.applicant))
      .send({ response: 'leave', reason: '外出参加区教研活动' })
      .expect(200);
    await t.http.post(`/api/v1/meetings/${meeting.id}/response`).set(as(school.head)).send({ response: 'accepted' }).expect(200);
    return meeting as { id: string; title: string };
  }

  /** Drafted, submitted and approved by a leader; waits for the outcome to reach the minutes. */
  async function approvedMinutes(meetingId: string, departmentIds: string[] = []) {
    const draft = (await t.http.post(`/api/v1/meetings/${meetingId}/minutes`).set(as(clerk)).expect(201)).body;
    await t.http.patch(`/api/v1/meetings/${meetingId}/minutes`).set(as(clerk)).send({ departmentIds, version: draft.version }).expect(200);
    const submitted = (await t.http.post(`/api/v1/meetings/${meetingId}/minutes/submit`).set(as(clerk)).expect(200)).body;
    await t.http
      .post(`/api/v1/approvals/requests/${submitted.approvalRequestId}/approve`)
      .set(as(school.leaders[0]))
      .send({ comment: '同意发布' })
      .expect(200);
    await eventually(
      async () => (await t.http.get(`/api/v1/meetings/${meetingId}/minutes`).set(as(clerk)).expect(200)).body.status === 'approved',
      20_000,
      'the review to reach the minutes',
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    school = await createSmallSchool(t, adminToken);
    clerk = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '办公室文员' });
    observer = await createStaff(t, adminToken, { roles: ['staff'], name: '赵干事' });
    const other = await createDepartment(t, adminToken, { name: unique('总务处') });
    outsider = await createStaff(t, adminToken, { roles: ['staff'], name: '孙老师', departmentId: other.id });
  });
  afterAll(() => t.close());

  it('MTG-6 MTG-8 where attendance was taken, it fills the lists: the absent are not 出席', async () => {
    const meeting = await heldMeeting('2027年第4次校务会');
    // The organiser marks attendance in the panel: one present, one absent.
    await t.http
      .post(`/api/v1/meetings/${meeting.id}/attendance`)
      .set(as(clerk))
      .send({ userId: school.leaders[0].id, attendance: 'present' })
      .expect((res) => expect(res.status).toBeLessThan(300));
    await t.http
      .post(`/api/v1/meetings/${meeting.id}/attendance`)
      .set(as(clerk))
      .send({ userId: school.head.id, attendance: 'absent' })
      .expect((res) => expect(res.status).toBeLessThan(300));
    const res = await t.http.post(`/api/v1/meetings/${meeting.id}/minutes`).set(as(clerk)).expect(201);
    expect(res.body.header.present).toContain(school.leaders[0].name);
    expect(res.body.header.present).not.toContain(school.head.name);
    expect(res.body.header.leave).toEqual([school.applicant.name]);
  });

  it('MTG-8 the draft is filled from the meeting', async () => {
    const meeting = await heldMeeting('2027年第3次校务会');
    const res = await t.http.post(`/api/v1/meetings/${meeting.id}/minutes`).set(as(clerk)).expect(201);
    expect(res.body).toMatchObject({
      title: '2027年第3次校务会纪要',
      status: 'draft',
      header: {
        time: '2027-03-02 14:30–16:00',
        place: '行政楼三楼第一会议室',
        host: school.leaders[0].name,
        present: expect.arrayContaining([school.head.name, school.leaders[0].name]),
        leave: [school.applicant.name],
        observers: [observer.name],
      },
      topics: [
        { title: '审议春季学期校历', text: '' },
        { title: '研究校园安全隐患排查工作', text: '' },
      ],
      allowedActions: ['edit', 'submit'],
    });
    // One set of minutes per meeting.
    expect((await t.http.post(`/api/v1/meetings/${meeting.id}/minutes`).set(as(clerk)).expect(409)).body.code).toBe('MINUTES_EXIST');
    // The organiser writes the text per topic; a stale version is refused.
    const edited = await t.http
      .patch(`/api/v1/meetings/${meeting.id}/minutes`)
      .set(as(clerk))
      .send({
        topics: [
          { title: '审议春季学期校历', text: '会议审议并原则通过春季学期校历。' },
          { title: '研究校园安全隐患排查工作', text: '总务处汇报了排查方案。' },
        ],
        otherText: '下次会议定于3月16日召开。',
        version: res.body.version,
      })
      .expect(200);
    expect(edited.body.topics[0].text).toBe('会议审议并原则通过春季学期校历。');
    await t.http
      .patch(`/api/v1/meetings/${meeting.id}/minutes`)
      .set(as(clerk))
      .send({ otherText: 'x', version: res.body.version })
      .expect(409);
    // Someone who may not change the meeting neither drafts nor reads the draft.
    await t.http.post(`/api/v1/meetings/${meeting.id}/minutes`).set(as(school.head)).expect(403);
    await t.http.get(`/api/v1/meetings/${meeting.id}/minutes`).set(as(school.head)).expect(404);
  });

  it('MTG-8 minutes cannot be published before approval', async () => {
    const meeting = await heldMeeting();
    await t.http.post(`/api/v1/meetings/${meeting.id}/minutes`).set(as(clerk)).expect(201);
    const early = await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/publish`).set(as(clerk)).expect(409);
    expect(early.body.code).toBe('MINUTES_NOT_APPROVED');
    const submitted = (await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/submit`).set(as(clerk)).expect(200)).body;
    expect(submitted).toMatchObject({ status: 'in-review', allowedActions: [] });
    expect((await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/publish`).set(as(clerk)).expect(409)).body.code).toBe(
      'MINUTES_NOT_APPROVED',
    );
    // In review the draft is locked.
    await t.http
      .patch(`/api/v1/meetings/${meeting.id}/minutes`)
      .set(as(clerk))
      .send({ otherText: 'x', version: submitted.version })
      .expect(409);
    // The reviewer reads the minutes; an attendee does not yet.
    const request = (await t.http.get(`/api/v1/approvals/requests/${submitted.approvalRequestId}`).set(as(school.leaders[1])).expect(200))
      .body;
    expect(request.kind).toBe('minutes-review');
    await t.http.get(`/api/v1/meetings/${meeting.id}/minutes`).set(as(school.leaders[1])).expect(200);
    await t.http.get(`/api/v1/meetings/${meeting.id}/minutes`).set(as(school.head)).expect(404);
    // Rejected: back to draft, still not publishable.
    await t.http
      .post(`/api/v1/approvals/requests/${submitted.approvalRequestId}/reject`)
      .set(as(school.leaders[1]))
      .send({ reason: '请补充第二项议题的讨论情况' })
      .expect(200);
    await eventually(
      async () => (await t.http.get(`/api/v1/meetings/${meeting.id}/minutes`).set(as(clerk)).expect(200)).body.status === 'draft',
      20_000,
      'the rejection to reach the minutes',
    );
    await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/publish`).set(as(clerk)).expect(409);
    // Submitted again and approved: published.
    const again = (await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/submit`).set(as(clerk)).expect(200)).body;
    await t.http.post(`/api/v1/approvals/requests/${again.approvalRequestId}/approve`).set(as(school.leaders[0])).send({}).expect(200);
    await eventually(
      async () => (await t.http.get(`/api/v1/meetings/${meeting.id}/minutes`).set(as(clerk)).expect(200)).body.status === 'approved',
      20_000,
      'the approval to reach the minutes',
    );
    const published = (await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/publish`).set(as(clerk)).expect(200)).body;
    expect(published).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect((await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/publish`).set(as(clerk)).expect(409)).body.code).toBe(
      'MINUTES_ILLEGAL_TRANSITION',
    );
  });

  it('MTG-8 published minutes reach the attendees; feedback is collected', async () => {
    const meeting = await heldMeeting();
    const named = await createDepartment(t, adminToken, { name: unique('德育处') });
    const member = await createStaff(t, adminToken, { roles: ['staff'], name: '周老师', departmentId: named.id });
    await approvedMinutes(meeting.id, [named.id]);
    await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/publish`).set(as(clerk)).expect(200);

    // Attendees, the 列席 and the named department's members are notified, and find it in their inbox.
    const delivered = await t.sql<{ recipient_id: string }>(
      `SELECT DISTINCT recipient_id FROM notification_deliveries WHERE kind = 'meeting.minutes.published' AND recipient_id = ANY($1::uuid[])`,
      [[school.head.id, school.applicant.id, observer.id, member.id, outsider.id]],
    );
    expect(delivered.map((d) => d.recipient_id).sort()).toEqual([school.head.id, school.applicant.id, observer.id, member.id].sort());
    const inbox = (await t.http.get('/api/v1/inbox').query({ sourceType: 'meeting-minutes' }).set(as(member)).expect(200)).body;
    expect(inbox.items).toEqual([expect.objectContaining({ link: `/meetings/${meeting.id}?tab=minutes`, status: 'open' })]);

    // Everyone who may see the meeting reads the published minutes; only recipients give feedback.
    const read = (await t.http.get(`/api/v1/meetings/${meeting.id}/minutes`).set(as(member)).expect(200)).body;
    expect(read).toMatchObject({ status: 'published', canGiveFeedback: true, allowedActions: [] });
    const outsiderView = (await t.http.get(`/api/v1/meetings/${meeting.id}/minutes`).set(as(outsider)).expect(200)).body;
    expect(outsiderView.canGiveFeedback).toBe(false);
    const refused = await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/feedback`).set(as(outsider)).send({ body: '无' }).expect(403);
    expect(refused.body.code).toBe('MINUTES_NOT_A_RECIPIENT');

    await t.http
      .post(`/api/v1/meetings/${meeting.id}/minutes/feedback`)
      .set(as(member))
      .send({ body: '建议把安全排查延伸到校外实践基地。' })
      .expect(201);
    await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/feedback`).set(as(school.head)).send({ body: '无意见。' }).expect(201);
    // The reader's inbox item is done once they answered.
    expect((await t.http.get('/api/v1/inbox').query({ sourceType: 'meeting-minutes' }).set(as(member)).expect(200)).body.items).toEqual([]);
    // The organiser sees all feedback and was told; a recipient sees their own.
    const organiserView = (await t.http.get(`/api/v1/meetings/${meeting.id}/minutes`).set(as(clerk)).expect(200)).body;
    expect(organiserView.feedback.map((f: { body: string; author: { name: string } }) => [f.author.name, f.body])).toEqual([
      [member.name, '建议把安全排查延伸到校外实践基地。'],
      [school.head.name, '无意见。'],
    ]);
    const memberView = (await t.http.get(`/api/v1/meetings/${meeting.id}/minutes`).set(as(member)).expect(200)).body;
    expect(memberView.feedback).toHaveLength(1);
    const told = await t.sql(`SELECT 1 FROM notification_deliveries WHERE kind = 'meeting.minutes.feedback' AND recipient_id = $1`, [
      clerk.id,
    ]);
    expect(told.length).toBeGreaterThanOrEqual(2);
  });

  it('MTG-8 the minutes of a classified meeting follow its visibility', async () => {
    // A 秘密 meeting: the organiser and the head are cleared; the head's colleagues are not invited.
    const cleared = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '机要文员', clearance: 'secret' });
    const head = (
      await t.http
        .get(`/api/v1/org/users/${school.head.id}`)
        .set(as({ token: adminToken }))
        .expect(200)
    ).body;
    await t.http
      .patch(`/api/v1/org/users/${school.head.id}`)
      .set(as({ token: adminToken }))
      .send({ clearance: 'secret', version: head.version })
      .expect(200);
    const meeting = (
      await t.http
        .post('/api/v1/meetings')
        .set(as(cleared))
        .send({
          title: unique('涉密事项专题会'),
          typeCode: 'school-affairs',
          secrecy: 'secret',
          location: '机要室',
          startsAt: at('2027-03-09', '09:00'),
          endsAt: at('2027-03-09', '10:00'),
          attendeeIds: [school.head.id],
          topics: [{ title: '研究涉密事项' }],
        })
        .expect(201)
    ).body;
    await t.http.post(`/api/v1/meetings/${meeting.id}/confirm-agenda`).set(as(cleared)).expect(200);
    await t.http.post(`/api/v1/meetings/${meeting.id}/notify`).set(as(cleared)).expect(200);
    const draft = (await t.http.post(`/api/v1/meetings/${meeting.id}/minutes`).set(as(cleared)).expect(201)).body;
    // Named to the head's whole department: still only the invitees receive it.
    await t.http
      .patch(`/api/v1/meetings/${meeting.id}/minutes`)
      .set(as(cleared))
      .send({ departmentIds: [school.departmentId], version: draft.version })
      .expect(200);
    const submitted = (await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/submit`).set(as(cleared)).expect(200)).body;
    await t.http.post(`/api/v1/approvals/requests/${submitted.approvalRequestId}/approve`).set(as(school.leaders[0])).send({}).expect(200);
    await eventually(
      async () => (await t.http.get(`/api/v1/meetings/${meeting.id}/minutes`).set(as(cleared)).expect(200)).body.status === 'approved',
      20_000,
      'the approval to reach the minutes',
    );
    await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/publish`).set(as(cleared)).expect(200);
    const delivered = await t.sql<{ recipient_id: string; title: string }>(
      `SELECT DISTINCT recipient_id, title FROM notification_deliveries WHERE kind = 'meeting.minutes.published' AND link = $1`,
      [`/meetings/${meeting.id}?tab=minutes`],
    );
    expect([...new Set(delivered.map((d) => d.recipient_id))]).toEqual([school.head.id]);
    // The notification names no title: channels are outside the clearance rules.
    expect(delivered.every((d) => !d.title.includes(meeting.title))).toBe(true);
    await t.http.get(`/api/v1/meetings/${meeting.id}/minutes`).set(as(school.head)).expect(200);
    for (const path of ['', '/pdf', '/docx'])
      await t.http.get(`/api/v1/meetings/${meeting.id}/minutes${path}`).set(as(school.colleague)).expect(404);
    await t.http.post(`/api/v1/meetings/${meeting.id}/minutes/feedback`).set(as(school.colleague)).send({ body: 'x' }).expect(404);
  });

  it('MTG-8 PDF and DOCX exports contain the title and resolutions', async () => {
    const meeting = await heldMeeting('2027年第5次校务会');
    await t.http
      .post(`/api/v1/meetings/${meeting.id}/resolutions`)
      .set(as(clerk))
      .send({ text: '同意开展校园安全隐患排查', tasks: [{ ownerId: school.head.id, dueOn: '2027-03-31', description: '牵头组织排查' }] })
      .expect(201);
    await t.http.post(`/api/v1/meetings/${meeting.id}/minutes`).set(as(clerk)).expect(201);

    const pdf = await t.http.get(`/api/v1/meetings/${meeting.id}/minutes/pdf`).set(as(clerk)).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const pdfText = (await extractPdfText(pdf.body as unknown as Buffer)).replace(/\s+/g, '');
    expect(pdfText).toContain('2027年第5次校务会纪要');
    expect(pdfText).toContain('同意开展校园安全隐患排查');
    expect(pdfText).toContain(`请假：${school.applicant.name}`);

    const docx = await t.http.get(`/api/v1/meetings/${meeting.id}/minutes/docx`).set(as(clerk)).buffer(true).parse(binary).expect(200);
    const mammoth = (await import('mammoth')).default;
    const docxText = (await mammoth.extractRawText({ buffer: docx.body as unknown as Buffer })).value;
    expect(docxText).toContain('2027年第5次校务会纪要');
    expect(docxText).toContain('同意开展校园安全隐患排查');
    expect(docxText).toContain(`${school.head.name}负责，2027-03-31前完成`);
    // The draft's exports are the organiser's: an attendee gets 404 until publishing.
    await t.http.get(`/api/v1/meetings/${meeting.id}/minutes/pdf`).set(as(school.head)).expect(404);
  });
});
