import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

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
}

test("MTG-8 MTG-9 draft, approve and publish the minutes; the resolution task appears in its owner's inbox", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const stamp = runStamp();
  const password = 'Jiyao2026!';
  const people = {
    clerk: { username: `e2eminclerk${stamp}`, name: `会务文员${stamp}` },
    leader: { username: `e2eminlead${stamp}`, name: `分管校长${stamp}` },
    owner: { username: `e2eminowner${stamp}`, name: `总务主任${stamp}` },
  };
  const title = `校务会${stamp}`;

  // The people, and a meeting that was held, set up through the API (meetings.spec.ts clicks through creating one).
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...people.clerk, password, roleCodes: ['office-clerk'] });
  await admin.createUser({ ...people.leader, password, roleCodes: ['school-leader'] });
  const ownerId = await admin.createUser({ ...people.owner, password, roleCodes: ['staff'] });
  await admin.dispose();
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username: people.clerk.username, password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  const asClerk = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
  const created = await asClerk.post('/api/v1/meetings', {
    data: {
      title,
      typeCode: 'school-affairs',
      location: '行政楼三楼第一会议室',
      startsAt: '2031-06-03T14:30:00+08:00',
      endsAt: '2031-06-03T16:00:00+08:00',
      attendeeIds: [ownerId],
      topics: [{ title: '暑期校舍维修安排' }],
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const meetingId = ((await created.json()) as { id: string }).id;
  for (const step of ['confirm-agenda', 'notify']) {
    const res = await asClerk.post(`/api/v1/meetings/${meetingId}/${step}`);
    expect(res.ok(), await res.text()).toBe(true);
  }
  await asClerk.dispose();

  // MTG-9: the organiser records a resolution with a task for the 总务主任.
  const clerk = await signedIn(browser, people.clerk.username, password);
  await clerk.goto(`/meetings/${meetingId}`);
  await clerk.getByTestId('resolution-add').click();
  await clerk.getByTestId('resolution-text').fill('同意暑期对教学楼屋面进行防水维修');
  await clerk.getByTestId('resolution-task-owner-0').click();
  await clerk.keyboard.type(people.owner.username);
  await openDropdown(clerk).locator('.el-select-dropdown__item', { hasText: people.owner.name }).click();
  await clerk.getByTestId('resolution-text').click(); // closes the dropdown
  await clerk.getByTestId('resolution-save').click();
  await expect(clerk.getByTestId('resolution-1')).toContainText('同意暑期对教学楼屋面进行防水维修');
  await expect(clerk.getByTestId('resolution-1')).toContainText(people.owner.name);

  // MTG-8: the draft comes from the template; the organiser writes the topic's text and sends it to review.
  await clerk.getByTestId('minutes-draft').click();
  await expect(clerk.getByTestId('minutes-status')).toHaveText('草稿');
  await expect(clerk.getByTestId('minutes-header')).toContainText('行政楼三楼第一会议室');
  await expect(clerk.getByTestId('minutes-header')).toContainText(people.owner.name);
  await expect(clerk.getByTestId('minutes-resolutions')).toContainText('同意暑期对教学楼屋面进行防水维修');
  await clerk.getByTestId('minutes-topic-text-0').fill('总务处汇报了暑期维修计划，会议原则同意。');
  await clerk.getByTestId('minutes-save').click();
  await expect(clerk.getByText('纪要已保存')).toBeVisible();
  await clerk.getByTestId('minutes-submit').click();
  await expect(clerk.getByTestId('minutes-status')).toHaveText('审核中');
  await expect(clerk.getByTestId('minutes-publish')).toHaveCount(0);

  // The leader reviews it from the inbox and approves.
  const leader = await signedIn(browser, people.leader.username, password);
  await openFromInbox(leader, `纪要审核：${title}纪要`);
  await expect(leader).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);
  await leader.getByTestId('approval-action-approve').click();
  const dialog = leader.getByTestId('approval-action-dialog');
  await dialog.getByTestId('action-comment').fill('同意发布。');
  await dialog.getByTestId('approval-action-submit').click();
  await expect(dialog).toBeHidden();

  // Approved (the outcome reaches the minutes through a job): the organiser publishes.
  await expect(async () => {
    await clerk.reload();
    await expect(clerk.getByTestId('minutes-status')).toHaveText('已审核', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await clerk.getByTestId('minutes-publish').click();
  await expect(clerk.getByTestId('minutes-status')).toHaveText('已发布');

  // The owner finds the task in their inbox, records progress and finishes it; the minutes reached them too.
  const owner = await signedIn(browser, people.owner.username, password);
  await owner.getByTestId('header-todo').click();
  await expect(owner.getByTestId('inbox-table')).toContainText(`阅读会议纪要：${title}纪要`);
  await openFromInbox(owner, '决议落实：同意暑期对教学楼屋面进行防水维修');
  await expect(owner).toHaveURL(/\/meetings\/resolution-tasks\/[0-9a-f-]{36}$/);
  await expect(owner.getByTestId('resolution-task-text')).toHaveText('同意暑期对教学楼屋面进行防水维修');
  await expect(owner.getByTestId('resolution-task-status')).toHaveText('未开始');
  await owner.getByTestId('resolution-task-note').fill('已完成招标，七月中旬开工');
  await owner.getByTestId('resolution-task-set-in-progress').click();
  await owner.getByTestId('resolution-task-record').click();
  await expect(owner.getByTestId('resolution-task-status')).toHaveText('推进中');
  await expect(owner.getByTestId('resolution-task-updates')).toContainText('已完成招标，七月中旬开工');

  // Its owner read the published minutes and gives feedback.
  await owner.goto(`/meetings/${meetingId}`);
  await expect(owner.getByTestId('minutes-status')).toHaveText('已发布');
  await owner.getByTestId('minutes-feedback-input').fill('维修期间请注意防火。');
  await owner.getByTestId('minutes-feedback-send').click();
  await expect(owner.getByTestId('minutes-feedback')).toContainText('维修期间请注意防火。');

  // MTG-9: the report lists the resolution with its task's state.
  await openFromMenu(clerk, '/meetings/resolutions');
  const row = clerk.getByTestId('resolution-report-table').locator('.el-table__row', { hasText: '同意暑期对教学楼屋面进行防水维修' });
  await expect(row).toContainText(people.owner.name);
  await expect(row).toContainText('推进中');
});
