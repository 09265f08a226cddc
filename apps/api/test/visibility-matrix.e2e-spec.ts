import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { RESOURCE_VISIBILITY } from '@xiaoban/shared';
import { AccessService } from '../src/platform/access/access.service';
import { binary, samplePdf } from './factories/files.factory';
import { registerIncoming } from './factories/documents.factory';
import { createMeeting } from './factories/meeting-prep.factory';
import { createDepartment, loginAsAdmin, unique } from './factories/org.factory';
import { createSmallSchool, createStaff, type SmallSchool } from './factories/school.factory';
import { createSupplyItem } from './factories/supplies.factory';
import { recordConfidentialityTraining } from './factories/training.factory';
import { startTestApp, type TestApp } from './setup/test-app';

/**
 * NFR-4 (object level) and NFR-3: for every resource type registered with the AccessService, an
 * object visible to one person is invisible to another, seen from the outside. Each type has a
 * recipe that creates one object through the API, as a person who then sees it, and names its
 * detail route. The rest is read from the OpenAPI document, so routes added later are covered:
 * - related GET routes under the detail path (`…/{id}/…`, no other path parameter) must be 404 for B;
 * - GET routes of the collection (the detail path without `/{id}`, no path parameter: lists,
 *   counts, search, exports) must not show the object to B: neither its id nor its marker text in
 *   the answer, the same totals and counts as before it existed, and, where the route takes
 *   `q`, a search for its marker that finds nothing; where it takes `format`, the same for the
 *   xlsx export.
 * B is a plain member of staff of another department, cleared for top-secret (so a refusal is the
 * rule's doing, not a missing clearance, wherever need-to-know applies).
 *
 * A registered type without a recipe fails the first test, unless EXEMPT gives the reason.
 */
type Token = { token: string };
const as = (user: Token) => ({ authorization: `Bearer ${user.token}` });

interface World {
  t: TestApp;
  admin: Token;
  school: SmallSchool;
  /** Plain staff of another department, top-secret clearance. */
  b: Token & { id: string };
}

interface Created {
  id: string;
  /** A unique text the object carries (title, subject, description…), searched for in B's answers. */
  marker: string;
  /** A person who sees the object (the positive control: the detail answers them 200). */
  viewer: Token;
  /** Files attached to the object: downloads are 200 for the viewer, 404 for B. */
  fileIds?: string[];
  /** Lists under another object (e.g. a meeting's materials) that B reads and must not find it in. */
  lists?: string[];
  /** For a type without a detail route or collection of its own: where the viewer finds it. */
  seenAt?: string;
}

interface Recipe {
  /**
   * The detail route; `{id}` stands for the object's id. A type without one (read only in a list)
   * names its `collection` instead, and its viewer must find it there.
   */
  detail?: string;
  collection?: string;
  create(w: World): Promise<Created>;
  /**
   * Where the routes demand a permission plain staff lack, the person in B's place: one who holds
   * it, outside the object's department and names (so that the refusal is the object rule's).
   */
  outsider?(w: World): Promise<Token>;
}

/**
 * An open evaluation cycle (ASM-2) of one person, the school's applicant (their department's head
 * leads it): the cycle's unique name is the marker, as neither a form nor a result has text of its own.
 */
async function openEvaluationCycle({ t, admin, school }: World) {
  const office = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '考核专员' });
  const api = '/api/v1/assessment/evaluations';
  const template = await t.http
    .post(`${api}/templates`)
    .set(as(office))
    .send({ name: unique('教职工月度考核'), dimensions: [{ key: 'quality', name: '工作质量', weight: 100, scaleMin: 1, scaleMax: 5 }] })
    .expect(201);
  const marker = unique('VMEVAL');
  const cycle = await t.http
    .post(`${api}/cycles`)
    .set(as(office))
    .send({
      name: `${marker} 2026年12月考核`,
      period: 'monthly',
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      templateId: template.body.id,
      sourceWeights: { self: 20, peer: 30, leader: 50 },
      peerMinimum: 2,
      personIds: [school.applicant.id],
    })
    .expect(201);
  await t.http.post(`${api}/cycles/${cycle.body.id}/open`).set(as(office)).send({ version: cycle.body.version }).expect(200);
  return { cycleId: cycle.body.id as string, marker, office };
}

