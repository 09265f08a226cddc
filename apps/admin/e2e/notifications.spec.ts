import { expect, test } from '@playwright/test';
import { adminCredentials, openFromMenu, signIn } from './support';

/**
 * PLT-4: channel settings keep secrets out of the panel. The e-mail channel is configured, then
 * its settings removed again, so that other tests do not send e-mail.
 */
test('PLT-4 a channel configured in the panel shows its secret masked, keeps it when other settings change, and is offered in my preferences', async ({
  page,
}) => {
  const admin = adminCredentials();
  await signIn(page, admin.username, admin.password);
  await openFromMenu(page, '/system/notifications');
  await page.getByTestId('notifications-tab-channels').click();
  const email = page.getByTestId('channel-email');

  await email.getByTestId('channel-email-url').fill('smtp://127.0.0.1:2525');
  await email.getByTestId('channel-email-from').fill('xiaoban@school.test');
  await email.getByTestId('channel-save-email').click();
  await expect(email.getByTestId('channel-configured-email')).toHaveText('已配置');
  // The secret comes back masked; the plain setting as it is.
  await expect(email.getByTestId('channel-email-url')).toHaveValue('********');
  await expect(email.getByTestId('channel-email-url')).toHaveAttribute('type', 'password');
  await expect(email.getByTestId('channel-email-from')).toHaveValue('xiaoban@school.test');
  await expect(email.getByTestId('channel-save-email')).toBeDisabled();

  // Changing the sender leaves the masked secret alone: the channel stays configured.
  await email.getByTestId('channel-email-from').fill('bangongshi@school.test');
  await email.getByTestId('channel-save-email').click();
  await expect(email.getByTestId('channel-email-from')).toHaveValue('bangongshi@school.test');
  await expect(email.getByTestId('channel-email-url')).toHaveValue('********');
  await expect(email.getByTestId('channel-configured-email')).toHaveText('已配置');

  // Configured, it is a channel a person may choose; in-app stays fixed on.
  await page.getByTestId('user-menu-trigger').click();
  await page.getByTestId('menu-notification-settings').click();
  const preferences = page.getByTestId('preferences-dialog');
  await expect(preferences.getByTestId('preference-email')).toBeVisible();
  await expect(preferences.getByTestId('preference-in-app').locator('input')).toBeDisabled();
  await preferences.getByTestId('preferences-submit').click();
  await expect(preferences).toBeHidden();

  // Clearing both settings removes them: the channel is no longer configured.
  await email.getByTestId('channel-email-url').fill('');
  await email.getByTestId('channel-email-from').fill('');
  await email.getByTestId('channel-save-email').click();
  await expect(email.getByTestId('channel-configured-email')).toHaveText('未配置完整');
});
