import { expect, test, type Page } from '@playwright/test';
import { adminApi } from './api';
import { openFromMenu, runStamp, signIn } from './support';

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

const ARCHIVE_NUMBER = /^Z\d{3}-WS·\d{4}-D30-BGS-\d{4}$/;

/** A one-page PDF standing in for the scanned copy. */
const SCAN = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('ADM-8 ADM-9 accession an archive item with its scanned copy and print its catalogue', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const stamp = runStamp();
  const password = 'Dangan2026!';
  const archivist = { username: `e2earchivist${stamp}`, name: `周档案${stamp}` };
  const title = `关于印发学校档案管理制度的通知${stamp}`;

  const api = await adminApi(baseURL!);
  await api.createUser({ ...archivist, password, roleCodes: ['archivist'] });
  await api.dispose();

  // The archivist takes a paper document into the archive (入库) through the form.
  await signIn(page, archivist.username, password);
  await openFromMenu(page, '/administration/archives');
  await page.getByTestId('archive-accession').click();
  const form = page.getByTestId('archive-accession-form');
  await form.getByTestId('accession-document-number').fill(`校办〔2026〕${stamp.slice(-2)}号`);
  await form.getByTestId('accession-responsible').fill('校长办公室');
  await form.getByTestId('accession-title').fill(title);
  await form.getByText('定期30年').click();
  const dateInput = form.getByTestId('accession-date').locator('input');
  await dateInput.fill('2026-03-05');
  await dateInput.press('Enter');
  await form.getByTestId('accession-shelf').fill('3排2列4层');
  // The digitised copy goes with it (ADM-9).
  await form.locator('input[type=file]').setInputFiles({ name: `${title}扫描件.pdf`, mimeType: 'application/pdf', buffer: SCAN });
  await expect(form.locator('[data-status="done"]')).toHaveCount(1);
  await page.getByTestId('accession-save').click();

  // The catalogue shows it with a 档号 of DA/T 22.
  const table = page.getByTestId('archive-items-table');
  await expect(table.locator('.el-table__row')).toHaveCount(1);
  const row = table.locator('.el-table__row').first();
  await expect(row).toContainText(title);
  const archiveNumber = (await row.locator('td').first().innerText()).trim();
  expect(archiveNumber).toMatch(ARCHIVE_NUMBER);
  await expect(row).toContainText('20260305');

  // The printed catalogue (归档文件目录) carries it, on A4 landscape.
  await page.getByTestId('archive-print-catalogue').click();
  await expect(page).toHaveURL(/\/administration\/archives\/print\/catalogue\?/);
  await expect(page.getByTestId('print-title')).toHaveText('归档文件目录');
  const sheet = page.getByTestId('archive-catalogue-print');
  await expect(sheet.locator('tbody tr')).toHaveCount(1);
  await expect(sheet.locator('tbody tr')).toContainText(archiveNumber);
  await expect(sheet.locator('tbody tr')).toContainText(title);
  await stubPrint(page);
  await page.getByTestId('archive-catalogue-print-button').click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  expect(await page.locator('#xb-print-page').textContent()).toContain('size: A4 landscape');
  await page.getByTestId('archive-print-back').click();
  await expect(page.getByTestId('archives-page')).toBeVisible();

  // The item keeps its scanned copy, with the SHA-256 it was stored with.
  await page.getByTestId('archive-items-table').locator('.el-table__row', { hasText: title }).click();
  await expect(page.getByText(`${title}扫描件.pdf`)).toBeVisible();
  await expect(page.locator('.archive-sha')).toContainText(/SHA-256 [0-9a-f]{64}/);
});
