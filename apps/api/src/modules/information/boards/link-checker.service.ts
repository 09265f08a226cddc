import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { linksIn } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../platform/audit/audit.service';
import { paginate, type Page } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { JobsService } from '../../../platform/jobs/jobs.service';
import { NoticeLink } from './boards.entities';
import type { LinkCheckResultDto, NoticeLinkDto, QueryLinksDto } from './boards.dto';

/** Nightly: the links in published notices are checked (INF-5). */
export const LINK_CHECK_JOB = 'notice-link-check';

export interface LinkCheckOptions {
  timeoutMs: number;
  concurrency: number;
}

export interface LinkResult {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
}

const DEFAULTS: LinkCheckOptions = { timeoutMs: 5_000, concurrency: 4 };

async function request(url: string, method: 'HEAD' | 'GET', timeoutMs: number): Promise<LinkResult> {
  try {
    const response = await fetch(url, {
      method,
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'User-Agent': 'xiaoban-link-checker/1.0' },
    });
    // Only the status matters: the body is not read.
    await response.body?.cancel().catch(() => undefined);
    return { ok: response.status < 400, httpStatus: response.status, error: null };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    const reason =
      e.name === 'TimeoutError' || e.name === 'AbortError'
        ? `no answer within ${timeoutMs} ms`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, httpStatus: null, error: String(reason).slice(0, 300) };
  }
}

/** HEAD first (cheap); a server that refuses or mishandles HEAD gets a GET before the link counts as broken. */
export async function checkLink(url: string, timeoutMs = DEFAULTS.timeoutMs): Promise<LinkResult> {
  const head = await request(url, 'HEAD', timeoutMs);
  if (head.ok) return head;
  return request(url, 'GET', timeoutMs);
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  });
  await Promise.all(runners);
}

/**
 * The link checker of published content (INF-5): a scheduled job finds the http(s) links in the
 * bodies of published, unexpired notices, checks each distinct URL once per run (HEAD, then GET,
 * a short timeout, a few at a time), and keeps the latest result per notice and link. Links no
 * longer in a notice (corrected, expired) drop out of the report.
 */
@Injectable()
export class LinkCheckerService implements OnModuleInit {
  private readonly logger = new Logger('LinkChecker');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: LINK_CHECK_JOB,
      cron: '15 3 * * *',
      expireInSeconds: 60 * 60,
      handler: async () => {
        const result = await this.checkAll();
        this.logger.log(`checked ${result.checked} links, ${result.broken} broken`);
      },
    });
  }

  async checkAll(options: Partial<LinkCheckOptions> = {}): Promise<LinkCheckResultDto> {
    const { timeoutMs, concurrency } = { ...DEFAULTS, ...options };
    const notices: { id: string; body: string }[] = await this.dataSource.query(
      `SELECT id, body FROM notices WHERE status = 'published' AND (expires_at IS NULL OR expires_at > now())`,
    );
    const pairs = notices.flatMap((n) => linksIn(n.body).map((url) => ({ noticeId: n.id, url: url.slice(0, 2000) })));
    const urls = [...new Set(pairs.map((p) => p.url))];
    const results = new Map<string, LinkResult>();
    await eachLimited(urls, concurrency, async (url) => {
      results.set(url, await checkLink(url, timeoutMs));
    });
    await this.dataSource.transaction(async (manager) => {
      // What is no longer linked from published content leaves the report.
      await manager.query(
        `DELETE FROM notice_links l
          WHERE NOT EXISTS (SELECT 1 FROM unnest($1::uuid[], $2::varchar[]) AS k(notice_id, url) WHERE k.notice_id = l.notice_id AND k.url = l.url)`,
        [pairs.map((p) => p.noticeId), pairs.map((p) => p.url)],
      );
      if (pairs.length) {
        await manager.query(
          `INSERT INTO notice_links (notice_id, url, ok, http_status, error, checked_at)
           SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::boolean[], $4::int[], $5::varchar[], $6::timestamptz[])
           ON CONFLICT (notice_id, url) DO UPDATE SET ok = excluded.ok, http_status = excluded.http_status, error = excluded.error, checked_at = excluded.checked_at`,
          [
            pairs.map((p) => p.noticeId),
            pairs.map((p) => p.url),
            pairs.map((p) => results.get(p.url)!.ok),
            pairs.map((p) => results.get(p.url)!.httpStatus),
            pairs.map((p) => results.get(p.url)!.error),
            pairs.map(() => new Date()),
          ],
        );
      }
    });
    return { checked: urls.length, broken: [...results.values()].filter((r) => !r.ok).length };
  }

  /** Queues a run now (the office after fixing links); the result shows in the report once it ran. */
  async queueRun(ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.jobs.sendWithin(manager, LINK_CHECK_JOB, {});
      await this.audit.record(manager, ctx, { action: 'information.links.check', objectType: 'notice', objectId: null });
    });
  }

  async list(query: QueryLinksDto): Promise<Page<NoticeLinkDto>> {
    const qb = this.dataSource.manager
      .createQueryBuilder(NoticeLink, 'l')
      .innerJoinAndSelect('l.notice', 'n')
      .orderBy('l.ok', 'ASC')
      .addOrderBy('n.published_at', 'DESC')
      .addOrderBy('l.url', 'ASC')
      .addOrderBy('l.id', 'ASC');
    if (query.brokenOnly !== false) qb.andWhere('l.ok = false');
    return paginate(qb, query, (l) => ({
      id: l.id,
      notice: { id: l.noticeId, name: l.notice?.title ?? '' },
      url: l.url,
      ok: l.ok,
      httpStatus: l.httpStatus,
      error: l.error,
      checkedAt: l.checkedAt.toISOString(),
    }));
  }
}
