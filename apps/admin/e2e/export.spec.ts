import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { adminCredentials, openFromMenu, signIn } from './support';

/** PLT-7: the accounts list downloads as an .xlsx with the filters on screen. */
test('PLT-7 the users list exports to Excel', async ({ page }) => {
  const admin = adminCredentials();
  await signIn(page, admin.username, admin.password);
  await openFromMenu(page, '/system/users');
  await page.getByTestId('users-filter-q').fill(admin.username);
  await page.getByTestId('users-search').click();
  await expect(page.getByTestId('users-table')).toContainText(admin.username);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('users-export').click();
  const download = await downloading;

  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = await download.path();
  const bytes = await readFile(path);
  // An .xlsx is a zip archive.
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.locator('.el-message--success')).toBeVisible();
});
