import { expect, test, type Browser, type Page } from '@playwright/test';
import { adminApi } from './api';
import { adminCredentials, openDropdown, openFromMenu, runStamp, signIn } from './support';

/** A person in a browser of their own: sessions live in localStorage, one per context. */
async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

/** Opens an item of the inbox by its title (data, not translated text). */
async function openFromInbox(page: Page, title: string): Promise<void> {
  await page.getByTestId('header-todo').click();
  await expect(page).toHaveURL(/\/inbox$/);
  await page.getByTestId('inbox-table').locator('.el-table__row', { hasText: title }).locator('a').click();
  await expect(page).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);
}

async function approve(page: Page, comment: string): Promise<void> {
  await page.getByTestId('approval-action-approve').click();
  const dialog = page.getByTestId('approval-action-dialog');
  await dialog.getByTestId('action-comment').fill(comment);
  await dialog.getByTestId('approval-action-submit').click();
  await expect(dialog).toBeHidden();
  // Decided: the task has left the person's hands, and with it the buttons and the to-do count.
  await expect(page.getByTestId('approval-action-approve')).toHaveCount(0);
  await expect(page.getByTestId('header-todo-count')).toHaveText('0');
}

test("PLT-2 PLT-3 PLT-4 an approval goes from the applicant to the approver's inbox, gets approved, and comes back to the applicant with a notification", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Shenpi2026!';
  const people = {
    head: { username: `e2ehead${stamp}`, name: `张主任${stamp}` },
    applicant: { username: `e2estaff${stamp}`, name: `李老师${stamp}` },
    leader: { username: `e2eleader${stamp}`, name: `赵校长${stamp}` },
  };
  const title = `关于举办校园开放日活动的请示${stamp}`;

  // The organisation, set up through the API: a department whose head approves first, a teacher
  // in it, and a school leader who approves second (the general request's default chain).
  const api = await adminApi(baseURL!);
  const department = await api.createDepartment({ code: `SP${stamp}`, name: `教务处${stamp}` });
  const headId = await api.createUser({ ...people.head, password, departmentId: department.id, roleCodes: ['department-head'] });
  await api.setDepartmentHead(department, headId);
  await api.createUser({ ...people.applicant, password, departmentId: department.id, roleCodes: ['staff'] });
  await api.createUser({ ...people.leader, password, roleCodes: ['school-leader'] });
  await api.dispose();

  // The teacher submits a general request in the panel.
  const applicant = await signedIn(browser, people.applicant.username, password);
  await openFromMenu(applicant, '/approvals');
  await applicant.getByTestId('approvals-create').click();
  const form = applicant.getByTestId('general-request-dialog');
  await form.getByTestId('general-request-title').fill(title);
  await form
    .getByTestId('general-request-content')

    .fill('拟于下月第二周周六举办校园开放日，需借用操场及礼堂，请审批。');
  await form.getByTestId('general-request-submit').click();
  await expect(applicant).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);
  const requestPath = new URL(applicant.url()).pathname;
  await expect(applicant.getByTestId('approval-detail-status')).toHaveAttribute('data-status', 'pending');
  await expect(applicant.getByTestId('approval-step-state-0')).toHaveText('进行中');
  // The applicant may withdraw (nobody has decided yet) but not approve.
  await expect(applicant.getByTestId('approval-action-withdraw')).toBeVisible();
  await expect(applicant.getByTestId('approval-action-approve')).toHaveCount(0);

  // The head of department finds it in the to-do list, with the count in the header.
  const head = await signedIn(browser, people.head.username, password);
  await expect(head.getByTestId('header-todo-count')).toHaveText('1');
  await expect(head.getByTestId('home-todo')).toContainText(title);
  await openFromInbox(head, title);
  expect(new URL(head.url()).pathname).toBe(requestPath);
  await expect(head.getByTestId('approval-content')).toContainText('校园开放日');
  for (const action of ['approve', 'reject', 'return', 'transfer', 'copy']) {
    await expect(head.getByTestId(`approval-action-${action}`)).toBeVisible();
  }
  await expect(head.getByTestId('approval-action-withdraw')).toHaveCount(0);
  await approve(head, '同意，请做好安全预案。');
  await expect(head.getByTestId('approval-step-state-0')).toHaveText('已通过');
  await expect(head.getByTestId('approval-step-state-1')).toHaveText('进行中');
  await expect(head.getByTestId('approval-detail-status')).toHaveAttribute('data-status', 'pending');

  // The school leader approves it in turn.
  const leader = await signedIn(browser, people.leader.username, password);
  await expect(leader.getByTestId('header-todo-count')).toHaveText('1');
  await openFromInbox(leader, title);
  await approve(leader, '同意。');
  await expect(leader.getByTestId('approval-detail-status')).toHaveAttribute('data-status', 'approved');
  await expect(leader.getByTestId('approval-events')).toContainText('同意，请做好安全预案。');

  // Back with the applicant: approved, and told so in the message centre.
  await applicant.reload();
  await expect(applicant.getByTestId('approval-detail-status')).toHaveAttribute('data-status', 'approved');
  await expect(applicant.getByTestId('approval-detail-status')).toHaveText('已通过');
  await openFromMenu(applicant, '/approvals');
  const row = applicant.getByTestId('approvals-table').locator('.el-table__row', { hasText: title });
  await expect(row.getByTestId('approval-status')).toHaveAttribute('data-status', 'approved');
  await expect(applicant.getByTestId('header-unread-count')).toHaveText('1');
  await applicant.getByTestId('header-messages').click();
  await expect(applicant).toHaveURL(/\/messages$/);
  const notification = applicant.getByTestId('messages-table').locator('.el-table__row', { hasText: title });
  await expect(notification.getByTestId('message-unread-dot')).toBeVisible();
  await notification.locator('a').click();
  await expect(applicant.getByTestId('message-subject')).toContainText(title);
  await expect(applicant.getByTestId('header-unread-count')).toHaveText('0');
  // A system notification cannot be answered, but it leads to what it is about.
  await expect(applicant.getByTestId('message-reply-send')).toHaveCount(0);
  await applicant.getByTestId('message-open-link').click();
  await expect(applicant).toHaveURL(new RegExp(`${requestPath}$`));

  // PLT-4: the delivery log shows the applicant's in-app notification as read, a real signal.
  const admin = await signedIn(browser, adminCredentials().username, adminCredentials().password);
  await openFromMenu(admin, '/system/notifications');
  await admin.getByTestId('deliveries-filter-q').fill(people.applicant.name);
  await admin.getByTestId('deliveries-filter-kind').fill('approval.decided');
  await admin.getByTestId('deliveries-search').click();
  const delivery = admin.getByTestId('deliveries-table').locator('.el-table__row', { hasText: title });
  await expect(delivery).toHaveCount(1);
  await expect(delivery.getByTestId('delivery-status')).toHaveAttribute('data-status', 'read');

  for (const page of [applicant, head, leader, admin]) await page.context().close();
});

