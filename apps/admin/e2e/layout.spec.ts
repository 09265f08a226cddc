import { expect, test } from '@playwright/test';
import { adminCredentials, signIn } from './support';

test('LOG-9 MTG-6 on a phone the menu folds into a drawer and the page gets the whole width', async ({ browser }) => {
  const admin = adminCredentials();
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await signIn(phone, admin.username, admin.password);

  // No fixed sidebar eating half the screen: the page spans the viewport.
  await expect(phone.getByTestId('sidebar')).toBeHidden();
  const main = await phone.locator('.app-layout__main').boundingBox();
  expect(main?.width).toBeGreaterThanOrEqual(380);

  // The menu opens from the header, a page is chosen, and the drawer gets out of the way.
  await phone.getByTestId('menu-toggle').tap();
  await expect(phone.getByTestId('menu-drawer').getByTestId('sidebar')).toBeVisible();
  await phone.getByTestId('menu-item-/system/users').tap();
  await expect(phone).toHaveURL(/\/system\/users$/);
  await expect(phone.getByTestId('sidebar')).toBeHidden();
  await phoneContext.close();
});
