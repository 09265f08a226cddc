import { expect, test, type Browser, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, openFromMenu, runStamp, signIn } from './support';

/** A person in a browser of their own: sessions live in localStorage, one per context. */
async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

/** Chooses a colleague in a UserPicker by typing their username. */
async function pickPerson(page: Page, picker: ReturnType<Page['getByTestId']>, person: { username: string; name: string }): Promise<void> {
  await picker.click();
  await page.keyboard.type(person.username);
  await openDropdown(page).locator('.el-select-dropdown__item', { hasText: person.name }).click();
}

/** A one-page PDF, enough for the file to be stamped. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('ADM-5 apply for a seal, a leader approves it, and the custodian registers its use', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Yongyin2026!';
  const people = {
    applicant: { username: `e2esealapp${stamp}`, name: `刘申请${stamp}` },
    leader: { username: `e2esealleader${stamp}`, name: `吴校长${stamp}` },
    custodian: { username: `e2esealkeeper${stamp}`, name: `赵保管${stamp}` },
    supervisor: { username: `e2esealwatch${stamp}`, name: `钱监印${stamp}` },
  };
  const sealName = `学校公章${stamp}`;
  const title = `校企合作协议${stamp}`;

  // The people and the seal through the API; the seal register's own page is not what this test is about.
  const api = await adminApi(baseURL!);
  await api.createUser({ ...people.applicant, password, roleCodes: ['staff'] });
  await api.createUser({ ...people.leader, password, roleCodes: ['school-leader'] });
  const custodianId = await api.createUser({ ...people.custodian, password, roleCodes: ['seal-custodian'] });
  await api.createUser({ ...people.supervisor, password, roleCodes: ['office-clerk'] });
  const created = await api.context.post('/api/v1/administration/seals', { data: { name: sealName, sealType: 'official', custodianId } });
  expect(created.ok(), await created.text()).toBe(true);
  await api.dispose();

  // The applicant applies, attaching the file to be stamped.
  const applicant = await signedIn(browser, people.applicant.username, password);
  await openFromMenu(applicant, '/administration/seal-uses');
  await applicant.getByTestId('seal-apply').click();
  const form = applicant.getByTestId('seal-apply-form');
  await form.getByTestId('seal-apply-seal').click();
  await openDropdown(applicant).locator('.el-select-dropdown__item', { hasText: sealName }).click();
  await form.getByTestId('seal-apply-title').fill(title);
  await form.getByTestId('seal-apply-reason').fill('与合作企业签署实习基地协议');
  await form.locator('input[type=file]').setInputFiles({ name: `${title}.pdf`, mimeType: 'application/pdf', buffer: PDF });
  await expect(form.locator('[data-status="done"]')).toHaveCount(1);
  await form.getByTestId('seal-apply-submit').click();
  await expect(form).toBeHidden();
  const detail = applicant.getByTestId('seal-application-detail');
  await expect(detail.getByTestId('seal-application-status')).toHaveText('审批中');
  await expect(detail).toContainText('SHA-256');
  await detail.getByTestId('seal-application-approval').click();
  await expect(applicant).toHaveURL(/\/approvals\/[0-9a-f-]{36}$/);
  const approvalPath = new URL(applicant.url()).pathname;

  // The official seal's chain is the school leader's: they approve.
  const leader = await signedIn(browser, people.leader.username, password);
  await leader.goto(approvalPath);
  await leader.getByTestId('approval-action-approve').click();
  const dialog = leader.getByTestId('approval-action-dialog');
  await dialog.getByTestId('action-comment').fill('同意用印');
  await dialog.getByTestId('approval-action-submit').click();
  await expect(dialog).toBeHidden();

  // The custodian sees it approved (the outcome arrives through a job) and registers the use.
  const custodian = await signedIn(browser, people.custodian.username, password);
  await openFromMenu(custodian, '/administration/seal-uses');
  const row = custodian.getByTestId('seal-applications-table').locator('.el-table__row', { hasText: title });
  await expect(async () => {
    await custodian.reload();
    await expect(row).toContainText('已批准', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.click();
  const use = custodian.getByTestId('seal-use-form');
  await pickPerson(custodian, use.getByTestId('seal-use-handled-by'), people.applicant);
  await pickPerson(custodian, use.getByTestId('seal-use-supervised-by'), people.supervisor);
  await use.getByTestId('seal-use-submit').click();
  const registered = custodian.getByTestId('seal-application-detail');
  await expect(registered.getByTestId('seal-application-status')).toHaveText('已用毕');
  await expect(registered.getByTestId('seal-application-left')).toHaveText('0');
  await expect(registered.getByTestId('seal-application-uses')).toContainText(people.supervisor.name);
  // Spent: no further use can be registered.
  await expect(custodian.getByTestId('seal-use-form')).toHaveCount(0);

  // The seal-use register lists it.
  await custodian.keyboard.press('Escape');
  await expect(registered).toBeHidden();
  await custodian.locator('#tab-register').click();
  await expect(custodian.getByTestId('seal-register-table')).toContainText(title);
});