const RECIPES: Record<string, Recipe> = {
  message: {
    detail: '/api/v1/messages/{id}',
    async create({ t, school }) {
      const marker = unique('VMMSG');
      const res = await t.http
        .post('/api/v1/messages')
        .set(as(school.applicant))
        .send({ subject: `${marker} 教研安排`, body: '内部传达', toUserIds: [school.colleague.id] })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.colleague };
    },
  },
  'approval-request': {
    detail: '/api/v1/approvals/requests/{id}',
    async create({ t, school }) {
      const marker = unique('VMAPR');
      const res = await t.http
        .post('/api/v1/approvals/requests')
        .set(as(school.applicant))
        .send({ title: `${marker} 关于举办开放日的请示`, content: '请审批。' })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.applicant };
    },
  },
  'incoming-document': {
    detail: '/api/v1/documents/incoming/{id}',
    async create({ t, admin }) {
      // Unclassified: the registrar is named by it; B holds no read-all.
      const registrar = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '收文员' });
      const marker = unique('VMINC');
      const id = await registerIncoming(t, registrar, { title: `${marker} 关于做好开学工作的通知` });
      return { id, marker, viewer: registrar };
    },
  },
  'outgoing-document': {
    detail: '/api/v1/documents/outgoing/{id}',
    async create({ t, school }) {
      const marker = unique('VMOUT');
      const res = await t.http
        .post('/api/v1/documents/outgoing')
        .set(as(school.applicant))
        .send({
          docType: 'notice',
          direction: 'downward',
          title: `${marker} 关于做好寒假安全工作的通知`,
          body: '各处室：现就有关事项通知如下。',
          mainRecipients: ['各处室'],
        })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.applicant };
    },
  },
  meeting: {
    detail: '/api/v1/meetings/{id}',
    async create({ t, admin }) {
      const organiser = await createStaff(t, admin.token, {
        roles: ['school-leader', 'office-clerk'],
        name: '组织者',
        clearance: 'secret',
      });
      const marker = unique('VMMTG');
      const { id } = await createMeeting(t, organiser, admin, { attendeeIds: [], secrecy: 'secret', title: `${marker} 校务会` });
      return { id, marker, viewer: organiser };
    },
  },
  'work-matter': {
    detail: '/api/v1/administration/ledger/{id}',
    async create({ t, admin, school }) {
      const marker = unique('VMLDG');
      const res = await t.http
        .post('/api/v1/administration/ledger')
        .set(as(admin))
        .send({ title: `${marker} 迎接督导评估`, ownerId: school.applicant.id, departmentIds: [school.departmentId], dueOn: '2031-04-30' })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.applicant };
    },
  },
  notice: {
    detail: '/api/v1/information/notices/{id}',
    async create({ t, admin, school }) {
      const author = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '通知起草人' });
      const marker = unique('VMNTC');
      const res = await t.http
        .post('/api/v1/information/notices')
        .set(as(author))
        .send({
          title: `${marker} 关于期末工作安排的通知`,
          body: '请各位老师按时完成期末工作。',
          audience: { allStaff: false, departmentIds: [school.departmentId] },
          channels: ['in-app'],
        })
        .expect(201);
      return { id: res.body.id, marker, viewer: author };
    },
  },
  'supply-request': {
    detail: '/api/v1/logistics/supplies/requests/{id}',
    async create({ t, admin, school }) {
      const marker = unique('VMSUP');
      const item = await createSupplyItem(t, admin);
      const res = await t.http
        .post('/api/v1/logistics/supplies/requests')
        .set(as(school.applicant))
        .send({ lines: [{ itemId: item.id, quantity: 2 }], note: `${marker} 日常办公` })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.colleague };
    },
  },
  'maintenance-request': {
    detail: '/api/v1/logistics/maintenance/requests/{id}',
    async create({ t, admin, school }) {
      const campus = await t.http
        .post('/api/v1/logistics/maintenance/locations')
        .set(as(admin))
        .send({ kind: 'campus', name: unique('校区') })
        .expect(201);
      const marker = unique('VMREP');
      const res = await t.http
        .post('/api/v1/logistics/maintenance/requests')
        .set(as(school.applicant))
        .send({ category: 'electrical', locationId: campus.body.id, description: `${marker} 教室灯管不亮` })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.applicant };
    },
  },
  suggestion: {
    detail: '/api/v1/assessment/suggestions/{id}',
    async create({ t, admin }) {
      const clerk = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '热线值班员' });
      const marker = unique('VMSUG');
      const res = await t.http
        .post('/api/v1/assessment/suggestions/hotline')
        .set(as(clerk))
        .send({
          category: 'safety',
          subject: `${marker} 校门口车辆拥堵`,
          content: '家长来电反映放学时段校门口车辆拥堵。',
          anonymous: false,
          submitterName: '张先生',
          submitterContact: '13912345678',
        })
        .expect(201);
      // The receipt carries the public query code only; the logger finds the id in their list.
      const mine = await t.http.get('/api/v1/assessment/suggestions').query({ q: marker }).set(as(clerk)).expect(200);
      expect(mine.body.items).toHaveLength(1);
      expect(res.body.queryCode).toBeTruthy();
      return { id: mine.body.items[0].id, marker, viewer: clerk };
    },
  },
  'collection-request': {
    detail: '/api/v1/information/collection/requests/{id}',
    async create({ t, admin, school }) {
      const marker = unique('VMCOL');
      const clerk = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '信息员' });
      const res = await t.http
        .post('/api/v1/information/collection/requests')
        .set(as(clerk))
        .send({
          title: `${marker} 关于报送工作亮点的通知`,
          description: '请报送本学期工作亮点。',
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          departmentIds: [school.departmentId],
        })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.colleague };
    },
  },
  'collection-submission': {
    detail: '/api/v1/information/collection/submissions/{id}',
    async create({ t, admin, school }) {
      const marker = unique('VMSUB');
      const clerk = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '信息员' });
      const request = await t.http
        .post('/api/v1/information/collection/requests')
        .set(as(clerk))
        .send({
          title: unique('关于报送工作亮点的通知'),
          description: '请报送本学期工作亮点。',
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          departmentIds: [school.departmentId],
        })
        .expect(201);
      const res = await t.http
        .post(`/api/v1/information/collection/requests/${request.body.id}/submissions`)
        .set(as(school.head))
        .send({ content: `${marker} 本学期组织青年教师教学比赛。` })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.head };
    },
  },
  'seal-use-application': {
    detail: '/api/v1/administration/seal-uses/applications/{id}',
    async create({ t, admin, school }) {
      const custodian = await createStaff(t, admin.token, { roles: ['seal-custodian'], name: '印章保管员' });
      const seal = await t.http
        .post('/api/v1/administration/seals')
        .set(as(admin))
        .send({ name: unique('学校公章'), sealType: 'official', custodianId: custodian.id })
        .expect(201);
      const file = await t.http
        .post('/api/v1/files')
        .set(as(school.applicant))
        .attach('file', await samplePdf(unique('agreement ')), '合作协议.pdf')
        .expect(201);
      const marker = unique('VMSEAL');
      const res = await t.http
        .post('/api/v1/administration/seal-uses/applications')
        .set(as(school.applicant))
        .send({
          sealId: seal.body.id,
          documentTitle: `${marker} 合作办学协议`,
          copies: 2,
          reason: '签署协议',
          attachmentIds: [file.body.id],
        })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.applicant, fileIds: [file.body.id] };
    },
  },
  'logistics-event': {
    detail: '/api/v1/logistics/events/{id}',
    async create({ t, admin, school }) {
      const office = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '后勤干事' });
      const marker = unique('VMEVT');
      const res = await t.http
        .post('/api/v1/logistics/events')
        .set(as(office))
        .send({
          title: `${marker} 春季田径运动会`,
          startsAt: '2031-04-18T08:00:00+08:00',
          endsAt: '2031-04-18T17:00:00+08:00',
          venue: '学校田径场',
          ownerId: school.applicant.id,
        })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.applicant };
    },
  },
  'purchase-demand': {
    detail: '/api/v1/logistics/demands/{id}',
    async outsider({ t, admin }) {
      // Demands are read by department heads (logistics.purchasing.demand); this one heads another department.
      const head = await createStaff(t, admin.token, { roles: ['department-head'], name: '外部门主任' });
      const other = await createDepartment(t, admin.token, { headId: head.id });
      await t.http.patch(`/api/v1/org/users/${head.id}`).set(as(admin)).send({ departmentId: other.id, version: 1 }).expect(200);
      return head;
    },
    async create({ t, admin, school }) {
      const clerk = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '采购员' });
      const window = await t.http.post('/api/v1/logistics/demand-windows').set(as(clerk)).send({ month: '2031-01' }).expect(201);
      // A demand has no text of its own: its item's (unique) name is the marker.
      const marker = unique('VMDEM');
      const item = await createSupplyItem(t, admin, { name: `${marker} 试卷用纸` });
      const res = await t.http
        .post('/api/v1/logistics/demands')
        .set(as(school.head))
        .send({ windowId: window.body.id, lines: [{ itemId: item.id, quantity: 3 }] })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.head };
    },
  },
  'visitor-question': {
    detail: '/api/v1/information/reception/questions/{id}',
    async create({ t, admin, school }) {
      const clerk = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '接待员' });
      const marker = unique('VMQST');
      const visit = await t.http
        .post('/api/v1/information/reception/visits')
        .set(as(clerk))
        .send({
          visitorName: '张建国',
          organisation: '区教育局',
          purposeCategory: 'consultation',
          purpose: '咨询转学事宜',
          hostDepartmentId: school.departmentId,
          confidentialityAcknowledged: true,
          questions: [{ question: `${marker} 孩子转学需要准备哪些材料？`, departmentId: school.departmentId }],
        })
        .expect(201);
      return { id: visit.body.questions[0].id, marker, viewer: school.head };
    },
  },
  'meeting-material': {
    detail: '/api/v1/meetings/materials/{id}',
    async create({ t, admin, school }) {
      const leader = await createStaff(t, admin.token, { roles: ['school-leader'], name: '校领导' });
      // An unclassified meeting (school-wide) with a confidential material for one named attendee.
      const meeting = await createMeeting(t, leader, admin, { attendeeIds: [school.colleague.id], notify: true });
      const file = await t.http
        .post('/api/v1/files')
        .set(as(leader))
        .attach('file', await samplePdf('Meeting material'), 'material.pdf')
        .expect(201);
      const marker = unique('VMMAT');
      const res = await t.http
        .post(`/api/v1/meetings/${meeting.id}/materials`)
        .set(as(leader))
        .send({
          title: `${marker} 绩效工资分配方案`,
          attachmentIds: [file.body.id],
          confidential: true,
          recipientIds: [school.colleague.id],
        })
        .expect(201);
      return {
        id: res.body.id,
        marker,
        viewer: school.colleague,
        fileIds: [file.body.id],
        lists: [`/api/v1/meetings/${meeting.id}/materials`],
      };
    },
  },
  'seal-inspection': {
    collection: '/api/v1/administration/seal-inspections',
    async create({ t, admin }) {
      const custodian = await createStaff(t, admin.token, { roles: ['seal-custodian'], name: '印章保管员' });
      const marker = unique('VMINS');
      const seal = await t.http
        .post('/api/v1/administration/seals')
        .set(as(admin))
        .send({ name: `${marker} 学校公章`, sealType: 'official', custodianId: custodian.id })
        .expect(201);
      const period = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
      await t.http.post('/api/v1/administration/seal-inspections/open').set(as(custodian)).send({ period }).expect(200);
      const mine = await t.http
        .get('/api/v1/administration/seal-inspections')
        .query({ period, pageSize: 100 })
        .set(as(custodian))
        .expect(200);
      const inspection = mine.body.items.find((i: { seal: { id: string } }) => i.seal.id === seal.body.id);
      // The seal's name is school-wide; the inspection's own id is what B must not see.
      return { id: inspection.id, marker: inspection.id, viewer: custodian };
    },
  },
  'classified-loan': {
    detail: '/api/v1/administration/lending/loans/{id}',
    async create({ t, admin }) {
      const clerk = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '保密员', clearance: 'top-secret' });
      const borrower = await createStaff(t, admin.token, { roles: ['staff'], name: '借阅人', clearance: 'confidential' });
      const doc = await t.http
        .post('/api/v1/documents/incoming')
        .set(as(clerk))
        .send({
          title: unique('关于中考命题工作的通知'),
          sourceOrg: '市教育局',
          docType: 'notice',
          senderNumber: '市教〔2026〕31号',
          secrecy: 'confidential',
          secrecyPeriod: '10年',
          copyNumber: '000007',
        })
        .expect(201);
      // A borrower must have passed this year's confidentiality training (ADM-10).
      await recordConfidentialityTraining(t, clerk, [borrower.id]);
      const dueOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      const marker = unique('VMLOAN');
      const res = await t.http
        .post('/api/v1/administration/lending/loans')
        .set(as(clerk))
        .send({ itemKind: 'incoming-document', itemId: doc.body.id, borrowerId: borrower.id, purpose: `${marker} 查阅原文`, dueOn })
        .expect(201);
      return { id: res.body.id, marker, viewer: borrower };
    },
  },
  'board-check': {
    // Every route of checks needs information.boards.manage, whose holders see them all; what
    // reaches anyone else is the check's photo, a file download.
    async create({ t, admin }) {
      const keeper = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '公告栏管理员' });
      const board = await t.http
        .post('/api/v1/information/boards')
        .set(as(keeper))
        .send({ name: unique('教学楼公告栏'), location: '教学楼A栋一楼大厅', keeperId: keeper.id, cleaningWeekday: 1 })
        .expect(201);
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
        .png()
        .toBuffer();
      const photo = await t.http.post('/api/v1/files').set(as(keeper)).attach('file', png, 'board.png').expect(201);
      const marker = unique('VMCHK');
      const check = await t.http
        .post(`/api/v1/information/boards/${board.body.id}/checks`)
        .set(as(keeper))
        .send({ tidy: true, undamaged: false, remark: `${marker} 玻璃有裂纹`, photoIds: [photo.body.id] })
        .expect(201);
      return {
        id: check.body.id,
        marker,
        viewer: keeper,
        seenAt: `/api/v1/information/boards/${board.body.id}/checks`,
        fileIds: [photo.body.id],
      };
    },
  },
  'archive-item': {
    detail: '/api/v1/administration/archives/items/{id}',
    async outsider({ t, admin }) {
      // The archive's routes are the archivists'; this one is cleared above the item but did not take it in (need-to-know).
      return createStaff(t, admin.token, { roles: ['archivist'], clearance: 'top-secret', name: '另一档案员' });
    },
    async create({ t, admin }) {
      const archivist = await createStaff(t, admin.token, { roles: ['archivist'], clearance: 'secret', name: '档案员' });
      const scan = await t.http
        .post('/api/v1/files')
        .set(as(archivist))
        .attach('file', await samplePdf(unique('scan ')), 'scan.pdf')
        .expect(201);
      const marker = unique('VMARC');
      const res = await t.http
        .post('/api/v1/administration/archives/items')
        .set(as(archivist))
        .send({
          categoryCode: 'WS',
          year: 2022,
          retention: 'permanent',
          orgCode: 'BGS',
          documentNumber: '校办〔2022〕3号',
          responsible: '校长办公室',
          title: `${marker} 关于保密工作检查情况的报告`,
          documentDate: '2022-03-05',
          pages: 4,
          disinfected: true,
          condition: 'good',
          secrecy: 'secret',
          fileIds: [scan.body.id],
        })
        .expect(201);
      return { id: res.body.id, marker, viewer: archivist, fileIds: [scan.body.id] };
    },
  },
  'improvement-problem': {
    detail: '/api/v1/assessment/improvement/problems/{id}',
    async create({ t, admin, school }) {
      const clerk = await createStaff(t, admin.token, { roles: ['office-clerk'], name: '整改专员' });
      const marker = unique('VMIMP');
      const problem = await t.http
        .post('/api/v1/assessment/improvement/problems')
        .set(as(clerk))
        .send({ title: `${marker} 消防通道堆放杂物`, description: '安全检查发现实验楼消防通道堆放纸箱。', source: 'inspection' })
        .expect(201);
      // Named by it: the owner of one of its measures.
      const dueOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      await t.http
        .post(`/api/v1/assessment/improvement/problems/${problem.body.id}/measures`)
        .set(as(clerk))
        .send({
          version: problem.body.version,
          measures: [{ description: '清理通道并设置临时存放点', ownerId: school.applicant.id, dueOn }],
        })
        .expect(200);
      return { id: problem.body.id, marker, viewer: school.applicant };
    },
  },
  escalation: {
    detail: '/api/v1/assessment/escalations/{id}',
    async create({ t, admin, school }) {
      const leader = await createStaff(t, admin.token, { roles: ['school-leader'], name: '分管副校长' });
      await t.http
        .put('/api/v1/assessment/escalation-routes/safety')
        .set(as(admin))
        .send({ leaderId: leader.id, answerWorkingDays: 2 })
        .expect(200);
      const marker = unique('VMESC');
      const res = await t.http
        .post('/api/v1/assessment/escalations')
        .set(as(school.applicant))
        .send({
          category: 'safety',
          description: `${marker} 东侧楼梯扶手松动`,
          proposedSolution: '请总务处本周内加固',
          channel: 'in_person',
        })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.applicant };
    },
  },
  'support-request': {
    detail: '/api/v1/assessment/support-requests/{id}',
    async create({ t, admin, school }) {
      // Between the school's department and a third one; B's department is neither.
      const head = await createStaff(t, admin.token, { roles: ['department-head'], name: '协作部门主任' });
      const target = await createDepartment(t, admin.token, { headId: head.id });
      const marker = unique('VMSRQ');
      const res = await t.http
        .post('/api/v1/assessment/support-requests')
        .set(as(school.applicant))
        .send({
          title: `${marker} 请协助布置考场监控`,
          detail: '期末考试需要在 12 个考场布置监控。',
          targetDepartmentId: target.id,
          responseHours: 4,
        })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.colleague };
    },
  },
  'evaluation-form': {
    detail: '/api/v1/assessment/evaluations/forms/{id}',
    async create(w) {
      const { cycleId, marker } = await openEvaluationCycle(w);
      // The applicant's self-evaluation form: the applicant is its evaluator, and nobody else reads it.
      const forms = await w.t.http.get('/api/v1/assessment/evaluations/forms').set(as(w.school.applicant)).expect(200);
      const form = forms.body.find((f: { cycle: { id: string }; source: string }) => f.cycle.id === cycleId && f.source === 'self');
      return { id: form.id, marker, viewer: w.school.applicant };
    },
  },
  'evaluation-result': {
    detail: '/api/v1/assessment/evaluations/results/{id}',
    async create(w) {
      const { t, school } = w;
      const { cycleId, marker, office } = await openEvaluationCycle(w);
      for (const action of ['close', 'release']) {
        const cycle = await t.http.get(`/api/v1/assessment/evaluations/cycles/${cycleId}`).set(as(office)).expect(200);
        await t.http
          .post(`/api/v1/assessment/evaluations/cycles/${cycleId}/${action}`)
          .set(as(office))
          .send({ version: cycle.body.version })
          .expect(200);
      }
      // Released: the person evaluated sees their result (it carries the cycle's name).
      const mine = await t.http.get('/api/v1/assessment/evaluations/results').query({ cycleId }).set(as(school.applicant)).expect(200);
      expect(mine.body).toHaveLength(1);
      return {
        id: mine.body[0].id,
        marker,
        viewer: school.applicant,
        // The results list needs its cycle. (Not `result-cycles`: it names every closed or released
        // cycle to anyone, by design, so the marker is there; which results show is decided per person.)
        lists: [`/api/v1/assessment/evaluations/results?cycleId=${cycleId}`],
      };
    },
  },
  'innovation-suggestion': {
    detail: '/api/v1/assessment/innovation/{id}',
    async create({ t, school }) {
      const marker = unique('VMINN');
      const res = await t.http
        .post('/api/v1/assessment/innovation')
        .set(as(school.applicant))
        .send({
          title: `${marker} 公文流转引入电子签章`,
          description: '目前纸质公文签批需往返多个办公室，建议在公文流转中引入电子签章。',
          expectedBenefit: '每份公文平均节省半天流转时间，减少纸张消耗。',
        })
        .expect(201);
      return { id: res.body.id, marker, viewer: school.applicant };
    },
  },
};

