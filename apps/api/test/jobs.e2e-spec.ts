import { PERMISSIONS } from '@xiaoban/shared';
import { JobsService } from '../src/platform/jobs/jobs.service';
import { createUserWith, loginAsAdmin } from './factories/org.factory';
import { eventually } from './factories/school.factory';
import { startTestApp, type TestApp } from './setup/test-app';

/** Schedules are checked every second here (pg-boss's default is every 30 s). */
const FAST_CRON = { JOBS_CRON_MONITOR_SECONDS: '1', JOBS_CRON_WORKER_SECONDS: '1', JOBS_POLL_SECONDS: '1' };

describe('scheduled jobs (PLT-8)', () => {
  let a: TestApp;
  let b: TestApp;
  let adminToken: string;
  const admin = () => ({ authorization: `Bearer ${adminToken}` });

  beforeAll(async () => {
    a = await startTestApp(FAST_CRON);
    // A second API instance on the same database, as behind a load balancer.
    b = await startTestApp(FAST_CRON, { databaseUrl: a.databaseUrl });
    adminToken = await loginAsAdmin(a);
    await a.sql('CREATE TABLE plt8_runs (job_id uuid NOT NULL, instance text NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('PLT-8 two app instances run a schedule exactly once per tick', async () => {
    // Both instances register the same every-minute schedule and both check schedules every second.
    for (const [name, app] of [
      ['a', a],
      ['b', b],
    ] as const) {
      await app.app.get(JobsService).add({
        name: 'plt8-tick',
        cron: '* * * * *',
        handler: async (_data, job) => void (await app.sql('INSERT INTO plt8_runs (job_id, instance) VALUES ($1, $2)', [job.id, name])),
      });
    }
    // The tick of the current minute comes at once; the next one at the turn of the minute.
    await eventually(
      async () => (await a.sql<{ n: number }>('SELECT count(DISTINCT job_id)::int AS n FROM plt8_runs'))[0].n >= 2,
      75_000,
      'two ticks',
    );
    // Some more passes of both instances, which must not add anything for those ticks.
    await new Promise((r) => setTimeout(r, 3_000));

    // Each occurrence pg-boss forwards is filed under the minute slot it falls in (a singleton,
    // unique per slot), and becomes one job of the queue. Two instances' passes over the same minute
    // must leave one occurrence and one job. The creation minute of a job is not its tick: a tick
    // forwarded late in its minute and the next one early in theirs are made in the same minute.
    // Both are read in one statement, once every occurrence read has been forwarded (a minute may
    // turn meanwhile).
    type Tick = { slot: string; state: string };
    type Job = { id: string; created: string; state: string };
    let occurrences: Tick[] = [];
    let jobs: Job[] = [];
    await eventually(
      async () => {
        [{ occurrences, jobs }] = await a.sql<{ occurrences: Tick[]; jobs: Job[] }>(
          `SELECT (SELECT COALESCE(json_agg(json_build_object('slot', (data->>'slot')::timestamp AT TIME ZONE 'UTC', 'state', state) ORDER BY data->>'slot'), '[]')
                     FROM pgboss.job WHERE name = '__pgboss__send-it' AND data->>'name' = 'plt8-tick') AS occurrences,
                  (SELECT COALESCE(json_agg(json_build_object('id', id, 'created', created_on, 'state', state) ORDER BY created_on), '[]')
                     FROM pgboss.job WHERE name = 'plt8-tick') AS jobs`,
        );
        return occurrences.every((o) => o.state === 'completed');
      },
      10_000,
      'occurrences forwarded',
    );
    const runs = await a.sql<{ job_id: string; n: number }>('SELECT job_id, count(*)::int AS n FROM plt8_runs GROUP BY job_id');
    // One occurrence per minute, one job per occurrence (made at or after its minute began), each job run once.
    expect(occurrences.length).toBeGreaterThanOrEqual(2);
    expect(new Set(occurrences.map((o) => Date.parse(o.slot))).size).toBe(occurrences.length);
    expect(jobs.length).toBe(occurrences.length);
    jobs.forEach((job, i) => expect(Date.parse(job.created)).toBeGreaterThanOrEqual(Date.parse(occurrences[i].slot)));
    const finished = jobs.filter((j) => j.state === 'completed').map((j) => j.id);
    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(runs.filter((r) => finished.includes(r.job_id)).map((r) => r.n)).toEqual(finished.map(() => 1));
    expect(runs.every((r) => r.n === 1)).toBe(true);

    // The admin page shows the schedule with its last run and next tick.
    const schedules = (await a.http.get('/api/v1/jobs/schedules').set(admin()).expect(200)).body as {
      queue: string;
      cron: string;
      timeZone: string;
      registered: boolean;
      nextRunAt: string;
      lastRun: { state: string } | null;
    }[];
    const tick = schedules.find((s) => s.queue === 'plt8-tick');
    expect(tick).toMatchObject({ cron: '* * * * *', timeZone: 'Asia/Shanghai', registered: true, lastRun: expect.any(Object) });
    expect(Date.parse(tick!.nextRunAt)).toBeGreaterThan(Date.now() - 1000);
    expect(schedules.map((s) => s.queue)).toContain('audit-seal');
  }, 100_000);

  it('PLT-8 a failed job is retried, and shows in the runs with its error; a schedule can be run now', async () => {
    await a.app.get(JobsService).add({
      name: 'plt8-broken',
      cron: '0 3 1 1 *',
      retryLimit: 1,
      retryDelay: 1,
      handler: async () => {
        throw new Error('成绩单导出失败：打印服务未响应');
      },
    });
    const { jobId } = (await a.http.post('/api/v1/jobs/plt8-broken/run').set(admin()).send({ reason: '手动补跑' }).expect(201)).body as {
      jobId: string;
    };
    const failed = await eventually(
      async () => {
        const page = (await a.http.get('/api/v1/jobs/runs?queue=plt8-broken&state=failed').set(admin()).expect(200)).body;
        return page.items.find((j: { id: string }) => j.id === jobId);
      },
      20_000,
      'the job to fail after its retry',
    );
    expect(failed).toMatchObject({
      queue: 'plt8-broken',
      state: 'failed',
      retryCount: 1,
      retryLimit: 1,
      error: '成绩单导出失败：打印服务未响应',
    });
    expect(failed.output.stack).toContain('成绩单导出失败');

    const schedules = (await a.http.get('/api/v1/jobs/schedules').set(admin()).expect(200)).body as {
      queue: string;
      lastFailure: { id: string } | null;
    }[];
    expect(schedules.find((s) => s.queue === 'plt8-broken')?.lastFailure?.id).toBe(jobId);
    const [audit] = await a.sql<{ diff: { details: { jobId: string; reason: string } } }>(
      `SELECT diff FROM audit_log WHERE action = 'job.run-now' AND object_id = 'plt8-broken'`,
    );
    expect(audit.diff.details).toEqual({ jobId, reason: '手动补跑' });

    // Internal queues stay out of the list; unknown schedules are 404; the page needs jobs.manage.
    const all = (await a.http.get('/api/v1/jobs/runs?pageSize=100').set(admin()).expect(200)).body;
    expect(all.items.every((j: { queue: string }) => !j.queue.startsWith('__pgboss__'))).toBe(true);
    await a.http.post('/api/v1/jobs/no-such-queue/run').set(admin()).send({}).expect(404);
    await a.http.post('/api/v1/jobs/bad%20name/run').set(admin()).send({}).expect(400);
    const clerk = await createUserWith(a, adminToken, [PERMISSIONS.ORG_READ]);
    await a.http
      .get('/api/v1/jobs/schedules')
      .set({ authorization: `Bearer ${clerk.token}` })
      .expect(403);
  });
});
