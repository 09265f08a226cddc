import { unique } from './org.factory';
import type { TestApp } from '../setup/test-app';

type Token = { token: string };
const as = (user: Token) => ({ authorization: `Bearer ${user.token}` });

/** A bookable room without approval, kept by someone with meetings.rooms.manage. */
export async function createRoom(t: TestApp, keeper: Token, fields: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const res = await t.http
    .post('/api/v1/meetings/rooms')
    .set(as(keeper))
    .send({
      name: unique('会议室'),
      building: '行政楼',
      floor: '3',
      capacity: 40,
      equipment: ['projector', 'audio', 'microphones'],
      ...fields,
    })
    .expect(201);
  return res.body;
}

/**
 * A meeting in a fresh room, organised by `organiser`; `startsInMinutes` may be negative for a
 * meeting already under way. With `notify`, the agenda is confirmed and the notice sent.
 */
export async function createMeeting(
  t: TestApp,
  organiser: Token,
  roomKeeper: Token,
  options: {
    attendeeIds: string[];
    startsInMinutes?: number;
    minutes?: number;
    notify?: boolean;
    secrecy?: string;
    title?: string;
    room?: Record<string, unknown>;
  },
): Promise<{ id: string; roomId: string; version: number }> {
  const room = await createRoom(t, roomKeeper, options.room);
  // Whole minutes, so that times compare cleanly.
  const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 + (options.startsInMinutes ?? 24 * 60) * 60_000);
  const end = new Date(start.getTime() + (options.minutes ?? 60) * 60_000);
  const res = await t.http
    .post('/api/v1/meetings')
    .set(as(organiser))
    .send({
      title: options.title ?? unique('校务会'),
      typeCode: 'school-affairs',
      roomId: room.id,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      topics: [{ title: '期中教学检查安排' }],
      attendeeIds: options.attendeeIds,
      secrecy: options.secrecy ?? 'none',
    })
    .expect(201);
  const id = res.body.id as string;
  let version = res.body.version as number;
  if (options.notify) {
    await t.http.post(`/api/v1/meetings/${id}/confirm-agenda`).set(as(organiser)).send({}).expect(200);
    version = (await t.http.post(`/api/v1/meetings/${id}/notify`).set(as(organiser)).send({}).expect(200)).body.version;
  }
  return { id, roomId: room.id, version };
}
