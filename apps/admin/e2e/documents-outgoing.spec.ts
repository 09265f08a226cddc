import { expect, request, test, type Browser, type Page } from '@playwright/test';
import { adminApi } from './api';
import { adminCredentials, openDropdown, openFromMenu, runStamp, signIn } from './support';

/** A person in a browser of their own: sessions live in localStorage, one per context. */
async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, password);
  return page;
}

/** Runs an action of the outgoing detail page through its dialog. */
async function act(page: Page, action: string, fill?: { field: string; text: string }): Promise<void> {
  await page.getByTestId(`outgoing-action-${action}`).click();
  const dialog = page.getByTestId('outgoing-action-dialog');
  if (fill) await dialog.getByTestId(fill.field).fill(fill.text);
  await dialog.getByTestId('outgoing-action-submit').click();
  await expect(dialog).toBeHidden();
}

/** Whether the school has the issuer code already (the browser run's database is shared by the tests). */
async function prefixExists(baseURL: string, code: string): Promise<boolean> {
  const admin = adminCredentials();
  const context = await request.newContext({ baseURL });
  const login = await context.post('/api/v1/auth/login', { data: admin });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const response = await context.get('/api/v1/documents/outgoing/prefixes', { headers: { Authorization: `Bearer ${accessToken}` } });
  const prefixes = (await response.json()) as { code: string }[];
  await context.dispose();
  return prefixes.some((prefix) => prefix.code === code);
}

