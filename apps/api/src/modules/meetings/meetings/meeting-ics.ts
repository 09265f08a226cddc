import { SECRECY_LABELS } from '@xiaoban/shared';
import type { EventAttributes } from 'ics';
import type { Meeting, MeetingTopic } from './meeting.entity';

/** What a calendar file says about one meeting. */
export interface CalendarEntry {
  meeting: Meeting;
  place: string;
  topics: MeetingTopic[];
  /** False in the feed for a classified meeting: the calendar app is outside the school's clearance rules. */
  showContent: boolean;
}

/**
 * iCalendar (RFC 5545) for meetings (MTG-3), written by the `ics` package (CRLF line ends, folding,
 * escaping). Times in UTC; the UID is stable per meeting and SEQUENCE follows its version, so a
 * calendar app updates the event rather than adding another. `ics` (with its validator, yup) is
 * loaded on the first calendar file, not at start-up (NFR-9).
 */
export async function meetingsToIcs(entries: CalendarEntry[], calName: string, publicUrl: string | null): Promise<string> {
  const events: EventAttributes[] = entries.map(({ meeting: m, place, topics, showContent }) => ({
    uid: `${m.id}@xiaoban`,
    start: m.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: m.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: showContent ? m.title : `${SECRECY_LABELS[m.secrecy]['zh-CN']}会议`,
    description: showContent
      ? [m.type ? `类型：${m.type.name}` : '', topics.length ? `议题：\n${topics.map((t) => `${t.seq}. ${t.title}`).join('\n')}` : '']
          .filter(Boolean)
          .join('\n')
      : '会议内容请登录系统查看。',
    location: place || undefined,
    status: m.status === 'cancelled' ? 'CANCELLED' : m.status === 'notified' ? 'CONFIRMED' : 'TENTATIVE',
    // ORGANIZER must carry an address (RFC 5545 cal-address): named only when the organiser has an email.
    organizer: m.organiser?.email ? { name: m.organiser.name, email: m.organiser.email } : undefined,
    classification: m.secrecy === 'none' ? 'PUBLIC' : 'CONFIDENTIAL',
    sequence: m.version,
    url: publicUrl ? `${publicUrl}/meetings/${m.id}` : undefined,
    productId: 'xiaoban/meetings',
    lastModified: m.updatedAt.getTime(),
  }));
  if (events.length === 0) {
    // `ics` refuses an empty list; an empty calendar is still a valid feed.
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'PRODID:xiaoban/meetings',
      `X-WR-CALNAME:${calName}`,
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const { createEvents } = await import('ics');
  const { error, value } = createEvents(events, { productId: 'xiaoban/meetings', calName });
  if (error || !value) throw error ?? new Error('ICS generation failed');
  return value;
}
