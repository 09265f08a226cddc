import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { adminApi } from './api';
import { runStamp, signIn } from './support';

/** A person in a browser of their own: sessions live in localStorage, one per context. */
async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, password);
  return page;
}

/** Calls the API as one person: the steps this test does not click through (documents.spec.ts clicks them). */
async function apiAs(baseURL: string, username: string, password: string) {
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username, password } });
  expect(login.ok(), await login.text()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
  return async (path: string, data: object = {}): Promise<{ id: string }> => {
    const response = await context.post(path, { data });
    expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as { id: string };
  };
}

/** Lets print() run without the browser's dialog, and counts the calls. */
async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { print: () => void; printed: number };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
}

const printedCount = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);

test('DOC-12 DOC-2 the 收文处理单 prints the document’s data, also for its responsible person before routing; the 收文登记簿 prints the filtered rows on A4', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Shouwen2026!';
  const people = {
    clerk: { username: `e2epclerk${stamp}`, name: `钱文员${stamp}` },
    head: { username: `e2ephead${stamp}`, name: `郑主任${stamp}` },
    leader: { username: `e2epleader${stamp}`, name: `王校长${stamp}` },
  };
  const departmentName = `德育处${stamp}`;
  const title = `关于开展校园安全隐患排查的紧急通知${stamp}`;
  const senderNumber = `区教〔2026〕${stamp.slice(-3)}号`;

  const admin = await adminApi(baseURL!);
  const department = await admin.createDepartment({ code: `DY${stamp}`, name: departmentName });
  const headId = await admin.createUser({ ...people.head, password, departmentId: department.id, roleCodes: ['department-head'] });
  await admin.setDepartmentHead(department, headId);
  await admin.createUser({ ...people.clerk, password, roleCodes: ['office-clerk'] });
  const leaderId = await admin.createUser({ ...people.leader, password, roleCodes: ['school-leader'] });
  await admin.dispose();

  // A 特急 document for which the school leader is responsible (DOC-2), registered by the clerk.
  const clerkApi = await apiAs(baseURL!, people.clerk.username, password);
  const { id } = await clerkApi('/api/v1/documents/incoming', {
    title,
    sourceOrg: '区教育局',
    senderNumber,
    docType: 'notice',
    urgency: 'extra-urgent',
    copies: 3,
    responsibleId: leaderId,
  });

  // The responsible person opens it from their inbox before it is routed, and its slip.
  const leader = await signedIn(browser, people.leader.username, password);
  await leader.getByTestId('header-todo').click();
  await leader.getByTestId(`inbox-item-${id}`).click();
  await expect(leader.getByTestId('incoming-detail-title')).toHaveText(title);
  await leader.getByTestId('incoming-print-slip').click();
  await expect(leader).toHaveURL(new RegExp(`/documents/incoming/${id}/print$`));
  const leaderSlip = leader.getByTestId('incoming-slip');
  await expect(leader.getByTestId('print-title')).toHaveText('收文处理单');
  await expect(leaderSlip.getByTestId('slip-title')).toHaveText(title);
  await expect(leaderSlip.getByTestId('slip-source-org')).toHaveText('区教育局');
  await expect(leaderSlip.getByTestId('slip-sender-number')).toHaveText(senderNumber);
  await expect(leaderSlip.getByTestId('slip-number')).toHaveText(/^收〔\d{4}〕\d{4}$/);
  await expect(leaderSlip.getByTestId('slip-urgency')).toHaveText('特急');
  await expect(leaderSlip.getByTestId('slip-copies')).toHaveText('3');

  // Through 初审, 拟办, 批办, 分送 and 承办, the handwritten parts fill in.
  await clerkApi(`/api/v1/documents/incoming/${id}/review`);
  await clerkApi(`/api/v1/documents/incoming/${id}/propose`, { proposal: '拟请德育处主办，立即组织排查。', leaderId });
  const leaderApi = await apiAs(baseURL!, people.leader.username, password);
  await leaderApi(`/api/v1/documents/incoming/${id}/instruct`, { instruction: '同意，三日内报送排查结果。' });
  await clerkApi(`/api/v1/documents/incoming/${id}/route`, { receivers: [{ departmentId: department.id, lead: true }] });
  const headApi = await apiAs(baseURL!, people.head.username, password);
  await headApi(`/api/v1/documents/incoming/${id}/confirm`);
  await headApi(`/api/v1/documents/incoming/${id}/opinion`, { opinion: '已完成全校排查，整改隐患两处。' });

  const clerk = await signedIn(browser, people.clerk.username, password);
  await clerk.goto(`/documents/incoming/${id}`);
  await clerk.getByTestId('incoming-print-slip').click();
  const slip = clerk.getByTestId('incoming-slip');
  await expect(slip.getByTestId('slip-proposal')).toHaveText('拟请德育处主办，立即组织排查。');
  await expect(slip.getByTestId('slip-instruction')).toContainText(`同意，三日内报送排查结果。（${people.leader.name}）`);
  await expect(slip.getByTestId('slip-departments')).toHaveText(`${departmentName}（主办）`);
  await expect(slip.getByTestId('slip-result')).toContainText(`${departmentName}：已完成全校排查，整改隐患两处。`);
  await stubPrint(clerk);
  await clerk.getByTestId('incoming-slip-print').click();
  expect(await printedCount(clerk)).toBe(1);
  // The A4 page rule is installed for the sheet.
  expect(await clerk.locator('#xb-print-page').textContent()).toContain('size: A4 portrait');
  await clerk.getByTestId('incoming-slip-back').click();
  await expect(clerk.getByTestId('incoming-detail-title')).toHaveText(title);

  // The register prints what the filters match, on A4 landscape.
  await clerk.getByTestId('incoming-back').click();
  await clerk.getByTestId('incoming-filter-q').fill(title);
  await clerk.getByTestId('incoming-search').click();
  await expect(clerk.getByTestId('incoming-table').locator('.el-table__row')).toHaveCount(1);
  await stubPrint(clerk);
  await clerk.getByTestId('incoming-print').click();
  await expect.poll(() => printedCount(clerk)).toBe(1);
  const register = clerk.getByTestId('incoming-register-print');
  await expect(register.locator('tbody tr')).toHaveCount(1);
  await expect(register.locator('tbody tr')).toContainText(title);
  await expect(register.locator('tbody tr')).toContainText(senderNumber);
  expect(await clerk.locator('#xb-print-page').textContent()).toContain('size: A4 landscape');
});