test('DOC-7 DOC-12 draft an outgoing document through 核稿, 审核 and the leader’s 签发 until it has its number 校办〔YYYY〕N号', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const stamp = runStamp();
  const password = 'Fawen2026!';
  const people = {
    drafter: { username: `e2eodrafter${stamp}`, name: `林老师${stamp}` },
    clerk: { username: `e2eoclerk${stamp}`, name: `许文员${stamp}` },
    director: { username: `e2eodirector${stamp}`, name: `何主任${stamp}` },
    leader: { username: `e2eoleader${stamp}`, name: `陈校长${stamp}` },
  };
  const departmentName = `德育处${stamp}`;
  const title = `关于做好2026年寒假安全工作的通知${stamp}`;

  const api = await adminApi(baseURL!);
  const department = await api.createDepartment({ code: `FW${stamp}`, name: departmentName });
  await api.createUser({ ...people.drafter, password, departmentId: department.id, roleCodes: ['staff'] });
  await api.createUser({ ...people.clerk, password, roleCodes: ['office-clerk'] });
  await api.createUser({ ...people.director, password, roleCodes: ['office-director'] });
  await api.createUser({ ...people.leader, password, roleCodes: ['school-leader'] });
  await api.dispose();

  // The office director sets up the issuer code 校办 (代字), once per school.
  if (!(await prefixExists(baseURL!, '校办'))) {
    const director = await signedIn(browser, people.director.username, password);
    await openFromMenu(director, '/documents/outgoing/prefixes');
    await director.getByTestId('prefix-create').click();
    const dialog = director.getByTestId('prefix-dialog');
    await dialog.getByTestId('prefix-code').fill('校办');
    await dialog.getByTestId('prefix-name').fill('学校办公室发文');
    await dialog.getByTestId('prefix-submit').click();
    await expect(dialog).toBeHidden();
    await expect(director.getByTestId('prefix-table')).toContainText('学校办公室发文');
    await director.context().close();
  }

  // 拟稿: the teacher drafts it with the standard's elements; 份号 and 保密期限 exist only when classified.
  const drafter = await signedIn(browser, people.drafter.username, password);
  await openFromMenu(drafter, '/documents/outgoing');
  await drafter.getByTestId('outgoing-draft').click();
  const form = drafter.getByTestId('outgoing-form-dialog');
  await expect(form.getByTestId('outgoing-copy-number')).toHaveCount(0);
  await form.getByTestId('outgoing-secrecy').click();
  await openDropdown(drafter).locator('.el-select-dropdown__item', { hasText: '秘密' }).click();
  await expect(form.getByTestId('outgoing-copy-number')).toBeVisible();
  await expect(form.getByTestId('outgoing-secrecy-period')).toBeVisible();
  await form.getByTestId('outgoing-secrecy').click();
  await openDropdown(drafter).locator('.el-select-dropdown__item', { hasText: '非密' }).click();
  await expect(form.getByTestId('outgoing-copy-number')).toHaveCount(0);
  await form.getByTestId('outgoing-title').fill(title);
  await form.getByTestId('outgoing-main-recipients').fill('各处室、各年级组');
  await form.getByTestId('outgoing-body').fill('寒假将至，为确保师生度过一个安全、平安的假期，现就有关事项通知如下。');
  await form.getByTestId('outgoing-form-submit').click();
  await expect(form).toBeHidden();
  await expect(drafter).toHaveURL(/\/documents\/outgoing\/[0-9a-f-]{36}$/);
  const detailPath = new URL(drafter.url()).pathname;
  await expect(drafter.getByTestId('outgoing-detail-status')).toHaveAttribute('data-status', 'draft');

  // The lint panel lists every rule by name; without the issuer mark (发文机关标志) one fails.
  await expect(drafter.getByTestId('lint-rule-issuer-mark')).toHaveAttribute('data-result', 'fail');
  await expect(drafter.getByTestId('lint-rule-main-recipient')).toHaveAttribute('data-result', 'pass');
  await expect(drafter.getByTestId('outgoing-lint')).toHaveAttribute('data-passes', 'false');
  await drafter.getByTestId('outgoing-edit').click();
  await form.getByTestId('outgoing-issuer-mark').fill('某某市第一中学文件');
  await form.getByTestId('outgoing-form-submit').click();
  await expect(form).toBeHidden();
  await expect(drafter.getByTestId('lint-rule-issuer-mark')).toHaveAttribute('data-result', 'pass');
  await expect(drafter.getByTestId('outgoing-lint')).toHaveAttribute('data-passes', 'true');

  // 送核稿, then the office's 核稿 and 审核, which sends it to the leaders for 签发.
  await act(drafter, 'submit');
  await expect(drafter.getByTestId('outgoing-detail-status')).toHaveAttribute('data-status', 'checking');
  await expect(drafter.getByTestId('outgoing-action-check')).toHaveCount(0);

  const clerk = await signedIn(browser, people.clerk.username, password);
  await clerk.goto(detailPath);
  await act(clerk, 'check', { field: 'outgoing-action-note', text: '文字已核。' });
  await expect(clerk.getByTestId('outgoing-detail-status')).toHaveAttribute('data-status', 'office-review');
  await expect(clerk.getByTestId('outgoing-action-return')).toBeVisible();
  await act(clerk, 'request-signoff');
  await expect(clerk.getByTestId('outgoing-detail-status')).toHaveAttribute('data-status', 'signing');
  await expect(clerk.getByTestId('outgoing-action-register')).toHaveCount(0);

  // 签发: the school leader approves the sign-off request from their inbox.
  const leader = await signedIn(browser, people.leader.username, password);
  await leader.getByTestId('header-todo').click();
  await leader.getByTestId('inbox-table').locator('.el-table__row', { hasText: title }).locator('a').click();
  await expect(leader).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);
  await leader.getByTestId('approval-action-approve').click();
  const approval = leader.getByTestId('approval-action-dialog');
  await approval.getByTestId('action-comment').fill('同意印发。');
  await approval.getByTestId('approval-action-submit').click();
  await expect(approval).toBeHidden();
  await expect(leader.getByTestId('approval-detail-status')).toHaveAttribute('data-status', 'approved');

  // 复核 and 登记: the office checks it once more and numbers it under 校办.
  // The approval's outcome reaches the document through the workflow's worker: the page shows it on a reload.
  await expect(async () => {
    await clerk.reload();
    await expect(clerk.getByTestId('outgoing-detail-status')).toHaveAttribute('data-status', 'signed', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(clerk.getByTestId('outgoing-signed-by')).toHaveText(people.leader.name);
  await act(clerk, 'review');
  await expect(clerk.getByTestId('outgoing-detail-status')).toHaveAttribute('data-status', 'reviewed');
  await clerk.getByTestId('outgoing-action-register').click();
  const register = clerk.getByTestId('outgoing-action-dialog');
  await register.getByTestId('outgoing-register-prefix').click();
  await openDropdown(clerk).getByTestId('outgoing-prefix-option-校办').click();
  // The distribution list starts from the draft's main recipients.
  await expect(register.getByTestId('distribution-org-0')).toHaveValue('各处室');
  await expect(register.getByTestId('distribution-org-1')).toHaveValue('各年级组');
  await register.getByTestId('outgoing-action-submit').click();
  await expect(register).toBeHidden();
  await expect(clerk.getByTestId('outgoing-detail-status')).toHaveAttribute('data-status', 'registered');
  const year = new Date().getFullYear();
  await expect(clerk.getByTestId('outgoing-detail-number')).toHaveText(new RegExp(`^校办〔(${year}|${year + 1})〕[1-9]\\d*号$`));
  const number = (await clerk.getByTestId('outgoing-detail-number').textContent())!.trim();
  await expect(clerk.getByTestId('outgoing-distributions')).toContainText('各年级组');

  // 印制 (with the 印发机关 the printing lint asks for), 校对, 用印, 分发; the office records a paper receipt.
  await act(clerk, 'print', { field: 'outgoing-print-org', text: '某某市第一中学办公室' });
  await expect(clerk.getByTestId('outgoing-detail-status')).toHaveAttribute('data-status', 'printed');
  await act(clerk, 'proofread');
  await act(clerk, 'seal');
  await expect(clerk.getByTestId('outgoing-detail-status')).toHaveAttribute('data-status', 'sealed');
  await act(clerk, 'distribute');
  await expect(clerk.getByTestId('outgoing-detail-status')).toHaveAttribute('data-status', 'distributed');
  await clerk.locator('[data-testid^="distribution-confirm-"]').first().click();
  const receipt = clerk.getByTestId('outgoing-action-dialog');
  await receipt.getByTestId('outgoing-receipt-name').fill('赵干事');
  await receipt.getByTestId('outgoing-action-submit').click();
  await expect(receipt).toBeHidden();
  await expect(clerk.getByTestId('outgoing-distributions')).toContainText('赵干事');

  // DOC-12: the 发文稿纸 prints the record: number, title, drafting unit, signer, who checked and proofread.
  await clerk.getByTestId('outgoing-print-sheet').click();
  const sheet = clerk.getByTestId('outgoing-sheet');
  await expect(sheet.getByTestId('sheet-number')).toHaveText(number);
  await expect(sheet.getByTestId('sheet-title')).toHaveText(title);
  await expect(sheet.getByTestId('sheet-department')).toHaveText(departmentName);
  await expect(sheet.getByTestId('sheet-drafter')).toHaveText(people.drafter.name);
  await expect(sheet.getByTestId('sheet-signoff')).toContainText(people.leader.name);
  await expect(sheet.getByTestId('sheet-signoff')).toContainText('同意印发。');
  await expect(sheet.getByTestId('sheet-checked')).toContainText(people.clerk.name);
  await expect(sheet.getByTestId('sheet-main')).toHaveText('各处室、各年级组');
  await expect(sheet).toContainText('某某市第一中学办公室');
  await clerk.evaluate(() => {
    window.print = () => undefined;
  });
  await clerk.getByTestId('outgoing-sheet-print').click();
  expect(await clerk.locator('#xb-print-page').textContent()).toContain('size: A4 portrait');

  // The register finds it by its number; the number log shows the number used and no gap.
  await clerk.goto('/documents/outgoing');
  await clerk.getByTestId('outgoing-filter-number').fill(number);
  await clerk.getByTestId('outgoing-search').click();
  await expect(clerk.getByTestId('outgoing-table').locator('.el-table__row')).toHaveCount(1);
  await expect(clerk.getByTestId('outgoing-table')).toContainText(title);
  // The 发文登记簿 prints the same rows on A4 landscape.
  await clerk.evaluate(() => {
    window.print = () => undefined;
  });
  await clerk.getByTestId('outgoing-print').click();
  await expect(clerk.getByTestId('outgoing-register-print').locator('tbody tr')).toHaveCount(1);
  await expect(clerk.getByTestId('outgoing-register-print')).toContainText(number);
  const downloading = clerk.waitForEvent('download');
  await clerk.getByTestId('outgoing-export').click();
  expect((await downloading).suggestedFilename()).toMatch(/\.xlsx$/);
  await clerk.getByTestId('outgoing-prefixes').click();
  await clerk.getByTestId('prefix-log-校办').click();
  await expect(clerk.getByTestId('number-table')).toContainText(number);
  await expect(clerk.getByTestId('number-missing')).toHaveText('无断号');
});
