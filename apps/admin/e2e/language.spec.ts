import { expect, test } from '@playwright/test';
import { adminCredentials, openFromMenu, signIn } from './support';

test('PLT-10 switching the language to English changes the UI text, and back', async ({ page }) => {
  const admin = adminCredentials();
  await signIn(page, admin.username, admin.password);
  await openFromMenu(page, '/system/users');

  const systemMenu = page.getByTestId('menu-module-system').locator('.el-sub-menu__title');
  const pager = page.locator('.el-pagination__total');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(systemMenu).toHaveText('系统管理');
  await expect(pager).toContainText('共');

  await page.getByTestId('language-switch-trigger').click();
  await page.getByTestId('language-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(systemMenu).toHaveText('System');
  await expect(page.getByTestId('menu-item-/system/users')).toHaveText('Accounts');
  // Element Plus switches with the panel: the pager's own text is English now.
  await expect(pager).toContainText('Total');

  // The choice survives a reload.
  await page.reload();
  await expect(systemMenu).toHaveText('System');

  await page.getByTestId('language-switch-trigger').click();
  await page.getByTestId('language-zh-CN').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(systemMenu).toHaveText('系统管理');
  await expect(pager).toContainText('共');
});
