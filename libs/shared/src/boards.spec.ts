import { describe, expect, it } from 'vitest';
import { BOARD_POSTING_STATUSES, BOARD_POSTING_TRANSITIONS, boardPostingActions, linksIn } from './boards';
import { isPersonalChannel, NOTICE_BROADCAST_CHANNELS, NOTICE_CHANNEL_LABELS } from './notices';

describe('bulletin boards and links (INF-5, INF-6)', () => {
  it('INF-6 a posting is posted once, may be removed from any state before removed, and nothing leaves removed', () => {
    expect(boardPostingActions('to_post')).toEqual(['post', 'remove']);
    expect(boardPostingActions('posted')).toEqual(['remove']);
    expect(boardPostingActions('removal_due')).toEqual(['remove']);
    expect(boardPostingActions('removed')).toEqual([]);
    for (const status of BOARD_POSTING_STATUSES) {
      for (const to of Object.values(BOARD_POSTING_TRANSITIONS[status])) expect(BOARD_POSTING_STATUSES).toContain(to);
    }
  });

  it('INF-3 INF-6 the board and the group robots are broadcast channels: labelled, never reaching a person', () => {
    for (const channel of ['board', 'wecom-group', 'dingtalk-group'] as const) {
      expect(NOTICE_BROADCAST_CHANNELS).toContain(channel);
      expect(isPersonalChannel(channel)).toBe(false);
      expect(NOTICE_CHANNEL_LABELS[channel]['zh-CN']).toBeTruthy();
      expect(NOTICE_CHANNEL_LABELS[channel].en).toBeTruthy();
    }
  });

  it('INF-5 finds each http(s) link once, ending at Chinese text, full-width punctuation, quotes and sentence punctuation', () => {
    const text =
      '报名表见 https://www.example.edu.cn/form?id=3&x=1，日程见https://example.com/a/b。' +
      '旧地址(http://old.example.com/page) 与 "https://q.example.com/x". 再次：https://www.example.edu.cn/form?id=3&x=1 ftp://no.example.com';
    expect(linksIn(text)).toEqual([
      'https://www.example.edu.cn/form?id=3&x=1',
      'https://example.com/a/b',
      'http://old.example.com/page',
      'https://q.example.com/x',
    ]);
    expect(linksIn('没有链接，只有 http:// 和文字')).toEqual([]);
  });
});
