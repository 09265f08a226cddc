import { BigramFrequencies } from '../src/modules/documents/search/bigram-frequencies';
import { DocumentTextsService } from '../src/modules/documents/search/document-texts.service';
import { chineseDocx, chinesePdf } from '../src/modules/documents/search/sample-files';
import { binary } from './factories/files.factory';
import { loginAsAdmin } from './factories/org.factory';
import { createStaff, eventually } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

type Person = { id: string; token: string };
type Page = { items: { id: string }[]; total: number; totalCapped: boolean };

/**
 * DOC-8 body-text search: the text of attached PDF and DOCX files is extracted by a job and
 * searched with the metadata; classified documents contribute their metadata only.
 */
describe('documents: search in body text (DOC-8)', () => {
  let t: TestApp;
  let adminToken: string;
  let clerk: Person;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  /** A person with seeded roles and any other account fields (clearance, department …). */
  const person = (roles: string[], fields: Record<string, unknown> = {}): Promise<Person> =>
    createStaff(t, adminToken, { roles, ...fields });

  async function upload(bytes: Buffer, name: string): Promise<string> {
    return (await t.http.post('/api/v1/files').set(as(clerk)).attach('file', bytes, name).expect(201)).body.id;
  }

  async function register(body: Record<string, unknown>): Promise<string> {
    const res = await t.http
      .post('/api/v1/documents/incoming')
      .set(as(clerk))
      .send({ title: '关于做好校园安全工作的通知', sourceOrg: '区教育局', docType: 'notice', ...body })
      .expect(201);
    return res.body.id;
  }

  const search = async (user: Person, q: string, extra: Record<string, unknown> = {}): Promise<Page> =>
    (
      await t.http
        .get('/api/v1/documents/incoming')
        .query({ q, pageSize: 100, ...extra })
        .set(as(user))
        .expect(200)
    ).body;
  const ids = (page: Page) => page.items.map((d) => d.id).sort();

  const textsOf = (documentId: string) =>
    t.sql<{ body: string; file_id: string }>('SELECT body, file_id FROM document_texts WHERE document_id = $1', [documentId]);
  /** The extraction is a job after the request: wait for its rows. */
  const extracted = (documentId: string, files = 1) =>
    eventually(async () => (await textsOf(documentId)).length >= files, 30_000, `the body text of ${documentId}`);

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    clerk = await person(['office-clerk'], { clearance: 'secret' });
  });
  afterAll(() => t.close());

  it('DOC-8 a 2-character Chinese term found only in the body of a PDF, or of a DOCX, finds the document', async () => {
    const pdf = await upload(await chinesePdf(['各部门：', '定于本周五在棂星楼开展消防疏散演练。']), '演练通知.pdf');
    const docx = await upload(await chineseDocx(['会议纪要', '会议讨论了榫卯结构校史馆的修缮方案。']), '纪要.docx');
    const withPdf = await register({ title: '关于开展应急演练的通知', attachmentIds: [pdf] });
    const withDocx = await register({ title: '校务会议纪要', attachmentIds: [docx] });
    // Neither term is in any title, number or source.
    const [meta] = await t.sql<{ n: string }>(
      `SELECT count(*) AS n FROM incoming_documents WHERE title || source_org || coalesce(number, '') ~ '棂星|榫卯'`,
    );
    expect(Number(meta.n)).toBe(0);

    await extracted(withPdf);
    await extracted(withDocx);
    expect((await textsOf(withPdf))[0]).toMatchObject({ file_id: pdf, body: expect.stringContaining('棂星楼') });
    expect((await textsOf(withDocx))[0]).toMatchObject({ file_id: docx, body: expect.stringContaining('榫卯结构') });

    expect(ids(await search(clerk, '棂星'))).toEqual([withPdf]);
    expect(ids(await search(clerk, '榫卯'))).toEqual([withDocx]);
    // Longer terms too, across the PDF's text runs; and metadata still matches as before.
    expect(ids(await search(clerk, '消防疏散演练'))).toEqual([withPdf]);
    expect(ids(await search(clerk, '校务会议'))).toEqual([withDocx]);

    // The register's export searches the same way (its query probes each row's texts).
    const exported = await t.http
      .get('/api/v1/documents/incoming')
      .query({ format: 'xlsx', q: '棂星' })
      .set(as(clerk))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(exported.headers['x-export-rows']).toBe('1');

    // Access is as for metadata: a teacher without need-to-know finds neither.
    const teacher = await person(['staff']);
    expect((await search(teacher, '棂星')).total).toBe(0);

    // A removed file takes its text with it.
    await t.sql('DELETE FROM files WHERE id = $1', [docx]);
    expect(await textsOf(withDocx)).toEqual([]);
    expect((await search(clerk, '榫卯')).total).toBe(0);
  });

  it('DOC-8 a classified document contributes metadata only: its text is never stored, and a cleared body search does not find it', async () => {
    const lines = ['关于期末考试命题工作的安排', '试卷由命题组在镌刻室封装保管。'];
    const secretFile = await upload(await chinesePdf(lines), '命题安排.pdf');
    const openFile = await upload(await chinesePdf(lines), '命题安排-公开.pdf');
    const secret = await register({
      title: '机密级考务安排',
      secrecy: 'secret',
      secrecyPeriod: '10年',
      copyNumber: '000003',
      attachmentIds: [secretFile],
    });
    const open = await register({ title: '考务工作安排', attachmentIds: [openFile] });
    await extracted(open);
    // The job of the open twin has run; nothing was queued nor stored for the classified one.
    expect(await textsOf(secret)).toEqual([]);
    const service = t.app.get(DocumentTextsService);
    expect(await service.extract({ type: 'incoming-document', id: secret })).toBe(0);
    expect(await textsOf(secret)).toEqual([]);

    // The cleared registrar sees the classified document, by its metadata, but not by its body.
    expect(ids(await search(clerk, '镌刻'))).toEqual([open]);
    expect(ids(await search(clerk, '机密级考务'))).toEqual([secret]);

    // A document that becomes classified leaves the body index: at once for search, and the job forgets its texts.
    await t.sql(`UPDATE incoming_documents SET secrecy = 'secret', secrecy_period = '10年', copy_number = '000004' WHERE id = $1`, [open]);
    expect((await search(clerk, '镌刻')).total).toBe(0);
    expect(await service.extract({ type: 'incoming-document', id: open })).toBe(0);
    expect(await textsOf(open)).toEqual([]);
  });

  it('DOC-8 a 2-character term (and a longer one) finds exactly what a plain LIKE scan finds, over metadata and bodies', async () => {
    // Bodies with the term, with its characters apart, and with every bigram of 会议纪要 but never side by side.
    const bodies = [
      ['本周三召开全体教师会议。'],
      ['会上提议增设阅览室。'],
      ['会议。议纪律。纪要另发。'],
      ['全体会议纪要已印发。'],
      ['与此无关的正文。'],
    ];
    const made: string[] = [];
    for (const [i, body] of bodies.entries()) {
      const file = await upload(i % 2 ? await chineseDocx(body) : await chinesePdf(body), i % 2 ? `正文${i}.docx` : `正文${i}.pdf`);
      made.push(await register({ title: i === 4 ? '关于召开家长会议的通知' : `第${i}号来文`, attachmentIds: [file] }));
    }
    for (const id of made) await extracted(id);

    for (const term of ['会议', '会议纪要', '提议', '议纪', '无关', '纪律会议', '不存在的词']) {
      const like = `%${term}%`;
      const expected = await t.sql<{ id: string }>(
        `SELECT d.id FROM incoming_documents d
          WHERE d.secrecy = 'none' AND (d.title LIKE $1 OR d.number LIKE $1 OR d.sender_number LIKE $1 OR d.source_org LIKE $1
             OR EXISTS (SELECT 1 FROM document_texts x WHERE x.document_id = d.id AND x.body LIKE $1))`,
        [like],
      );
      const found = await search(clerk, term, { secrecy: 'none' });
      expect({ term, ids: ids(found) }).toEqual({ term, ids: expected.map((r) => r.id).sort() });
      expect(found.total).toBe(expected.length);
    }
    // The designed cases, spelled out.
    const meeting = ids(await search(clerk, '会议', { secrecy: 'none' }));
    expect(meeting).toEqual(expect.arrayContaining([made[0], made[2], made[3], made[4]]));
    expect(meeting).not.toContain(made[1]);
    const minutes = ids(await search(clerk, '会议纪要', { secrecy: 'none' }));
    expect(minutes).toContain(made[3]);
    expect(minutes).not.toContain(made[2]);
  });
  it('DOC-8 a term in more documents than the search cap: the first page is the newest matches, as a plain LIKE orders them, and the total is capped', async () => {
    // Past the cap the page is found by walking the newest-first order rather than through the
    // bigram index (IncomingService.list); both must give the same page. 1,050 copies by SQL.
    const source = await register({ title: '关于召开家委会座谈的通知', sourceOrg: '家委会' });
    const columns = (
      await t.sql<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'incoming_documents'`,
      )
    ).map((c) => c.column_name);
    const changed: Record<string, string> = {
      id: 'gen_random_uuid()',
      seq: 'd.seq + 10000 + g',
      number: `d.number || '-' || g`,
      // Every 7th copy is older than the source's own minute, the rest newer: the order is not the insert order.
      registered_at: `d.registered_at + (CASE WHEN g % 7 = 0 THEN -g ELSE g END) * interval '1 minute'`,
      title: `'座谈纪要第' || g || '号'`,
    };
    await t.sql(
      `INSERT INTO incoming_documents (${columns.map((c) => `"${c}"`).join(', ')})
       SELECT ${columns.map((c) => changed[c] ?? `d."${c}"`).join(', ')} FROM incoming_documents d, generate_series(1, 1050) g WHERE d.id = $1`,
      [source],
    );
    // With fresh statistics 座谈's bigram is in nearly every row: its matches are counted along the
    // newest-first walk (countAlongTheWalk) rather than through the index; 家委会 has 2 bigrams.
    await t.sql('ANALYZE incoming_documents');
    t.app.get(BigramFrequencies).forget();
    for (const term of ['座谈', '家委会']) {
      const expected = await t.sql<{ id: string }>(
        `SELECT d.id FROM incoming_documents d
          WHERE d.secrecy = 'none' AND (d.title LIKE $1 OR d.number LIKE $1 OR d.sender_number LIKE $1 OR d.source_org LIKE $1)
          ORDER BY d.registered_at DESC, d.id ASC LIMIT 20`,
        [`%${term}%`],
      );
      const page = (await t.http.get('/api/v1/documents/incoming').query({ q: term, pageSize: 20 }).set(as(clerk)).expect(200))
        .body as Page;
      expect({ term, ids: page.items.map((d) => d.id) }).toEqual({ term, ids: expected.map((r) => r.id) });
      expect(page).toMatchObject({ total: 1000, totalCapped: true });
    }
  });

  it('DOC-8 a term with Latin letters matches whatever their case; a Chinese term is matched as it is', async () => {
    // Terms without letters that have case run as LIKE, the others as ILIKE (caseInsensitiveLike).
    const id = await register({ title: '关于报送STEAM课程（第２期）申报表的通知', sourceOrg: '区教育局' });
    const found = async (q: string) =>
      ((await t.http.get('/api/v1/documents/incoming').query({ q }).set(as(clerk)).expect(200)).body as Page).items.map((d) => d.id);
    for (const q of ['steam', 'Steam课程', 'STEAM', '（第２期）', '申报表'])
      expect({ q, found: await found(q) }).toEqual({ q, found: [id] });
  });

  it('DOC-8 an outgoing draft is found by a term in its body file, and loses its body text when it becomes classified', async () => {
    const body = await upload(await chineseDocx(['关于修缮校史馆的请示', '拟对鸱吻与斗拱进行修缮。']), '请示正文.docx');
    const draft = (
      await t.http
        .post('/api/v1/documents/outgoing')
        .set(as(clerk))
        .send({
          docType: 'request',
          direction: 'upward',
          title: '关于申请校舍维修经费的请示',
          mainRecipients: ['区教育局'],
          issuerMark: '某某市第一中学文件',
          bodyFileId: body,
        })
        .expect(201)
    ).body;
    await extracted(draft.id);
    const outgoing = async (q: string): Promise<string[]> =>
      (await t.http.get('/api/v1/documents/outgoing').query({ q, pageSize: 100 }).set(as(clerk)).expect(200)).body.items.map(
        (d: { id: string }) => d.id,
      );
    expect(await outgoing('鸱吻')).toEqual([draft.id]);
    expect(await outgoing('斗拱进行')).toEqual([draft.id]);

    await t.http
      .patch(`/api/v1/documents/outgoing/${draft.id}`)
      .set(as(clerk))
      .send({ version: draft.version, secrecy: 'secret', secrecyPeriod: '10年', copyNumber: '000001' })
      .expect(200);
    expect(await textsOf(draft.id)).toEqual([]);
    expect(await outgoing('鸱吻')).toEqual([]);
    // Its metadata is still searchable for the cleared clerk.
    expect(await outgoing('校舍维修')).toEqual([draft.id]);
  });
});
