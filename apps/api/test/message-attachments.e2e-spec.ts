import { binary, extractPdfText, samplePdf, sha256 } from './factories/files.factory';
import { createDepartment, loginAsAdmin } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

describe('message attachments (ADM-2, PLT-5)', () => {
  let t: TestApp;
  let adminToken: string;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  it('ADM-2 a message with an attachment reaches a department; a non-recipient gets 404 on the attachment', async () => {
    const office = await createDepartment(t, adminToken, { name: '教务处' });
    const sender = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '陈晓' });
    const member = await createStaff(t, adminToken, { roles: ['staff'], departmentId: office.id, name: '王老师' });
    const outsider = await createStaff(t, adminToken, { roles: ['staff'], name: '赵老师' });

    const pdf = await samplePdf('Mid-term exam schedule');
    const upload = (await t.http.post('/api/v1/files').set(as(sender)).attach('file', pdf, '期中考试安排.pdf').expect(201)).body;
    const sent = (
      await t.http
        .post('/api/v1/messages')
        .set(as(sender))
        .send({ subject: '期中考试安排', body: '详见附件。', toDepartmentIds: [office.id], attachmentIds: [upload.id] })
        .expect(201)
    ).body;
    const attachment = { id: upload.id, name: '期中考试安排.pdf', size: pdf.length, contentType: 'application/pdf' };
    expect(sent.attachments).toEqual([attachment]);

    const inbox = (await t.http.get('/api/v1/messages').set(as(member)).expect(200)).body;
    expect(inbox.items[0]).toMatchObject({ id: sent.id, attachments: [attachment] });
    const opened = (await t.http.get(`/api/v1/messages/${sent.id}`).set(as(member)).expect(200)).body;
    expect(opened.attachments).toEqual([attachment]);
    const download = await t.http.get(`/api/v1/files/${upload.id}`).set(as(member)).buffer(true).parse(binary).expect(200);
    expect(sha256(download.body)).toBe(sha256(pdf));
    // The sender still reads it through the message.
    await t.http.get(`/api/v1/files/${upload.id}`).set(as(sender)).expect(200);

    const refused = await t.http.get(`/api/v1/files/${upload.id}`).set(as(outsider)).expect(404);
    expect(refused.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    await t.http.get('/api/v1/files').query({ ownerType: 'message', ownerId: sent.id }).set(as(outsider)).expect(404);
    const listed = (await t.http.get('/api/v1/files').query({ ownerType: 'message', ownerId: sent.id }).set(as(member)).expect(200)).body;
    expect(listed).toEqual([expect.objectContaining({ id: upload.id, sha256: sha256(pdf), draft: false })]);

    // Asked for, the recipient's copy carries their name and the time.
    const marked = await t.http
      .get(`/api/v1/files/${upload.id}`)
      .query({ watermark: true })
      .set(as(member))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(await extractPdfText(marked.body)).toContain('王老师');
  });

  it('ADM-2 a file can be attached once, by its uploader only; a reply carries attachments too', async () => {
    const sender = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '林静' });
    const other = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '黄磊' });
    const recipient = await createStaff(t, adminToken, { roles: ['staff'], name: '周一' });
    const mine = (await t.http.post('/api/v1/files').set(as(sender)).attach('file', Buffer.from('值班表\n'), '值班表.txt').expect(201))
      .body;

    const stolen = await t.http
      .post('/api/v1/messages')
      .set(as(other))
      .send({ subject: '转发', body: '请查收', toUserIds: [recipient.id], attachmentIds: [mine.id] })
      .expect(400);
    expect(stolen.body.errors).toHaveProperty('attachmentIds');

    const first = (
      await t.http
        .post('/api/v1/messages')
        .set(as(sender))
        .send({ subject: '值班安排', body: '请查收', toUserIds: [recipient.id], attachmentIds: [mine.id] })
        .expect(201)
    ).body;
    await t.http
      .post('/api/v1/messages')
      .set(as(sender))
      .send({ subject: '再发一次', body: '请查收', toUserIds: [recipient.id], attachmentIds: [mine.id] })
      .expect(400);

    const receipt = (await t.http.post('/api/v1/files').set(as(recipient)).attach('file', Buffer.from('已阅\n'), '回执.txt').expect(201))
      .body;
    const reply = (
      await t.http
        .post(`/api/v1/messages/${first.id}/replies`)
        .set(as(recipient))
        .send({ body: '收到', attachmentIds: [receipt.id] })
        .expect(201)
    ).body;
    expect(reply.attachments).toEqual([expect.objectContaining({ id: receipt.id, name: '回执.txt' })]);
    await t.http.get(`/api/v1/files/${receipt.id}`).set(as(sender)).expect(200);
    await t.http.get(`/api/v1/files/${receipt.id}`).set(as(other)).expect(404);
  });
});