test('PLT-2 PLT-3 a returned request is changed and resubmitted, a task is transferred to a colleague, and a request is withdrawn', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Shenpi2026!';
  const head = { username: `e2ehd${stamp}`, name: `周主任${stamp}` };
  const deputy = { username: `e2edp${stamp}`, name: `吴副主任${stamp}` };
  const teacher = { username: `e2etc${stamp}`, name: `郑老师${stamp}` };
  const title = `关于更换教学楼投影设备的请示${stamp}`;

  const api = await adminApi(baseURL!);
  const department = await api.createDepartment({ code: `TH${stamp}`, name: `总务处${stamp}` });
  const headId = await api.createUser({ ...head, password, departmentId: department.id, roleCodes: ['department-head'] });
  await api.setDepartmentHead(department, headId);
  await api.createUser({ ...deputy, password, departmentId: department.id, roleCodes: ['department-head'] });
  await api.createUser({ ...teacher, password, departmentId: department.id, roleCodes: ['staff'] });
  await api.dispose();

  const applicant = await signedIn(browser, teacher.username, password);
  await openFromMenu(applicant, '/approvals');
  await applicant.getByTestId('approvals-create').click();
  await applicant.getByTestId('general-request-title').fill(title);
  await applicant.getByTestId('general-request-content').fill('三楼多媒体教室投影仪老化，申请更换。');
  await applicant.getByTestId('general-request-submit').click();
  await expect(applicant).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);

  // The head returns it: a reason is required.
  const approver = await signedIn(browser, head.username, password);
  await openFromInbox(approver, title);
  await approver.getByTestId('approval-action-return').click();
  const dialog = approver.getByTestId('approval-action-dialog');
  await dialog.getByTestId('approval-action-submit').click();
  await expect(dialog.locator('.el-form-item.is-error')).toHaveCount(1);
  await dialog.getByTestId('action-reason').fill('请补充设备型号和报价。');
  await dialog.getByTestId('approval-action-submit').click();
  await expect(dialog).toBeHidden();
  await expect(approver.getByTestId('approval-detail-status')).toHaveAttribute('data-status', 'returned');

  // The applicant finds it in their inbox, changes it and resubmits.
  await applicant.reload();
  await expect(applicant.getByTestId('header-todo-count')).toHaveText('1');
  await openFromInbox(applicant, title);
  await expect(applicant.getByTestId('approval-action-resubmit')).toBeVisible();
  await applicant.getByTestId('approval-action-resubmit').click();
  const resubmit = applicant.getByTestId('approval-action-dialog');
  await expect(resubmit.getByTestId('action-title')).toHaveValue(title);
  await resubmit.getByTestId('action-content').fill('三楼多媒体教室投影仪老化，申请更换为 EB-X51 型，报价 4800 元。');
  await resubmit.getByTestId('approval-action-submit').click();
  await expect(resubmit).toBeHidden();
  await expect(applicant.getByTestId('approval-detail-status')).toHaveAttribute('data-status', 'pending');
  await expect(applicant.getByTestId('approval-content')).toContainText('EB-X51');
  await expect(applicant.getByTestId('header-todo-count')).toHaveText('0');

  // The head transfers the new round's task to the deputy, chosen with the person picker.
  await approver.reload();
  await approver.getByTestId('approval-action-transfer').click();
  const transfer = approver.getByTestId('approval-action-dialog');
  await transfer.getByTestId('action-transfer-to').click();
  await approver.keyboard.type(deputy.username);
  await openDropdown(approver).locator('.el-select-dropdown__item', { hasText: deputy.name }).click();
  await transfer.getByTestId('approval-action-submit').click();
  await expect(transfer).toBeHidden();
  await expect(approver.getByTestId('approval-action-approve')).toHaveCount(0);
  await expect(approver.getByTestId('approval-events')).toContainText(deputy.name);

  const second = await signedIn(browser, deputy.username, password);
  await expect(second.getByTestId('header-todo-count')).toHaveText('1');
  await openFromInbox(second, title);
  await expect(second.getByTestId('approval-action-approve')).toBeVisible();

  // A second request is withdrawn before anyone decides, after a confirmation.
  const other = `${title}（二）`;
  await openFromMenu(applicant, '/approvals');
  await applicant.getByTestId('approvals-create').click();
  await applicant.getByTestId('general-request-title').fill(other);
  await applicant.getByTestId('general-request-content').fill('误提交，撤回。');
  await applicant.getByTestId('general-request-submit').click();
  await expect(applicant.getByTestId('approval-title')).toHaveText(other);
  await applicant.getByTestId('approval-action-withdraw').click();
  await applicant.locator('.el-message-box').getByRole('button').last().click();
  await expect(applicant.getByTestId('approval-detail-status')).toHaveAttribute('data-status', 'withdrawn');
  await expect(applicant.getByTestId('approval-actions').getByRole('button')).toHaveCount(0);

  for (const page of [applicant, approver, second]) await page.context().close();
});
