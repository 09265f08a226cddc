import { expect, request, test, type Locator } from '@playwright/test';
import { adminApi } from './api';
import { openDropdown, runStamp, signIn } from './support';

/** A one-page PDF, enough for a meeting material. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The <input> of an Element Plus field: the test id sits on the input itself or on its wrapper. */
async function inputOf(field: Locator): Promise<Locator> {
  return (await field.evaluate((element) => element.tagName)) === 'INPUT' ? field : field.locator('input');
}

/** Logs in through the API and creates a room and a meeting in it with one attendee; answers the meeting's id. */
async function meetingThroughApi(
  baseURL: string,
  organiser: { username: string; password: string },
  input: { startsAt: Date; attendeeId: string; title: string },
): Promise<string> {
  const anonymous = await request.newContext({ baseURL });
  const login = await anonymous.post('/api/v1/auth/login', { data: { username: organiser.username, password: organiser.password } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
  const room = await api.post('/api/v1/meetings/rooms', {
    data: { name: `会议室${input.title}`, building: '行政楼', floor: '2', capacity: 30, equipment: ['projector', 'audio', 'microphones'] },
  });
  expect(room.ok(), await room.text()).toBe(true);
  const meeting = await api.post('/api/v1/meetings', {
    data: {
      title: input.title,
      typeCode: 'staff-assembly',
      roomId: ((await room.json()) as { id: string }).id,
      startsAt: input.startsAt.toISOString(),
      endsAt: new Date(input.startsAt.getTime() + 3_600_000).toISOString(),
      topics: [{ title: '学期工作总结' }],
      attendeeIds: [input.attendeeId],
    },
  });
  expect(meeting.ok(), await meeting.text()).toBe(true);
  const { id } = (await meeting.json()) as { id: string };
  await api.dispose();
  return id;
}

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
  const meetingId = await meetingThroughApi(
    baseURL!,
    { ...clerk, password },
    {
      startsAt: new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3 * 60_000),
      attendeeId,
      title: `全体教职工大会${stamp}`,
    },
  );

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

test('MTG-4 MTG-5 the organiser records a failed equipment test and distributes a material; the attendee confirms receipt', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = runStamp();
  const password = 'Zhunbei2026!';
  const clerk = { username: `e2eprepclerk${stamp}`, name: `会务员${stamp}`, password };
  const attendee = { username: `e2eprepatt${stamp}`, name: `参会教师${stamp}`, password };
  const admin = await adminApi(baseURL!);
  await admin.createUser({ ...clerk, roleCodes: ['office-clerk'] });
  const attendeeId = await admin.createUser({ ...attendee, roleCodes: ['staff'] });
  await admin.dispose();
  const meetingId = await meetingThroughApi(baseURL!, clerk, {
    startsAt: new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 24 * 3_600_000),
    attendeeId,
    title: `行政会${stamp}`,
  });

  const organiser = await (await browser.newContext()).newPage();
  await signIn(organiser, clerk.username, password);
  await organiser.goto(`/meetings/${meetingId}`);

  // MTG-4: the projector fails its test: the checklist says it needs maintenance.
  const checklist = organiser.getByTestId('checklist-panel');
  await expect(checklist.getByTestId('checklist-needs-maintenance')).toHaveCount(0);
  await checklist.getByTestId('equipment-result-projector').click();
  await openDropdown(organiser).locator('.el-select-dropdown__item', { hasText: '故障' }).click();
  await checklist.getByTestId('equipment-record-projector').click();
  await expect(checklist.getByTestId('checklist-needs-maintenance')).toBeVisible();
  await expect(checklist.getByTestId('equipment-tests')).toContainText(clerk.name);
  await (await inputOf(checklist.getByTestId('checklist-banner'))).fill(`热烈欢迎${stamp}`);
  await checklist.getByTestId('checklist-save').click();
  await organiser.reload();
  await expect(await inputOf(organiser.getByTestId('checklist-banner'))).toHaveValue(`热烈欢迎${stamp}`);

  // MTG-5: a material, printed, bound and distributed.
  const materials = organiser.getByTestId('materials-panel');
  await materials.getByTestId('material-add').click();
  const dialog = organiser.getByTestId('material-dialog');
  await (await inputOf(dialog.getByTestId('material-title'))).fill(`工作报告${stamp}`);
  await dialog.locator('input[type=file]').setInputFiles({ name: `工作报告${stamp}.pdf`, mimeType: 'application/pdf', buffer: PDF });
  await expect(dialog.locator('[data-status="done"]')).toHaveCount(1);
  await dialog.getByTestId('material-save').click();
  await expect(dialog).toBeHidden();
  for (const step of ['print', 'bind', 'distribute']) await materials.getByTestId(`material-step-${step}`).click();
  await expect(materials.getByTestId('materials-table')).toContainText('0/1');

  // The attendee confirms receipt on their meeting page; the organiser sees it.
  const invitee = await (await browser.newContext()).newPage();
  await signIn(invitee, attendee.username, password);
  await invitee.goto(`/meetings/${meetingId}`);
  await invitee.getByTestId('material-confirm').click();
  await expect(invitee.getByTestId('material-confirm')).toHaveCount(0);
  await organiser.reload();
  await expect(organiser.getByTestId('materials-table')).toContainText('1/1');
});
