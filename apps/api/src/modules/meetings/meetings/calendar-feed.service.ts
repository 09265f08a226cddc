import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { clearanceCovers, type SecrecyLevel } from '@xiaoban/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AuditService } from '../../../platform/audit/audit.service';
import { notFound } from '../../../platform/http/api-error';
import type { RequestContext } from '../../../platform/http/request-context';
import type { CalendarFeedDto } from './meeting.dto';
import { MeetingCalendarFeed } from './meeting.entity';
import { meetingsToIcs } from './meeting-ics';
import { MeetingsService } from './meetings.service';

const FEED = 'meeting-calendar-feed';
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Personal calendar feeds (MTG-3): a secret URL that a calendar app polls without signing in.
 * Only the token's hash is stored; the URL is shown once. Making a new feed replaces the old
 * one, and revoking deletes it: either way the old URL answers 404 from then on.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly meetings: MeetingsService,
    private readonly audit: AuditService,
  ) {}

  async status(userId: string): Promise<CalendarFeedDto> {
    const feed = await this.dataSource.manager.findOneBy(MeetingCalendarFeed, { userId });
    return { active: Boolean(feed), createdAt: feed?.createdAt.toISOString() ?? null, url: null };
  }

  /** A new secret URL for the caller (any earlier one stops working). */
  async create(ctx: RequestContext): Promise<CalendarFeedDto> {
    const userId = ctx.actor!.id;
    const token = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO meeting_calendar_feeds (user_id, token_hash) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
        [userId, hash(token)],
      );
      await this.audit.record(manager, ctx, { action: 'meeting.feed.create', objectType: FEED, objectId: userId });
      const feed = await manager.findOneByOrFail(MeetingCalendarFeed, { userId });
      return { active: true, createdAt: feed.createdAt.toISOString(), url: `${this.config.publicUrl}/api/v1/meetings/feeds/${token}` };
    });
  }

  async revoke(ctx: RequestContext): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(MeetingCalendarFeed, { userId: ctx.actor!.id });
      if (!result.affected) throw notFound(FEED);
      await this.audit.record(manager, ctx, { action: 'meeting.feed.revoke', objectType: FEED, objectId: ctx.actor!.id });
    });
  }

  /**
   * The feed behind a token: the owner's notified (and cancelled) meetings. Classified meetings
   * appear as taken time only, whatever the owner's clearance: the URL works without a sign-in.
   */
  async render(token: string): Promise<string> {
    const [owner]: { user_id: string; name: string; clearance: SecrecyLevel }[] = await this.dataSource.query(
      `SELECT f.user_id, u.name, u.clearance FROM meeting_calendar_feeds f JOIN users u ON u.id = f.user_id AND u.active
        WHERE f.token_hash = $1`,
      [hash(token)],
    );
    if (!owner) throw notFound(FEED);
    const meetings = await this.meetings.meetingsOf(owner.user_id);
    const entries = [];
    for (const meeting of meetings) {
      const showContent = meeting.secrecy === 'none';
      // Defence in depth: the owner is invited, but never show what is above their clearance.
      if (!showContent && !clearanceCovers(owner.clearance, meeting.secrecy)) continue;
      entries.push({
        meeting,
        place: await this.meetings.placeOfMeeting(meeting),
        topics: showContent ? await this.meetings.topicsOf(meeting.id) : [],
        showContent,
      });
    }
    return meetingsToIcs(entries, `${owner.name}的会议`, this.config.publicUrl);
  }
}
