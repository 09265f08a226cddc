import { maskWebhook } from './robots.service';
import { cleaningOverdue, nextCleaning } from './boards.service';

describe('boards: cleaning schedule and robot webhooks', () => {
  it('INF-6 the next cleaning is today when today is the day and not yet recorded, else the coming weekday', () => {
    // 2026-12-02 is a Wednesday (ISO 3).
    expect(nextCleaning('2026-12-02', 3, null)).toBe('2026-12-02');
    expect(nextCleaning('2026-12-02', 3, '2026-12-02')).toBe('2026-12-09');
    expect(nextCleaning('2026-12-02', 1, '2026-11-30')).toBe('2026-12-07');
    expect(nextCleaning('2026-12-02', 7, null)).toBe('2026-12-06');
  });

  it('INF-6 a cleaning is overdue once its scheduled day passed unrecorded, not before the board existed', () => {
    // Wednesday 2026-12-02; the board is cleaned on Mondays (2026-11-30 was the last one due).
    expect(cleaningOverdue('2026-12-02', 1, null, '2026-01-01')).toBe(true);
    expect(cleaningOverdue('2026-12-02', 1, '2026-11-30', '2026-01-01')).toBe(false);
    expect(cleaningOverdue('2026-12-02', 1, '2026-11-23', '2026-01-01')).toBe(true);
    expect(cleaningOverdue('2026-12-02', 1, null, '2026-12-01')).toBe(false);
    // Today is the day: not overdue until it is over.
    expect(cleaningOverdue('2026-12-02', 3, '2026-11-25', '2026-01-01')).toBe(false);
  });

  it('INF-3 a robot webhook is shown without its key', () => {
    expect(maskWebhook('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****',
    );
    expect(maskWebhook('https://oapi.dingtalk.com/robot/send?access_token=abc123')).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=****',
    );
    expect(maskWebhook('not a url')).toBe('****');
  });
});
