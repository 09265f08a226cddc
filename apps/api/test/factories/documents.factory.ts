import type { SmallSchool } from './school.factory';
import type { TestApp } from '../setup/test-app';

type Token = { token: string };
const as = (user: Token) => ({ authorization: `Bearer ${user.token}` });

/** Registers an incoming document (收文) as `clerk`; returns its id. */
export async function registerIncoming(t: TestApp, clerk: Token, body: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http
    .post('/api/v1/documents/incoming')
    .set(as(clerk))
    .send({ title: '关于做好春季学期开学工作的通知', sourceOrg: '市教育局', docType: 'notice', senderNumber: '市教〔2026〕15号', ...body })
    .expect(201);
  return res.body.id as string;
}

/** Takes a registered document through 初审, 拟办, 批办, 分送 and 办结: a finished document. */
export async function completeIncoming(t: TestApp, clerk: Token, school: SmallSchool, id: string): Promise<void> {
  const act = (user: Token, action: string, body: object) =>
    t.http.post(`/api/v1/documents/incoming/${id}/${action}`).set(as(user)).send(body).expect(200);
  await act(clerk, 'review', {});
  await act(clerk, 'propose', { proposal: '拟请教务处阅办', leaderId: school.leaders[0].id });
  await act(school.leaders[0], 'instruct', { instruction: '同意' });
  await act(clerk, 'route', { receivers: [{ userId: school.colleague.id }] });
  await act(clerk, 'complete', {});
}
