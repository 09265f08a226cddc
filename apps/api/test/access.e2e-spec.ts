import { RESOURCE_VISIBILITY, VISIBILITY_RULES } from '@xiaoban/shared';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { AccessService } from '../src/platform/access/access.service';
import type { Principal } from '../src/platform/auth/principal';
import { FilesService } from '../src/platform/files/files.service';
import { binary } from './factories/files.factory';
import { contextOf, createSecretNote, principalOf, registerSecretNotes, SECRET_NOTE } from './factories/access.factory';
import { createDepartment, createUserWith, loginAsAdmin, type TestUser } from './factories/org.factory';
import { createStaff } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

describe('object access (REQ-3, NFR-3)', () => {
  let t: TestApp;
  let adminToken: string;
  let access: AccessService;
  const as = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });

  /** The notes a person's list shows, and its total: the same rule as a read by id, applied in the query. */
  async function listFor(viewer: Principal, ids: string[]): Promise<{ ids: string[]; total: number }> {
    const visible = access.visibleWhere(viewer, SECRET_NOTE, 'n');
    const qb = t.app
      .get(DataSource)
      .createQueryBuilder()
      .select('n.id', 'id')
      .from('test_secret_notes', 'n')
      .where('n.id IN (:...ids)', { ids })
      .andWhere(visible.sql, visible.params)
      .orderBy('n.title');
    const page = await qb.clone().limit(2).offset(0).getRawMany<{ id: string }>();
    const [{ total }] = await qb.clone().orderBy().select('count(*)::int', 'total').getRawMany<{ total: number }>();
    const all = (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
    expect(page.length).toBe(Math.min(2, all.length)); // paging counts visible rows only
    return { ids: all.sort(), total };
  }

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = await loginAsAdmin(t);
    access = await registerSecretNotes(t);
  });
  afterAll(() => t.close());

  it('NFR-3 every resource type declares one of the four visibility rules, and the message centre uses its declaration', () => {
    for (const [type, declaration] of Object.entries(RESOURCE_VISIBILITY)) {
      expect({ type, rule: VISIBILITY_RULES.includes(declaration.rule) }).toEqual({ type, rule: true });
    }
    expect(access.isRegistered('message')).toBe(true);
  });

  it('REQ-3 NFR-3 an object outside a person’s visibility is 404 by id and absent from a list and its count', async () => {
    const academic = await createDepartment(t, adminToken, { name: '教务处' });
    const general = await createDepartment(t, adminToken, { name: '总务处' });
    const user = (name: string, departmentId: string, clearance: string) =>
      createUserWith(t, adminToken, [], { name, departmentId, clearance });
    const alice = await user('李娜', academic.id, 'none');
    const bob = await user('张伟', academic.id, 'secret');
    const carol = await user('王芳', general.id, 'top-secret');
    const dave = await user('刘洋', general.id, 'secret');

    const notes = {
      open: await createSecretNote(t, { title: 'a 教务处工作安排', secrecy: 'none', departmentId: academic.id }),
      nobodys: await createSecretNote(t, { title: 'b 招生计划（秘密）', secrecy: 'secret', departmentId: academic.id }),
      daves: await createSecretNote(t, { title: 'c 人事安排（秘密）', secrecy: 'secret', departmentId: academic.id, holderId: dave.id }),
      aboveDave: await createSecretNote(t, { title: 'd 考题（绝密）', secrecy: 'top-secret', holderId: dave.id }),
    };
    const ids = Object.values(notes);
    const [admin] = await t.sql<{ id: string }>(`SELECT id FROM users WHERE username = 'admin'`);
    const ctx = contextOf(await principalOf(t, admin.id));
    await t.app.get(DataSource).transaction(async (manager) => {
      // Need-to-know by grant: routed to carol; a loan to bob of a note above his clearance does not help him.
      await access.grant(manager, { objectType: SECRET_NOTE, objectId: notes.nobodys, userId: carol.id, reason: 'router' }, ctx);
      await access.grant(manager, { objectType: SECRET_NOTE, objectId: notes.aboveDave, userId: bob.id, reason: 'loan' }, ctx);
    });

    const expected: [TestUser, string[]][] = [
      [alice, [notes.open]], // department, unclassified only: no clearance
      [bob, [notes.open]], // department and clearance, but no need-to-know for the secret ones
      [carol, [notes.nobodys]], // routed to her; clearance covers it
      [dave, [notes.daves]], // named, cleared for secret; the top-secret one stays hidden though it names him
    ];
    for (const [person, visible] of expected) {
      const viewer = await principalOf(t, person.id);
      for (const id of ids) {
        expect({ who: viewer.name, id, visible: await access.canRead(viewer, { type: SECRET_NOTE, id }) }).toEqual({
          who: viewer.name,
          id,
          visible: visible.includes(id),
        });
        if (!visible.includes(id)) {
          await expect(access.assertCanRead(viewer, { type: SECRET_NOTE, id }, contextOf(viewer))).rejects.toMatchObject({
            status: 404,
          });
        }
      }
      expect(await listFor(viewer, ids)).toEqual({ ids: [...visible].sort(), total: visible.length });
    }

    // Over HTTP: a file of the note routed to carol is hers to download, and 404 for bob next door.
    const upload = (await t.http.post('/api/v1/files').set(as(carol)).attach('file', Buffer.from('招生计划\n'), '招生计划.txt').expect(201))
      .body;
    const carolCtx = contextOf(await principalOf(t, carol.id));
    await t.app
      .get(DataSource)
      .transaction((manager) => t.app.get(FilesService).attach(manager, [upload.id], { type: SECRET_NOTE, id: notes.nobodys }, carolCtx));
    await t.http.get(`/api/v1/files/${upload.id}`).set(as(carol)).expect(200);
    await t.http.get(`/api/v1/files/${upload.id}`).set(as(bob)).expect(404);
  });

  it('REQ-3 NFR-3 a message outside a person’s visibility is 404 by id and absent from their list, counts and export', async () => {
    const sender = await createStaff(t, adminToken, { roles: ['office-clerk'], name: '陈晓' });
    const recipient = await createStaff(t, adminToken, { roles: ['staff'], name: '周一' });
    const outsider = await createStaff(t, adminToken, { roles: ['staff'], name: '吴二' });
    const sent = (
      await t.http
        .post('/api/v1/messages')
        .set(as(sender))
        .send({ subject: '人事通知', body: '内部传达', toUserIds: [recipient.id] })
        .expect(201)
    ).body;
    await t.http.get(`/api/v1/messages/${sent.id}`).set(as(recipient)).expect(200);
    const refused = await t.http.get(`/api/v1/messages/${sent.id}`).set(as(outsider)).expect(404);
    expect(refused.body).toMatchObject({ code: 'NOT_FOUND' });
    await t.http.post(`/api/v1/messages/${sent.id}/replies`).set(as(outsider)).send({ body: '?' }).expect(404);
    for (const box of ['inbox', 'sent']) {
      const page = (await t.http.get('/api/v1/messages').query({ box }).set(as(outsider)).expect(200)).body;
      expect({ box, total: page.total, items: page.items }).toEqual({ box, total: 0, items: [] });
    }
    expect((await t.http.get('/api/v1/messages/unread-count').set(as(outsider)).expect(200)).body).toEqual({ unread: 0 });

    // …and from the export of the list (PLT-7), which goes through the same query.
    const exported = async (person: { token: string }) => {
      const res = await t.http.get('/api/v1/messages').query({ format: 'xlsx' }).set(as(person)).buffer(true).parse(binary).expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
      const cells: string[] = [];
      workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
      return cells;
    };
    expect(await exported(recipient)).toContain('人事通知');
    expect(await exported(outsider)).not.toContain('人事通知');
  });

  it('REQ-3 a classified read is audited, and so is a refused one', async () => {
    const holder = await createUserWith(t, adminToken, [], { name: '赵敏', clearance: 'confidential' });
    const stranger = await createUserWith(t, adminToken, [], { name: '钱坤', clearance: 'confidential' });
    const noteId = await createSecretNote(t, { title: '机密件', secrecy: 'confidential', holderId: holder.id });
    const holderP = await principalOf(t, holder.id);
    const strangerP = await principalOf(t, stranger.id);
    await expect(access.assertCanRead(holderP, { type: SECRET_NOTE, id: noteId }, contextOf(holderP))).resolves.toEqual({
      secrecy: 'confidential',
    });
    await expect(access.assertCanRead(strangerP, { type: SECRET_NOTE, id: noteId }, contextOf(strangerP))).rejects.toMatchObject({
      status: 404,
    });
    const rows = await t.sql<{ action: string; actor_id: string; details: unknown }>(
      `SELECT action, actor_id, diff->'details' AS details FROM audit_log WHERE object_type = $1 AND object_id = $2 ORDER BY id`,
      [SECRET_NOTE, noteId],
    );
    expect(rows).toEqual([
      { action: 'access.read', actor_id: holder.id, details: { secrecy: 'confidential' } },
      { action: 'access.refused', actor_id: stranger.id, details: { secrecy: 'confidential' } },
    ]);
  });

  it('REQ-3 a grant with an expiry stops working after it', async () => {
    const reader = await createUserWith(t, adminToken, [], { name: '孙丽', clearance: 'secret' });
    const viewer = await principalOf(t, reader.id);
    const noteId = await createSecretNote(t, { title: '借阅档案', secrecy: 'secret' });
    const ref = { type: SECRET_NOTE, id: noteId };
    expect(await access.canRead(viewer, ref)).toBe(false);

    const expiresAt = new Date(Date.now() + 1500);
    await t.app
      .get(DataSource)
      .transaction((manager) =>
        access.grant(
          manager,
          { objectType: SECRET_NOTE, objectId: noteId, userId: reader.id, reason: 'loan', expiresAt },
          contextOf(viewer),
        ),
      );
    expect(await access.canRead(viewer, ref)).toBe(true);
    expect((await listFor(viewer, [noteId])).ids).toEqual([noteId]);

    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt.getTime() - Date.now()) + 300));
    expect(await access.canRead(viewer, ref)).toBe(false);
    expect(await listFor(viewer, [noteId])).toEqual({ ids: [], total: 0 });

    // Revoking is recorded; a revoked grant is gone for good.
    await t.app.get(DataSource).transaction(async (manager) => {
      await access.grant(manager, { objectType: SECRET_NOTE, objectId: noteId, userId: reader.id, reason: 'loan' }, contextOf(viewer));
      expect(await access.canRead(viewer, ref, manager)).toBe(true);
      expect(await access.revoke(manager, ref, reader.id, contextOf(viewer))).toBe(1);
      expect(await access.canRead(viewer, ref, manager)).toBe(false);
    });
  });
});
