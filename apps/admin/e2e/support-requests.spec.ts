import { expect, test } from '@playwright/test';
import { adminApi } from './api';
import { described, fieldByLabel, openDropdown, openFromMenu, runStamp, signIn } from './support';

/**
 * REQ-2: a teacher asks another department for support with a response deadline; that
 * department's head gets it in their inbox, responds and completes it; the teacher sees the response.
 */
test('REQ-2 a teacher asks another department for support, its head responds from the inbox and completes it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Xiezuo2026!';
  const admin = await adminApi(baseURL!);
  const asking = await admin.createDepartment({ code: `e2esra${stamp}`, name: `教务处${stamp}` });
  const targetName = `总务处${stamp}`;
  const target = await admin.createDepartment({ code: `e2esrt${stamp}`, name: targetName });
  const teacher = { username: `e2esrteach${stamp}`, name: `教务教师${stamp}` };
  const head = { username: `e2esrhead${stamp}`, name: `总务主任${stamp}` };
  await admin.createUser({ ...teacher, password, departmentId: asking.id, roleCodes: ['staff'] });
  const headId = await admin.createUser({ ...head, password, departmentId: target.id, roleCodes: ['staff'] });
  await admin.setDepartmentHead(target, headId);
  await admin.dispose();
  const title = `期中考试考场桌椅搬运${stamp}`;
  const response = '总务处周五下午安排六名工人搬运。';

  // The teacher asks 总务处 with a deadline of four hours.
  const teacherContext = await browser.newContext();
  const desk = await teacherContext.newPage();
  await signIn(desk, teacher.username, password);
  await openFromMenu(desk, '/assessment/support');
  await desk.getByRole('button', { name: '发起协作' }).click();
  const dialog = desk.getByRole('dialog', { name: '发起协作' });
  await fieldByLabel(dialog, '事项').locator('input').fill(title);
  await fieldByLabel(dialog, '具体内容').locator('textarea').fill('期中考试需布置十二个考场，请协助搬运桌椅。');
  await fieldByLabel(dialog, '协作部门').locator('.el-select').click();
  await desk.keyboard.type('总务处');
  await openDropdown(desk).locator('.el-select-dropdown__item', { hasText: targetName }).click();
  const deadline = fieldByLabel(dialog, '响应时限');
  await deadline.getByText('小时', { exact: true }).click();
  await deadline.locator('.el-input-number input').fill('4');
  await deadline.locator('.el-input-number input').press('Tab');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = desk.locator('.el-table__row', { hasText: title });
  await expect(row).toContainText(`教务处${stamp}`);
  await expect(row).toContainText(targetName);
  await expect(row).toContainText('待响应');
  await row.click();
  const ownDrawer = desk.getByRole('dialog', { name: '协作详情' });
  await expect(described(ownDrawer, '负责人')).toHaveText(head.name);
  await expect(ownDrawer.getByRole('button', { name: '响应', exact: true })).toHaveCount(0);

  // The head of 总务处 responds from the inbox and completes it.
  const headContext = await browser.newContext();
  const office = await headContext.newPage();
  await signIn(office, head.username, password);
  await office.getByTestId('header-todo').click();
  await office.getByTestId('inbox-table').locator('.el-table__row', { hasText: title }).locator('a').click();
  const drawer = office.getByRole('dialog', { name: '协作详情' });
  await expect(described(drawer, '发起人')).toHaveText(teacher.name);
  await drawer.getByPlaceholder('响应').fill(response);
  await drawer.getByRole('button', { name: '响应', exact: true }).click();
  await expect(described(drawer, '状态')).toHaveText('已响应');
  await expect(described(drawer, '响应')).toContainText(response);
  await drawer.getByRole('button', { name: '完成', exact: true }).click();
  await expect(described(drawer, '状态')).toHaveText('已完成');
  await expect(drawer.getByRole('button', { name: '完成', exact: true })).toHaveCount(0);

  // The teacher sees it completed, with the response and who gave it.
  await desk.reload();
  await expect(row).toContainText('已完成');
  await row.click();
  await expect(described(ownDrawer, '响应')).toContainText(response);
  await expect(described(ownDrawer, '响应')).toContainText(head.name);

  await teacherContext.close();
  await headContext.close();
});
