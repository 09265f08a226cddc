import { describe, expect, it } from 'vitest';
import { isReached } from './notices';

describe('notices: who is reached (INF-3)', () => {
  it('INF-3 without a confirmation asked, a delivered or read per-person delivery reaches; sent alone and broadcasts do not', () => {
    const without = (deliveries: { channel: string; status: 'queued' | 'sent' | 'delivered' | 'read' | 'failed' }[]) =>
      isReached({ asksConfirmation: false, confirmedAt: null, deliveries });
    expect(without([{ channel: 'sms', status: 'sent' }])).toBe(false);
    expect(without([{ channel: 'website', status: 'delivered' }])).toBe(false);
    expect(
      without([
        { channel: 'email', status: 'failed' },
        { channel: 'in-app', status: 'delivered' },
      ]),
    ).toBe(true);
    expect(without([{ channel: 'sms', status: 'read' }])).toBe(true);
  });

  it('INF-3 with a confirmation asked, only the confirmation reaches', () => {
    expect(isReached({ asksConfirmation: true, confirmedAt: null, deliveries: [{ channel: 'in-app', status: 'read' }] })).toBe(false);
    expect(isReached({ asksConfirmation: true, confirmedAt: new Date(), deliveries: [] })).toBe(true);
  });
});
