import { loginAsAdmin, unique } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

/** An ID number with its GB 11643 check character computed, so the sample is valid by construction. */
function validIdNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('information: desensitisation (脱敏, INF-2)', () => {
  let t: TestApp;
  let adminToken: string;
  let director: { token: string };
  let clerk: { token: string };
  let teacher: { token: string };
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    [director, clerk, teacher] = await Promise.all([
      createStaff(t, adminToken, { roles: ['office-director'] }),
      createStaff(t, adminToken, { roles: ['office-clerk'] }),
      createStaff(t, adminToken, { roles: ['staff'] }),
    ]);
  });
  afterAll(() => t.close());

  it('INF-2 the scan finds valid ID and mobile numbers, emails and the names on the school’s lists, and no invalid number', async () => {
    const studentA = unique('张');
    const studentB = unique('欧阳');
    const list = (
      await t.http
        .post('/api/v1/information/name-lists')
        .set(as(director))
        .send({ name: unique('学生名单'), names: [studentA, ` ${studentB} `, studentA, ''] })
        .expect(201)
    ).body;
    expect(list).toMatchObject({ nameCount: 2, names: [studentA, studentB].sort() });

    const id = validIdNumber('33010619900307441');
    const wrongId = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const text = `学生${studentA}（身份证 ${id}）与${studentB}获奖。咨询 139-1234-5678 或 office@school.example；编号 ${wrongId}，电话 12812345678。`;
    const { findings } = (await t.http.post('/api/v1/information/desensitisation/scan').set(as(clerk)).send({ text }).expect(200)).body;
    expect(findings.map((f: { kind: string; text: string }) => [f.kind, f.text])).toEqual([
      ['name', studentA],
      ['idCard', id],
      ['name', studentB],
      ['mobile', '139-1234-5678'],
      ['email', 'office@school.example'],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('INF-2 a text is released only when every finding is masked or kept with a reason; the reason is recorded', async () => {
    const text = '办公室电话 13800001111，家长 13912345678。';
    const { findings } = (await t.http.post('/api/v1/information/desensitisation/scan').set(as(clerk)).send({ text }).expect(200)).body;
    const [office, parent] = findings;

    const refused = await t.http
      .post('/api/v1/information/desensitisation/apply')
      .set(as(clerk))
      .send({ text, decisions: [{ key: parent.key, action: 'mask' }] })
      .expect(422);
    expect(refused.body.code).toBe('FINDINGS_UNRESOLVED');
    expect(Object.keys(refused.body.errors)).toEqual([office.key]);

    // A keep without a reason is bad input, keyed by field.
    const noReason = await t.http
      .post('/api/v1/information/desensitisation/apply')
      .set(as(clerk))
      .send({ text, decisions: [{ key: office.key, action: 'keep' }] })
      .expect(400);
    expect(Object.keys(noReason.body.errors ?? {}).join()).toContain('reason');

    const reason = unique('学校公开值班电话');
    const applied = (
      await t.http
        .post('/api/v1/information/desensitisation/apply')
        .set(as(clerk))
        .send({
          text,
          decisions: [
            { key: office.key, action: 'keep', reason },
            { key: parent.key, action: 'mask' },
          ],
        })
        .expect(200)
    ).body;
    expect(applied).toEqual({ text: '办公室电话 13800001111，家长 139****5678。', maskedCount: 1, kept: [{ key: office.key, reason }] });
    const audit = await t.sql(`SELECT diff FROM audit_log WHERE action = 'information.desensitise.apply' AND diff::text LIKE $1`, [
      `%${reason}%`,
    ]);
    expect(audit).toHaveLength(1);
  });

  it('INF-2 only keepers of the lists read or change them; teachers cannot run the check', async () => {
    const list = (
      await t.http
        .post('/api/v1/information/name-lists')
        .set(as(director))
        .send({ name: unique('教职工家属名单'), names: ['李雷', '韩梅梅'] })
        .expect(201)
    ).body;
    await t.http.get(`/api/v1/information/name-lists/${list.id}`).set(as(clerk)).expect(403);
    await t.http.get('/api/v1/information/name-lists').set(as(teacher)).expect(403);
    await t.http.post('/api/v1/information/desensitisation/scan').set(as(teacher)).send({ text: '李雷' }).expect(403);

    const renamed = (
      await t.http
        .patch(`/api/v1/information/name-lists/${list.id}`)
        .set(as(director))
        .send({ names: ['王小明'], version: list.version })
        .expect(200)
    ).body;
    expect(renamed).toMatchObject({ names: ['王小明'], nameCount: 1, version: list.version + 1 });
    // A stale version changes nothing.
    await t.http
      .patch(`/api/v1/information/name-lists/${list.id}`)
      .set(as(director))
      .send({ names: [], version: list.version })
      .expect(409);
    const { findings } = (
      await t.http.post('/api/v1/information/desensitisation/scan').set(as(clerk)).send({ text: '李雷和王小明' }).expect(200)
    ).body;
    expect(findings.map((f: { text: string }) => f.text)).toEqual(['王小明']);

    await t.http.delete(`/api/v1/information/name-lists/${list.id}`).set(as(director)).expect(204);
    await t.http.get(`/api/v1/information/name-lists/${list.id}`).set(as(director)).expect(404);
  });

  it('INF-2 bad input is refused keyed by field and writes nothing', async () => {
    const name = unique('名单');
    const bad = await t.http
      .post('/api/v1/information/name-lists')
      .set(as(director))
      .send({ name, names: ['王', 'x'.repeat(51)] })
      .expect(400);
    expect(Object.keys(bad.body.errors)).toContain('names');
    expect(await t.sql('SELECT 1 FROM sensitive_name_lists WHERE name = $1', [name])).toHaveLength(0);

    await t.http.post('/api/v1/information/name-lists').set(as(director)).send({ name }).expect(201);
    const twice = await t.http.post('/api/v1/information/name-lists').set(as(director)).send({ name }).expect(409);
    expect(twice.body).toMatchObject({ code: 'NAME_LIST_EXISTS', errors: { name: [expect.any(String)] } });

    const notText = await t.http.post('/api/v1/information/desensitisation/scan').set(as(clerk)).send({ text: 42 }).expect(400);
    expect(Object.keys(notText.body.errors)).toContain('text');
  });
});
