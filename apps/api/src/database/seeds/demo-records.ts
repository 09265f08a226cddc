import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApprovalsService } from '../../platform/approvals/approvals.service';
import { seedCalendarDemo } from '../../platform/calendar/calendar-demo.seed';
import type { Principal } from '../../platform/auth/principal';
import { PrincipalService } from '../../platform/auth/principal.service';
import type { RequestContext } from '../../platform/http/request-context';
import { MessagesService } from '../../platform/notifications/messages/messages.service';

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

  await dataSource.query(`INSERT INTO audit_log (action, object_type, request_id) VALUES ('demo.records', 'school', 'demo')`);
  log('Loaded the demo records: approvals, messages and the school calendar');
}