/** Types a recipe cannot or need not prove, each with its reason. */
const EXEMPT: Record<string, string> = {
  'meeting-room': 'school-wide by its declared rule: every signed-in person sees every room',
  'room-booking': 'school-wide by its declared rule (anyone may see that a room is taken)',
  seal: 'school-wide by its declared rule (anyone may apply to use a seal)',
  'bulletin-board': 'school-wide by its declared rule',
  'supply-item': 'school-wide by its declared rule (anyone may request an item)',
  visit:
    'every route of visits needs information.reception.manage, and its holders see every visit (named: nobody): no person passes the permission and is refused by the object rule',
};

/** Routes every type is checked against as well: the person's own inbox and its counts. */
const EVERYWHERE = ['/api/v1/inbox', '/api/v1/inbox/counts'];

interface Operation {
  path: string;
  /** The permission the route demands (x-permission), null for any signed-in person. */
  permission: string | null;
  params: { name: string; in: string; schema?: { enum?: string[] } }[];
}

describe('NFR-4 NFR-3 object-level visibility matrix', () => {
  let t: TestApp;
  let w: World;
  let gets: Operation[];
  /** Every non-GET operation: method and path. */
  let writes: { method: 'post' | 'put' | 'patch' | 'delete'; path: string }[];

  beforeAll(async () => {
    // The recipes sign in some forty people within a minute: past the default login throttle.
    t = await startTestApp({ LOGIN_THROTTLE_PER_MINUTE: '1000' });
    const adminToken = await loginAsAdmin(t);
    const school = await createSmallSchool(t, adminToken);
    const other = await createDepartment(t, adminToken);
    const b = await createStaff(t, adminToken, { roles: ['staff'], departmentId: other.id, name: '外部门教师', clearance: 'top-secret' });
    w = { t, admin: { token: adminToken }, school, b };
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Operation['params']; 'x-permission'?: string | null }>>;
    };
    gets = Object.entries(doc.paths)
      .filter(([, item]) => item.get)
      .map(([path, item]) => ({ path, permission: item.get['x-permission'] ?? null, params: item.get.parameters ?? [] }));
    writes = Object.entries(doc.paths).flatMap(([path, item]) =>
      (['post', 'put', 'patch', 'delete'] as const).filter((method) => item[method]).map((method) => ({ method, path })),
    );
  }, 60_000);
  afterAll(() => t.close());

  it('NFR-4 every resource type registered with the access service has a recipe here, or a stated reason why not', () => {
    const access = t.app.get(AccessService);
    const registered = Object.keys(RESOURCE_VISIBILITY).filter((type) => access.isRegistered(type));
    expect(registered.length).toBeGreaterThan(10);
    const missing = registered.filter((type) => !RECIPES[type] && !EXEMPT[type]);
    expect(missing).toEqual([]);
    // Stale entries would hide a renamed type: every recipe and exemption names a registered type.
    expect([...Object.keys(RECIPES), ...Object.keys(EXEMPT)].filter((type) => !registered.includes(type))).toEqual([]);
  });

  /**
   * GET routes without path parameters: the collection itself, its one-segment neighbours (counts,
   * search, export, availability…) unless a neighbour is another resource's collection (it has
   * routes below it, as `/meetings/rooms/{id}`), and the person's inbox.
   */
  function collectionRoutes(detail: string): Operation[] {
    const collection = detail.replace(/\/\{id\}$/, '');
    const neighbour = (path: string) =>
      path.startsWith(`${collection}/`) &&
      !path.slice(collection.length + 1).includes('/') &&
      !gets.some((op) => op.path.startsWith(`${path}/`));
    return gets.filter((op) => !op.path.includes('{') && (op.path === collection || neighbour(op.path) || EVERYWHERE.includes(op.path)));
  }

  const inboxRoutes = () => gets.filter((op) => EVERYWHERE.includes(op.path));

  /** Related GET routes under the detail path whose only path parameter is the object's id. */
  function relatedRoutes(detail: string): Operation[] {
    return gets.filter((op) => op.path.startsWith(`${detail}/`) && op.path.replace('{id}', '').indexOf('{') === -1);
  }

  /** What B sees on each collection route (and its search and export variants), as comparable snapshots. */
  async function viewOf(routes: Operation[], marker: string, b: Token) {
    const views: Record<string, { status: number; text: string; totals: string }> = {};
    for (const op of routes) {
      const names = new Set(op.params.filter((p) => p.in === 'query').map((p) => p.name));
      const variants: [string, Record<string, string>][] = [[op.path, {}]];
      if (names.has('q')) variants.push([`${op.path}?q=marker`, { q: marker }]);
      const format = op.params.find((p) => p.name === 'format');
      for (const [key, query] of variants) {
        const res = await t.http.get(op.path).query(query).set(as(b));
        expect({ route: key, status: res.status }).toEqual({ route: key, status: res.status < 500 ? res.status : 'no 5xx' });
        const body = res.body as unknown;
        views[key] = { status: res.status, text: res.text ?? JSON.stringify(body), totals: JSON.stringify(totalsOf(body)) };
      }
      if (format?.schema?.enum?.includes('xlsx')) {
        const res = await t.http.get(op.path).query({ format: 'xlsx' }).set(as(b)).buffer(true).parse(binary);
        if (res.status === 200) {
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
          const cells: string[] = [];
          workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
          views[`${op.path}?format=xlsx`] = { status: 200, text: cells.join('\t'), totals: String(cells.length) };
        } else views[`${op.path}?format=xlsx`] = { status: res.status, text: '', totals: '' };
      }
    }
    return views;
  }

  /** The numbers of an answer that count objects: a page's `total`, and every number of a counts object. */
  function totalsOf(body: unknown): unknown {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
    return Object.fromEntries(
      Object.entries(body as Record<string, unknown>)
        .filter(([, v]) => typeof v === 'number' || (v && typeof v === 'object' && !Array.isArray(v)))
        .map(([k, v]) => [k, typeof v === 'number' ? v : totalsOf(v)]),
    );
  }

  it.each(Object.keys(RECIPES))(
    'NFR-4 NFR-3 %s: 404 for another person by id and on its related routes, absent from their lists, counts, search and export',
    async (type) => {
      const recipe = RECIPES[type];
      const routes = recipe.detail || recipe.collection ? collectionRoutes(recipe.detail ?? `${recipe.collection}/{id}`) : inboxRoutes();
      const marker = unique('VMPRE');
      const b = recipe.outsider ? await recipe.outsider(w) : w.b;
      const before = await viewOf(routes, marker, b);
      const created = await recipe.create(w);
      // The positive control: the object exists and its viewer sees it (by id, or in the collection).
      const seen = await t.http
        .get(recipe.detail?.replace('{id}', created.id) ?? created.seenAt ?? recipe.collection!)
        .set(as(created.viewer));
      expect({ type, status: seen.status }).toEqual({ type, status: 200 });
      expect(seen.text).toContain(recipe.detail || created.seenAt ? created.marker : created.id);

      if (recipe.detail) {
        const refused = await t.http.get(recipe.detail.replace('{id}', created.id)).set(as(b));
        expect({ type, status: refused.status, code: refused.body.code }).toEqual({ type, status: 404, code: 'NOT_FOUND' });
      }
      for (const fileId of created.fileIds ?? []) {
        await t.http.get(`/api/v1/files/${fileId}`).set(as(created.viewer)).expect(200);
        await t.http.get(`/api/v1/files/${fileId}`).set(as(b)).expect(404);
      }
      // 404; or, on a route demanding a permission B lacks, the guard's 403 (the same for any id: NFR-4's route matrix).
      for (const op of recipe.detail || recipe.collection ? relatedRoutes(recipe.detail ?? `${recipe.collection}/{id}`) : []) {
        const res = await t.http.get(op.path.replace('{id}', created.id)).set(as(b));
        const refusedByGuard = op.permission !== null && res.status === 403 && res.body.code === 'FORBIDDEN';
        expect({ route: op.path, status: refusedByGuard ? 404 : res.status }).toEqual({ route: op.path, status: 404 });
      }

      // Changing it: every write on the object (and below it, with no other path parameter) answers B
      // exactly as for an id that does not exist (404, or the guard's 403, or the same 400 for the empty body).
      const template = recipe.detail ?? (recipe.collection ? `${recipe.collection}/{id}` : undefined);
      for (const op of template
        ? writes.filter((x) => (x.path === template || x.path.startsWith(`${template}/`)) && !x.path.replace('{id}', '').includes('{'))
        : []) {
        const call = (id: string) => t.http[op.method](op.path.replace('{id}', id)).set(as(b)).send({});
        const [none, real] = [await call(randomUUID()), await call(created.id)];
        expect({ route: `${op.method.toUpperCase()} ${op.path}`, status: real.status, code: real.body.code }).toEqual({
          route: `${op.method.toUpperCase()} ${op.path}`,
          status: none.status,
          code: none.body.code,
        });
      }

      // Same marker search as before (the object's own marker replaces the placeholder).
      const after = await viewOf(
        [...routes, ...(created.lists ?? []).map((path) => ({ path, permission: null, params: [] }))],
        created.marker,
        b,
      );
      const leaks: string[] = [];
      for (const [route, view] of Object.entries(after)) {
        if (view.text.includes(created.id) || view.text.includes(created.marker)) leaks.push(`${route} shows it`);
        const was = before[route];
        if (was && was.status === view.status && was.totals !== view.totals)
          leaks.push(`${route} counts changed: ${was.totals} → ${view.totals}`);
      }
      // Not vacuous: B reads at least one of these routes (the collection itself, or the inbox).
      const read = Object.entries(after).filter(([, view]) => view.status === 200).length;
      expect({ type, read: read > 0, leaks }).toEqual({ type, read: true, leaks: [] });
    },
  );
});
