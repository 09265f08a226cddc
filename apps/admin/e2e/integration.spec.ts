import { expect, request, test } from '@playwright/test';
import { adminCredentials, openDropdown, openFromMenu, runStamp, signIn } from './support';

/**
 * PLT-9: an administrator issues an API token for another school system. The secret is shown
 * once, works with exactly its scopes, and is nowhere to be seen afterwards.
 */
test('PLT-9 an administrator creates an API token and sees its secret once', async ({ page, baseURL }) => {
  const name = `e2e数据中心${runStamp()}`;
  const admin = adminCredentials();
  await signIn(page, admin.username, admin.password);
  await openFromMenu(page, '/system/integration/tokens');

  await page.getByTestId('tokens-create').click();
  const form = page.getByTestId('token-form-dialog');
  await form.getByTestId('token-name').fill(name);
  await form.getByTestId('token-scopes').click();
  await openDropdown(page).getByTestId('token-scope-option-org.read').click();
  await page.keyboard.press('Escape');
  await form.getByTestId('token-form-submit').click();
  await expect(form).toBeHidden();

  const secretDialog = page.getByTestId('secret-dialog');
  await expect(secretDialog).toBeVisible();
  const secret = await secretDialog.getByTestId('secret-value').inputValue();
  expect(secret).toMatch(/^xbt_\S{20,}$/);
  await secretDialog.getByTestId('secret-done').click();
  await expect(secretDialog).toBeHidden();

  const row = page.getByTestId('tokens-table').locator('.el-table__row', { hasText: name });
  await expect(row.getByTestId('token-status')).toHaveAttribute('data-status', 'active');
  const prefix = (await row.getByTestId('token-prefix').innerText()).replace('…', '');
  expect(secret.startsWith(prefix)).toBe(true);

  // The other system may read accounts with it, and nothing else.
  const system = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  expect((await system.get('/api/v1/org/users')).status()).toBe(200);
  expect((await system.get('/api/v1/audit/logs')).status()).toBe(403);
  await system.dispose();

  // Shown once: neither the page nor a fresh load of it holds the secret.
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  await expect(page.getByTestId('tokens-table')).toContainText(name);
  expect(await page.content()).not.toContain(secret);
});
