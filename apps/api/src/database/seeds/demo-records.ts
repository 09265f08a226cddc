import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApprovalsService } from '../../platform/approvals/approvals.service';
import { seedCalendarDemo } from '../../platform/calendar/calendar-demo.seed';
import type { Principal } from '../../platform/auth/principal';
import { PrincipalService } from '../../platform/auth/principal.service';
import type { RequestContext } from '../../platform/http/request-context';
import { MessagesService } from '../../platform/notifications/messages/messages.service';
import { addDays, mondayOf, quarterOf, schoolDateOf } from '@xiaoban/shared';
import { BookingsService } from '../../modules/meetings/bookings/bookings.service';
import { MeetingsService } from '../../modules/meetings/meetings/meetings.service';
import { RoomsService } from '../../modules/meetings/rooms/rooms.service';
import { OutgoingNumbersService } from '../../modules/documents/outgoing/outgoing-numbers.service';
import { OutgoingService } from '../../modules/documents/outgoing/outgoing.service';
import { LedgerService } from '../../modules/administration/ledger/ledger.service';
import { SealsService } from '../../modules/administration/seals/seals.service';
import { TrainingService } from '../../modules/assessment/training/training.service';

/**
 * Sample records of the demo school, made through the same services a person's clicks go
 * through, so they are consistent (inbox items, notifications, audit rows). Each module adds its
 * own here. Runs once: the demo's marker is an audit row.
 */
