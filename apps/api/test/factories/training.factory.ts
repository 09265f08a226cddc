import type { TestApp } from '../setup/test-app';

type Token = { token: string };
const as = (user: Token) => ({ authorization: `Bearer ${user.token}` });

/**
 * Records a confidentiality training (保密培训, ASM-6) held a minute ago, attended by `attendeeIds`
 * (passed), through the API as `keeper` (a holder of assessment.training.manage). Returns the session id.
 */
export async function recordConfidentialityTraining(
  t: TestApp,
  keeper: Token,
  attendeeIds: string[],
  heldAt = new Date(Date.now() - 60_000),
) {
  const year = Number(heldAt.toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));
  const month = Number(heldAt.toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', month: 'numeric' }));
  const plan = await t.http
    .post('/api/v1/assessment/training/plans')
    .set(as(keeper))
    .send({ kind: 'confidentiality', year, quarter: Math.floor((month - 1) / 3) + 1, title: `${year}年保密教育培训` })
    .expect(201);
  const withSession = await t.http
    .post(`/api/v1/assessment/training/plans/${plan.body.id}/sessions`)
    .set(as(keeper))
    .send({ heldAt: heldAt.toISOString(), place: '行政楼三楼会议室', trainer: '区保密局 李老师', content: '涉密载体管理与保密法规解读' })
    .expect(201);
  const sessionId = withSession.body.sessions[0].id as string;
  if (attendeeIds.length) {
    await t.http
      .put(`/api/v1/assessment/training/sessions/${sessionId}/attendance`)
      .set(as(keeper))
      .send({ entries: attendeeIds.map((userId) => ({ userId, attended: true, score: 92, passed: true })) })
      .expect(200);
  }
  return { planId: plan.body.id as string, sessionId };
}
