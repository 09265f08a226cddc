import { expect, test, type Browser, type Page } from '@playwright/test';
import { adminApi } from './api';
import { adminCredentials, openDropdown, openFromMenu, runStamp, signIn } from './support';

async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

test('ADM-2 a message to a department reaches its members; one reads it and replies, and the sender sees who has read it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const stamp = runStamp();
  const password = 'Xiaoxi2026!';
  const departmentName = `总务处${stamp}`;
  const reader = { username: `e2emsga${stamp}`, name: `陈老师${stamp}` };
  const other = { username: `e2emsgb${stamp}`, name: `周老师${stamp}` };
  const subject = `关于本周五下午召开行政会的通知${stamp}`;

  const api = await adminApi(baseURL!);
  const department = await api.createDepartment({ code: `XX${stamp}`, name: departmentName });
  const readerId = await api.createUser({ ...reader, password, departmentId: department.id, roleCodes: ['staff'] });
  const otherId = await api.createUser({ ...other, password, departmentId: department.id, roleCodes: ['staff'] });
  await api.dispose();

  // The office writes to the whole department.
  const sender = await signedIn(browser, adminCredentials().username, adminCredentials().password);
  await openFromMenu(sender, '/messages');
  await sender.getByTestId('messages-compose').click();
  const compose = sender.getByTestId('compose-dialog');
  await compose.getByTestId('compose-to-departments').click();
  await openDropdown(sender).locator('.el-tree-node__content', { hasText: departmentName }).click();
  await sender.keyboard.press('Escape');
  await compose.getByTestId('compose-subject').fill(subject);
  await compose.getByTestId('compose-body').fill('请各位老师于周五下午三点准时到行政楼三楼会议室参加。');
  await compose.getByTestId('compose-send').click();
  await expect(compose).toBeHidden();
  const sentRow = sender.getByTestId('messages-table').locator('.el-table__row', { hasText: subject });
  await expect(sentRow.getByTestId('message-read-count')).toContainText('0/2');

  // A member finds it unread, opens it, and replies.
  const member = await signedIn(browser, reader.username, password);
  await expect(member.getByTestId('header-unread-count')).toHaveText('1');
  await member.getByTestId('header-messages').click();
  const received = member.getByTestId('messages-table').locator('.el-table__row', { hasText: subject });
  await expect(received.getByTestId('message-unread-dot')).toBeVisible();
  await received.locator('a').click();
  await expect(member.getByTestId('message-body')).toContainText('行政楼三楼会议室');
  await expect(member.getByTestId('header-unread-count')).toHaveText('0');
  await expect(member.getByTestId('message-receipts')).toHaveCount(0);
  await member.getByTestId('message-reply-body').fill('收到，准时参加。');
  await member.getByTestId('message-reply-send').click();
  await expect(member.getByTestId('message-reply-body')).toHaveValue('');

  // The sender sees who has read it, and the reply in the inbox.
  await sender.reload();
  await expect(sentRow.getByTestId('message-read-count')).toContainText('1/2');
  await sentRow.locator('a').click();
  const receipts = sender.getByTestId('message-receipts');
  await expect(receipts.getByTestId(`receipt-state-${readerId}`)).toHaveAttribute('data-read', 'yes');
  await expect(receipts.getByTestId(`receipt-state-${otherId}`)).toHaveAttribute('data-read', 'no');
  await expect(receipts).toContainText(departmentName);
  await expect(sender.getByTestId('header-unread-count')).toHaveText('1');
  await sender.getByTestId('header-messages').click();
  await expect(sender.getByTestId('messages-table').locator('.el-table__row', { hasText: subject }).first()).toContainText(reader.name);

  for (const page of [sender, member]) await page.context().close();
});
