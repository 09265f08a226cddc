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

type Field = ReturnType<Page['getByTestId']>;

/** The <input> of an Element Plus field: the test id sits on the input itself or on its wrapper. */
async function inputOf(field: Field): Promise<Field> {
  return (await field.evaluate((element) => element.tagName)) === 'INPUT' ? field : field.locator('input');
}

async function fill(field: Field, text: string): Promise<void> {
  await (await inputOf(field)).fill(text);
}

/** Types a date into an Element Plus date picker. */
async function fillDate(picker: Field, date: string): Promise<void> {
  const input = await inputOf(picker);
  await input.fill(date);
  await input.press('Enter');
}

test('MTG-1 MTG-2 MTG-3 add a room, book it from the suggestions, create a meeting in it, send the notice; the attendee accepts', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const stamp = runStamp();
  const password = 'Huiyi2026!';
  const people = {
    clerk: { username: `e2emtgclerk${stamp}`, name: `会务文员${stamp}` },
    attendee: { username: `e2emtgatt${stamp}`, name: `参会教师${stamp}` },
  };
  const roomName = `第一会议室${stamp}`;
  // A fixed day far ahead: the slot is free and in the future whenever this runs.
  const day = '2031-05-12';

  const api = await adminApi(baseURL!);
  await api.createUser({ ...people.clerk, password, roleCodes: ['office-clerk'] });
  await api.createUser({ ...people.attendee, password, roleCodes: ['staff'] });
  await api.dispose();

  // MTG-1: the office adds a room with its seats and equipment.
  const clerk = await signedIn(browser, people.clerk.username, password);
  await openFromMenu(clerk, '/meetings/rooms');
  await clerk.getByTestId('rooms-add').click();
  const roomDialog = clerk.getByTestId('room-dialog');
  await fill(roomDialog.getByTestId('room-name'), roomName);
  await fill(roomDialog.getByTestId('room-building'), '行政楼');
  await fill(roomDialog.getByTestId('room-floor'), '3');
  await fill(roomDialog.getByTestId('room-capacity'), '20');
  await roomDialog.getByText('投影仪').click();
  await roomDialog.getByTestId('room-save').click();
  await expect(roomDialog).toBeHidden();
  await expect(clerk.getByTestId('rooms-table')).toContainText(roomName);

  // MTG-1: book it from the calendar: the dialog suggests the free rooms that fit.
  await openFromMenu(clerk, '/meetings/calendar');
  await clerk.getByTestId('calendar-book').click();
  const book = clerk.getByTestId('book-dialog');
  await fill(book.getByTestId('book-title'), `教研活动${stamp}`);
  await fillDate(book.getByTestId('book-date'), day);
  await book.getByTestId('room-find').click();
  await book.getByTestId(`room-suggestion-${roomName}`).click();
  await book.getByTestId('book-save').click();
  await expect(book).toBeHidden();
  await fillDate(clerk.getByTestId('calendar-date'), day);
  await expect(clerk.getByTestId(`calendar-column-${roomName}`)).toContainText(`教研活动${stamp}`);
  await expect(clerk.getByTestId(`calendar-column-${roomName}`)).toContainText('09:00–10:00');

  // MTG-2: a meeting in the same room in the afternoon, with an agenda topic and an attendee.
  await openFromMenu(clerk, '/meetings');
  await clerk.getByTestId('meetings-create').click();
  const form = clerk.getByTestId('meeting-dialog');
  const title = `校园安全协调会${stamp}`;
  await fill(form.getByTestId('meeting-title'), title);
  await fillDate(form.getByTestId('meeting-date'), day);
  await form.getByTestId('room-find').click();
  await form.getByTestId(`room-suggestion-${roomName}`).click();
  await fill(form.getByTestId('meeting-topic-0'), '春季校园安全检查安排');
  await form.getByTestId('meeting-attendees').click();
  await clerk.keyboard.type(people.attendee.username);
  await openDropdown(clerk).locator('.el-select-dropdown__item', { hasText: people.attendee.name }).click();
  await form.getByTestId('meeting-title').click(); // closes the dropdown
  await form.getByTestId('meeting-save').click();
  await expect(form).toBeHidden();
  await expect(clerk).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
  const detailPath = new URL(clerk.url()).pathname;
  await expect(clerk.getByTestId('meeting-detail-title')).toContainText(title);
  await expect(clerk.getByTestId('meeting-topics')).toContainText('春季校园安全检查安排');
  await expect(clerk.getByTestId('meeting-attendees-table')).toContainText(people.attendee.name);

  // MTG-2, MTG-3: the organiser confirms the agenda, then sends the notice.
  await clerk.getByTestId('meeting-action-confirm-agenda').click();
  await expect(clerk.getByTestId('meeting-detail-status')).toContainText('议题已确认');
  await clerk.getByTestId('meeting-action-notify').click();
  await expect(clerk.getByTestId('meeting-detail-status')).toContainText('已通知');

  // MTG-3: the attendee finds it in their inbox and accepts.
  const attendee = await signedIn(browser, people.attendee.username, password);
  await openFromMenu(attendee, '/inbox');
  await expect(attendee.getByText(`会议通知：${title}`)).toBeVisible();
  await attendee.goto(detailPath);
  await attendee.getByTestId('meeting-accept').click();
  await expect(attendee.getByTestId('meeting-my-response')).toContainText('参加');
});
