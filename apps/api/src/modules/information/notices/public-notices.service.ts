import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { notFound } from '../../../platform/http/api-error';

/** A notice as the public sees it: published, marked public (website channel), not expired. Nothing else. */
export interface PublicNotice {
  id: string;
  title: string;
  body: string;
  publishedAt: string;
  updatedAt: string;
  revision: number;
}

const FEED_SIZE = 50;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The website channel (INF-5): the public page, JSON feed and RSS the school website embeds. The
 * one query below decides what is public; internal notices, drafts and expired notices never pass
 * it, and a guessed id of one gets the same 404 as an id that does not exist.
 */
@Injectable()
export class PublicNoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async query(id?: string): Promise<PublicNotice[]> {
    const rows: { id: string; title: string; body: string; published_at: Date; updated_at: Date; revision: number }[] =
      await this.dataSource.query(
        `SELECT id, title, body, published_at, updated_at, revision FROM notices
          WHERE status = 'published' AND is_public AND (expires_at IS NULL OR expires_at > now())
            AND ($1::uuid IS NULL OR id = $1::uuid)
          ORDER BY published_at DESC, id DESC LIMIT ${FEED_SIZE}`,
        [id ?? null],
      );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      publishedAt: new Date(r.published_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
      revision: r.revision,
    }));
  }

  latest(): Promise<PublicNotice[]> {
    return this.query();
  }

  async one(id: string): Promise<PublicNotice> {
    const [found] = await this.query(id);
    if (!found) throw notFound('notice');
    return found;
  }

  /** A strong ETag over what a response shows, so an unchanged feed answers 304. */
  etagOf(content: string): string {
    return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
  }

  private pageUrl(id?: string): string {
    return `${this.config.publicUrl}/api/v1/public/notices${id ? `/${id}` : ''}`;
  }

  jsonFeed(items: PublicNotice[]): string {
    return JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: '通知公告',
      home_page_url: this.pageUrl(),
      feed_url: `${this.pageUrl()}/feed.json`,
      language: 'zh-CN',
      items: items.map((n) => ({
        id: n.id,
        url: this.pageUrl(n.id),
        title: n.title,
        content_text: n.body,
        date_published: n.publishedAt,
        date_modified: n.updatedAt,
      })),
    });
  }

  rss(items: PublicNotice[]): string {
    const entries = items
      .map(
        (n) => `    <item>
      <title>${escapeXml(n.title)}</title>
      <link>${escapeXml(this.pageUrl(n.id))}</link>
      <guid isPermaLink="false">${n.id}</guid>
      <pubDate>${new Date(n.publishedAt).toUTCString()}</pubDate>
      <description>${escapeXml(n.body)}</description>
    </item>`,
      )
      .join('\n');
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>通知公告</title>
    <link>${escapeXml(this.pageUrl())}</link>
    <description>学校公开通知公告</description>
    <language>zh-CN</language>
${entries}
  </channel>
</rss>
`;
  }

  private page(title: string, content: string): string {
    return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>body{font-family:system-ui,"Microsoft YaHei",sans-serif;max-width:760px;margin:0 auto;padding:16px;line-height:1.8;color:#222}
a{color:#1d4ed8;text-decoration:none}li{margin:6px 0}time{color:#666;font-size:.9em;margin-left:8px}.body{white-space:pre-wrap}</style>
</head><body>
${content}
</body></html>
`;
  }

  listPage(items: PublicNotice[]): string {
    const list = items.length
      ? `<ul>${items
          .map(
            (n) =>
              `<li><a href="${escapeXml(this.pageUrl(n.id))}">${escapeXml(n.title)}</a><time>${n.publishedAt.slice(0, 10)}</time></li>`,
          )
          .join('')}</ul>`
      : '<p>暂无公告</p>';
    return this.page('通知公告', `<h1>通知公告</h1>\n${list}`);
  }

  noticePage(n: PublicNotice): string {
    const corrected = n.revision > 1 ? `<p><small>（已勘误，第 ${n.revision} 版）</small></p>` : '';
    return this.page(
      n.title,
      `<p><a href="${escapeXml(this.pageUrl())}">通知公告</a></p><h1>${escapeXml(n.title)}</h1><time>${n.publishedAt.slice(0, 10)}</time>${corrected}<div class="body">${escapeXml(n.body)}</div>`,
    );
  }
}
