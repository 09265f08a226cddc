import { expect, request, test } from '@playwright/test';
import { adminApi } from './api';
import { runStamp, signIn } from './support';

/**
 * MTG-6: the room screen shows a QR code; an attendee opens its link on a phone, logs in there,
 * signs in, and the organiser's meeting page counts them present.
 */
test('MTG-6 sign in from a phone-sized viewport through the QR page', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Qiandao2026!';
  const clerk = { username: `e2esignclerk${stamp}`, name: `会务员${stamp}` };
  const attendee = { username: `e2esignatt${stamp}`, name: `签到教师${stamp}` };

  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...clerk, password, roleCodes: ['office-clerk'] });
  const attendeeId = await admin.createUser({ ...attendee, password, roleCodes: ['staff'] });
  await admin.dispose();

  // The office sets up a room and a meeting that starts in a few minutes (through the API: meetings.spec.ts clicks through that).
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username: clerk.username, password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
  const room = await api.post('/api/v1/meetings/rooms', {
    data: { name: `签到会议室${stamp}`, building: '行政楼', floor: '2', capacity: 30, equipment: ['projector'] },
  });
  expect(room.ok(), await room.text()).toBe(true);
  const startsAt = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3 * 60_000);
  const meeting = await api.post('/api/v1/meetings', {
    data: {
      title: `全体教职工大会${stamp}`,
      typeCode: 'staff-assembly',
      roomId: ((await room.json()) as { id: string }).id,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      topics: [{ title: '学期工作总结' }],
      attendeeIds: [attendeeId],
    },
  });
  expect(meeting.ok(), await meeting.text()).toBe(true);
  const meetingId = ((await meeting.json()) as { id: string }).id;
  await api.dispose();

  // The organiser's meeting page: nobody present yet.
  const organiserContext = await browser.newContext();
  const organiser = await organiserContext.newPage();
  await signIn(organiser, clerk.username, password);
  await organiser.goto(`/meetings/${meetingId}`);
  const present = organiser.getByTestId('attendance-count-present');
  await expect(present).toHaveAttribute('data-count', '0');
  await expect(organiser.getByTestId('attendance-count-expected')).toHaveAttribute('data-count', '1');

  // The room screen, full screen: a QR code and, beside it, the link it encodes.
  const screen = await organiserContext.newPage();
  await screen.goto(`/meetings/${meetingId}/sign-in-screen`);
  await expect(screen.getByTestId('sign-in-qr')).toBeVisible();
  const link = await screen.getByTestId('sign-in-link').getAttribute('href');
  expect(link).toContain('/m/sign-in?code=');
  expect(await screen.getByTestId('sign-in-qr').getAttribute('data-url')).toBe(link);

  // The attendee's phone: not signed in, so the page asks for a login first and comes back.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto(link!);
  await expect(phone).toHaveURL(/\/login/);
  await phone.getByTestId('login-username').fill(attendee.username);
  await phone.getByTestId('login-password').fill(password);
  await phone.getByTestId('login-submit').click();
  await expect(phone.getByTestId('sign-in-phone')).toBeVisible();
  await phone.getByTestId('sign-in-confirm').tap();
  await expect(phone.getByTestId('sign-in-done')).toBeVisible();
  await expect(phone.getByTestId('sign-in-state')).toHaveText('出席');
  // The phone page fits the phone: no horizontal scrolling.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The organiser's page counts them, refreshed while the meeting is on (polling every 10 s).
  await expect(present).toHaveAttribute('data-count', '1', { timeout: 30_000 });
  await expect(organiser.getByTestId('attendance-table')).toContainText(attendee.name);
  await expect(screen.getByTestId('screen-count-present')).toContainText('1', { timeout: 30_000 });

  await phoneContext.close();
  await organiserContext.close();
});
