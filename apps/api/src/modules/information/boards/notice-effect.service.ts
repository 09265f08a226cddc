import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isPersonalChannel, NOTICE_ERRORS } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { AccessService } from '../../../platform/access/access.service';
import { conflict, notFound } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import type { ChannelEffectDto, NoticeEffectDto } from './boards.dto';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Hourly points for the first three days after publishing, daily after that. */
const HOURLY_SPAN = 3 * DAY;
const MAX_POINTS = 120;

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : 0);

/** Cumulative counts of the times at or before each point. */
function cumulative(times: number[], points: number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  let i = 0;
  return points.map((p) => {
    while (i < sorted.length && sorted[i] <= p) i += 1;
    return i;
  });
}

/**
 * Effect of publishing (INF-8): reach and read rate of a notice per channel over time, from its
 * deliveries' real signals (delivered_at from a provider or the inbox, read_at from an in-app
 * open) and the recipients' confirmations. Counts are of distinct recipients, so a resend does
 * not count a person twice. Broadcast channels reach nobody in person and have no series.
 */
@Injectable()
export class NoticeEffectService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The author and the office only; 404 for anyone else, as if it did not exist. */
  async assertOffice(id: string, ctx: RequestContext): Promise<void> {
    await this.access.assertCanChange(ctx.actor!, { type: 'notice', id }, ctx);
  }

  async effect(id: string, ctx: RequestContext, now = new Date()): Promise<NoticeEffectDto> {
    await this.assertOffice(id, ctx);
    const [notice] = await this.dataSource.query(`SELECT status, published_at, asks_confirmation, channels FROM notices WHERE id = $1`, [
      id,
    ]);
    if (!notice) throw notFound('notice');
    if (notice.status !== 'published') throw conflict(NOTICE_ERRORS.NOTICE_ILLEGAL_STATE, 'The notice is not published');
    const publishedAt = new Date(notice.published_at).getTime();
    const recipients: { user_id: string; confirmed_at: Date | null }[] = await this.dataSource.query(
      `SELECT user_id, confirmed_at FROM notice_recipients WHERE notice_id = $1`,
      [id],
    );
    const deliveries: { recipient_id: string; channel: string; status: string; delivered_at: Date | null; read_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT nd.recipient_id, nd.channel, x.status, x.delivered_at, x.read_at
           FROM notice_deliveries nd JOIN notification_deliveries x ON x.id = nd.delivery_id WHERE nd.notice_id = $1`,
        [id],
      );

    const end = Math.max(now.getTime(), publishedAt + HOUR);
    const size = end - publishedAt <= HOURLY_SPAN ? HOUR : DAY;
    const points: number[] = [];
    for (let t = publishedAt + size; t < end && points.length < MAX_POINTS - 1; t += size) points.push(t);
    points.push(end);
    const stamps = points.map((p) => new Date(p).toISOString());

    // Per channel and recipient: the first time it arrived, the first time it was read.
    const channels = [...new Set([...(notice.channels as string[]).filter(isPersonalChannel), ...deliveries.map((d) => d.channel)])];
    const firstReached = new Map<string, number>();
    const perChannel: ChannelEffectDto[] = channels.map((channel) => {
      const byRecipient = new Map<string, { delivered: number | null; read: number | null; failed: boolean }>();
      for (const d of deliveries.filter((x) => x.channel === channel)) {
        const entry = byRecipient.get(d.recipient_id) ?? { delivered: null, read: null, failed: false };
        const arrived = d.delivered_at ?? d.read_at;
        if ((d.status === 'delivered' || d.status === 'read') && arrived) {
          const t = new Date(arrived).getTime();
          entry.delivered = entry.delivered === null ? t : Math.min(entry.delivered, t);
        }
        if (d.read_at) {
          const t = new Date(d.read_at).getTime();
          entry.read = entry.read === null ? t : Math.min(entry.read, t);
        }
        if (d.status === 'failed') entry.failed = true;
        byRecipient.set(d.recipient_id, entry);
      }
      const entries = [...byRecipient.entries()];
      for (const [user, e] of entries) {
        if (e.delivered !== null) firstReached.set(user, Math.min(firstReached.get(user) ?? Infinity, e.delivered));
      }
      const delivered = entries.map(([, e]) => e.delivered).filter((t): t is number => t !== null);
      const read = entries.map(([, e]) => e.read).filter((t): t is number => t !== null);
      const deliveredSeries = cumulative(delivered, points);
      const readSeries = cumulative(read, points);
      return {
        channel,
        intended: entries.length,
        delivered: delivered.length,
        read: read.length,
        failed: entries.filter(([, e]) => e.failed && e.delivered === null).length,
        deliveredRate: rate(delivered.length, entries.length),
        readRate: rate(read.length, entries.length),
        points: stamps.map((at, i) => ({ at, delivered: deliveredSeries[i], read: readSeries[i] })),
      };
    });

    // Reached by the INF-3 rule: the confirmation when one is asked, else the first arrival on a per-person channel.
    const confirmedTimes = recipients.filter((r) => r.confirmed_at).map((r) => new Date(r.confirmed_at!).getTime());
    const reachedTimes = notice.asks_confirmation
      ? confirmedTimes
      : recipients.map((r) => firstReached.get(r.user_id)).filter((t): t is number => t !== undefined);
    const reachedSeries = cumulative(reachedTimes, points);
    const confirmedSeries = cumulative(confirmedTimes, points);
    return {
      bucket: size === HOUR ? 'hour' : 'day',
      publishedAt: new Date(publishedAt).toISOString(),
      intended: recipients.length,
      reached: reachedTimes.length,
      confirmed: confirmedTimes.length,
      reachRate: rate(reachedTimes.length, recipients.length),
      reach: stamps.map((at, i) => ({ at, reached: reachedSeries[i], confirmed: confirmedSeries[i] })),
      channels: perChannel,
    };
  }
}
