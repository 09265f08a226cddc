import { describe, expect, it } from 'vitest';
import { isSystemMessage, messageTarget, receiptTally, recipientNames } from './messagePresentation';
import { messageRules } from './rules';

describe('message centre', () => {
  it('ADM-2 lists the people named, then the departments a message went to', () => {
    expect(
      recipientNames({
        toUsers: [{ id: 'u1', name: '李老师' }],
        toDepartments: [{ id: 'd1', name: '教务处' }],
      }),
    ).toEqual(['李老师', '教务处']);
  });

  it('ADM-2 counts the receipts read out of those received', () => {
    expect(receiptTally([{ readAt: '2026-03-01T00:00:00Z' }, { readAt: null }, { readAt: null }])).toEqual({ read: 1, total: 3 });
  });

  it('PLT-4 treats a message without sender as a system notification, whose link opens inside the panel only', () => {
    expect(isSystemMessage({ sender: null })).toBe(true);
    expect(isSystemMessage({ sender: { id: 'u1', name: '王主任' } })).toBe(false);
    expect(messageTarget({ link: '/approvals/3f1c' })).toBe('/approvals/3f1c');
    expect(messageTarget({ link: null })).toBeNull();
    expect(messageTarget({ link: 'javascript:alert(1)' })).toBeNull();
  });

  it('ADM-2 refuses a message to nobody, and accepts one to a department only', async () => {
    const recipients = { toUserIds: [] as string[], toDepartmentIds: [] as string[] };
    const [rule] = messageRules(() => recipients).toUserIds as [{ validator: (r: unknown, v: unknown, cb: (e?: Error) => void) => void }];
    const run = () => new Promise<Error | undefined>((resolve) => rule.validator({}, undefined, resolve));
    expect(await run()).toBeInstanceOf(Error);
    recipients.toDepartmentIds = ['d1'];
    expect(await run()).toBeUndefined();
  });
});
