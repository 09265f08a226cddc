import { randomUUID } from 'node:crypto';
import type { ChannelName, OutgoingMessage } from '../../src/platform/notifications/channels/channel';

/** A notice as the outbox hands it to a channel, in the school office's own words. */
export function notice(channel: ChannelName, address: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    outboxKey: randomUUID(),
    channel,
    address,
    mentionPhone: null,
    title: '关于开展消防疏散演练的通知',
    body: '定于本周五下午第三节课在教学楼A栋开展消防疏散演练,请各班主任提前组织学生熟悉疏散路线。',
    link: 'https://xiaoban.example.edu.cn/notices/2026-031',
    ...overrides,
  };
}

/** Retries like the outbox worker: the same message (same outbox key) until it goes through. */
export async function sendWithRetries(send: () => Promise<unknown>, attempts: number): Promise<{ failures: string[] }> {
  const failures: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      await send();
      return { failures };
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  throw new Error(`still failing after ${attempts} attempts: ${failures.join(' | ')}`);
}

/** The error a send fails with (and a test failure when it does not fail). */
export async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the send to fail, and it went through');
}
