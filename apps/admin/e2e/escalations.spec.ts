import { expect, test } from '@playwright/test';
import { adminApi } from './api';
import { described, fieldByLabel, openDropdown, openFromMenu, pickPerson, runStamp, signIn } from './support';

/**
 * REQ-1: the office routes a category to a leader; a teacher reports a problem in that category
 * with a proposed solution; the leader answers it from their inbox; the teacher reads the answer.
 */
test('REQ-1 a teacher reports a problem, it is routed to the category leader, who answers it from the inbox', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Shangbao2026!';
  const clerk = { username: `e2eescclerk${stamp}`, name: `办公室上报${stamp}` };
  const leader = { username: `e2eescleader${stamp}`, name: `分管校长${stamp}` };
  const teacher = { username: `e2eescteach${stamp}`, name: `上报教师${stamp}` };
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...clerk, password, roleCodes: ['office-clerk'] });
  await admin.createUser({ ...leader, password, roleCodes: ['staff'] });
  await admin.createUser({ ...teacher, password, roleCodes: ['staff'] });
  await admin.dispose();
  const description = `三楼投影仪${stamp}经常黑屏`;
  const answer = '已安排信息中心周三前更换投影仪灯泡。';

  // The office routes 设施设备 to the leader.
  const clerkContext = await browser.newContext();
  const office = await clerkContext.newPage();
  await signIn(office, clerk.username, password);
  await openFromMenu(office, '/assessment/escalations');
  await office.getByRole('button', { name: '路由设置' }).click();
  const routing = office.getByRole('dialog', { name: '路由设置' });
  const route = routing.locator('.el-table__row', { hasText: '设施设备' });
  await pickPerson(office, route.locator('.el-select'), leader);
  await route.getByRole('button', { name: '保存' }).click();
  await expect(office.getByText('已保存')).toBeVisible();
  await clerkContext.close();

  // The teacher reports the problem; it goes to the leader with a deadline.
  const teacherContext = await browser.newContext();
  const desk = await teacherContext.newPage();
  await signIn(desk, teacher.username, password);
  await openFromMenu(desk, '/assessment/escalations');
  await expect(desk.getByRole('button', { name: '路由设置' })).toHaveCount(0);
  await desk.getByRole('button', { name: '上报问题' }).click();
  const dialog = desk.getByRole('dialog', { name: '上报问题' });
  await fieldByLabel(dialog, '类别').locator('.el-select').click();
  await openDropdown(desk).locator('.el-select-dropdown__item', { hasText: '设施设备' }).click();
  await fieldByLabel(dialog, '渠道').getByText('电话', { exact: true }).click();
  await fieldByLabel(dialog, '问题描述').locator('textarea').fill(description);
  await fieldByLabel(dialog, '建议解决办法').locator('textarea').fill('更换灯泡或整机。');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = desk.locator('.el-table__row', { hasText: description });
  await expect(row).toContainText('设施设备');
  await expect(row).toContainText(leader.name);
  await expect(row).toContainText('待答复');

  // The leader answers from the inbox.
  const leaderContext = await browser.newContext();
  const head = await leaderContext.newPage();
  await signIn(head, leader.username, password);
  await head.getByTestId('header-todo').click();
  await head.getByTestId('inbox-table').locator('.el-table__row', { hasText: description }).locator('a').click();
  const drawer = head.getByRole('dialog', { name: '上报详情' });
  await expect(described(drawer, '上报人')).toHaveText(teacher.name);
  await expect(described(drawer, '渠道')).toHaveText('电话');
  await drawer.getByPlaceholder('答复').fill(answer);
  await drawer.getByRole('button', { name: '答复', exact: true }).click();
  await expect(described(drawer, '状态')).toHaveText('已答复');
  await expect(described(drawer, '答复')).toContainText(answer);
  await expect(drawer.getByRole('button', { name: '答复', exact: true })).toHaveCount(0);

  // The teacher reads the answer.
  await desk.reload();
  await expect(row).toContainText('已答复');
  await row.click();
  const mine = desk.getByRole('dialog', { name: '上报详情' });
  await expect(described(mine, '答复')).toContainText(answer);
  await expect(mine.getByRole('button', { name: '答复', exact: true })).toHaveCount(0);

  await teacherContext.close();
  await leaderContext.close();
});