export async function loadDemoRecords(app: INestApplicationContext, log: (message: string) => void): Promise<void> {
  const dataSource = app.get(DataSource);
  const [{ done }] = await dataSource.query(`SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = 'demo.records') AS done`);
  if (done) return;
  const principals = app.get(PrincipalService);
  const as = async (username: string): Promise<RequestContext> => {
    const [{ id }] = await dataSource.query('SELECT id FROM users WHERE username = $1', [username]);
    return { actor: (await principals.load(id)) as Principal, ip: null, requestId: 'demo' };
  };
  const teacher = await as('teacher');
  const head = await as('head');
  const principal = await as('principal');
  const director = await as('director');
  const clerk = await as('clerk');

  // Approvals (PLT-2): one waiting for the head of 教务处, one approved, one returned for changes.
  const approvals = app.get(ApprovalsService);
  const submit = (ctx: RequestContext, title: string, content: string) =>
    approvals.submitGeneralRequest(title, content, ctx).then((r) => r.id);
  await submit(
    teacher,
    '关于组织高一年级研学旅行的请示',
    '拟于下月组织高一年级赴市博物馆开展研学活动，需包车3辆，费用由年级经费支出，请审批。',
  );
  const approved = await submit(
    teacher,
    '关于借用学术报告厅举办读书分享会的请示',
    '语文教研组拟于周四下午在学术报告厅举办读书分享会，约80人参加。',
  );
  await approvals.approve(approved, '同意，注意会场秩序。', head);
  await approvals.approve(approved, '同意。', principal);
  const returned = await submit(teacher, '关于购置语文教研组图书资料的请示', '拟购置教学参考书一批，约3000元。');
  await approvals.returnForChanges(returned, '请附上书目清单和报价。', head);

  // Internal messages (ADM-2): the office writes to a department; a reply comes back.
  const messages = app.get(MessagesService);
  const [{ id: jwc }] = await dataSource.query(`SELECT id FROM departments WHERE code = 'JWC'`);
  const notice = await messages.send(
    { subject: '关于报送本学期教学工作总结的通知', body: '请各年级组于本月25日前将教学工作总结报送综合办公室。', toDepartmentIds: [jwc] },
    director,
  );
  await messages.open(notice.id, head);
  await messages.reply(notice.id, '收到，教务处将按时报送。', head);
  await messages.send({ subject: '本周值班安排', body: '本周五由陈晓负责接待值班。', toUserIds: [clerk.actor!.id] }, director);

  // The school calendar (PLT-10): this school year's semesters, holidays and 调休 days.
  await dataSource.transaction((manager) => seedCalendarDemo(manager));

  // Outgoing documents (发文, DOC-7): the school's 代字; a notice drafted by a teacher, signed off by
  // the principal and numbered 校办〔YYYY〕1号; a second draft waiting for the office's 核稿.
  const numbers = app.get(OutgoingNumbersService);
  const outgoing = app.get(OutgoingService);
  const office = await numbers.createPrefix({ code: '校办', name: '学校办公室发文' }, director);
  await numbers.createPrefix({ code: '校发', name: '学校行政发文' }, director);
  await numbers.createPrefix({ code: '校党发', name: '学校党组织发文' }, director);
  const safetyNotice = await outgoing.draft(
    {
      docType: 'notice',
      direction: 'downward',
      title: '关于做好寒假期间学生安全工作的通知',
      body: '各处室、各年级组：\n寒假将至，为确保学生度过一个安全、健康、愉快的假期，现将有关事项通知如下……',
      mainRecipients: ['各处室', '各年级组'],
      ccRecipients: ['区教育局'],
      issuerMark: '某市第一中学文件',
      printingOrg: '某市第一中学办公室',
    },
    teacher,
  );
  await outgoing.submit(safetyNotice.id, undefined, teacher);
  await outgoing.check(safetyNotice.id, '文字已核。', clerk);
  const signing = await outgoing.requestSignoff(safetyNotice.id, undefined, clerk);
  await approvals.approve(signing.signoffRequestId!, '同意印发。', principal);
  await approvals.handleOutcome(signing.signoffRequestId!); // the outcome job would run it shortly; the demo does not wait
  await outgoing.review(safetyNotice.id, undefined, clerk);
  await outgoing.register(
    safetyNotice.id,
    {
      prefixId: office.id,
      distribution: [
        { kind: 'main', departmentId: jwc, copies: 2 },
        { kind: 'cc', orgName: '区教育局' },
      ],
    },
    clerk,
  );
  const pending = await outgoing.draft(
    {
      docType: 'request',
      direction: 'upward',
      title: '关于增设学生心理辅导室的请示',
      body: '区教育局：\n为加强学生心理健康教育，我校拟增设心理辅导室一间……妥否，请批示。',
      mainRecipients: ['区教育局'],
      signers: ['张建国'],
      issuerMark: '某市第一中学文件',
      remark: '联系人：刘婷，电话：0571-88886666',
    },
    teacher,
  );
  await outgoing.submit(pending.id, undefined, teacher);

  // Meetings (MTG-1–MTG-3): three rooms, the weekly 行政会 booked for the next eight weeks, and
  // next Wednesday's 校务会 with its agenda confirmed and the notice sent.
  const rooms = app.get(RoomsService);
  const first = await rooms.create(
    {
      name: '第一会议室',
      building: '行政楼',
      floor: '3',
      capacity: 24,
      equipment: ['projector', 'audio', 'microphones', 'video-conference'],
    },
    director,
  );
  await rooms.create({ name: '第二会议室', building: '行政楼', floor: '2', capacity: 12, equipment: ['screen', 'whiteboard'] }, director);
  await rooms.create(
    {
      name: '学术报告厅',
      building: '图书馆',
      floor: '1',
      capacity: 300,
      equipment: ['projector', 'audio', 'microphones', 'recording'],
      needsApproval: true,
    },
    director,
  );
  const monday = mondayOf(schoolDateOf(new Date()));
  await app.get(BookingsService).bookSeries(
    {
      roomId: first.id,
      title: '行政会',
      attendeeCount: 15,
      weekday: 1,
      startTime: '08:00',
      endTime: '09:00',
      fromOn: addDays(monday, 7),
      untilOn: addDays(monday, 7 * 8),
      teachingWeeksOnly: false,
    },
    director,
  );
  const meetings = app.get(MeetingsService);
  const wednesday = addDays(monday, 9);
  const affairs = await meetings.create(
    {
      title: '校务会（第12次）',
      typeCode: 'school-affairs',
      hostId: principal.actor!.id,
      roomId: first.id,
      startsAt: `${wednesday}T14:30:00+08:00`,
      endsAt: `${wednesday}T16:00:00+08:00`,
      topics: [{ title: '审议寒假工作安排', presenterId: director.actor!.id, minutes: 30 }, { title: '讨论下学期教学计划' }],
      attendeeIds: [director.actor!.id, head.actor!.id],
      observerIds: [teacher.actor!.id],
    },
    principal,
  );
  await meetings.confirmAgenda(affairs.id, principal);
  await meetings.notify(affairs.id, principal);

  // Seals (ADM-4) kept by the seal custodian, and a matter of the work ledger (ADM-3) for the head of 教务处.
  const seals = app.get(SealsService);
  const keeper = await as('seal');
  for (const [name, sealType] of [
    ['某某中学公章', 'official'],
    ['中共某某中学委员会章', 'party'],
    ['某某中学财务专用章', 'finance'],
  ] as const) {
    await seals.create({ name, sealType, custodianId: keeper.actor!.id }, director);
  }
  await app.get(LedgerService).create(
    {
      title: '迎接市教育局教学常规督导检查',
      description: '整理近三年教学常规材料，完成自查报告。',
      ownerId: head.actor!.id,
      departmentIds: [jwc],
      dueOn: addDays(schoolDateOf(new Date()), 14),
    },
    director,
  );

  // This quarter's confidentiality training (ASM-6), attended by the office and the leaders: they may borrow classified items (ADM-10).
  const training = app.get(TrainingService);
  const { year, quarter } = quarterOf(schoolDateOf(new Date()));
  const plan = await training.createPlan(
    { kind: 'confidentiality', year, quarter, title: `${year}年第${quarter}季度保密教育培训`, description: '学习保密法及涉密载体管理规定' },
    director,
  );
  const withSession = await training.addSession(
    plan.id,
    {
      heldAt: new Date(Date.now() - 3_600_000).toISOString(),
      place: '行政楼三楼会议室',
      trainer: '区保密局 李老师',
      content: '涉密载体管理与保密法规解读',
    },
    director,
  );
  await training.recordAttendance(
    withSession.sessions[0]!.id,
    {
      entries: [director, clerk, principal, keeper, await as('archivist')].map((ctx) => ({
        userId: ctx.actor!.id,
        attended: true,
        score: 90,
        passed: true,
      })),
    },
    director,
  );

  await dataSource.query(`INSERT INTO audit_log (action, object_type, request_id) VALUES ('demo.records', 'school', 'demo')`);
  log(
    'Loaded the demo records: approvals, messages, the school calendar, outgoing documents, meetings, seals, the work ledger and a confidentiality training',
  );
}
