import { describe, expect, it } from 'vitest';
import { scanSensitive } from '@xiaoban/shared';
import { decisionBodies, undecidedKeys, type Decision } from './decisions';

describe('desensitisation decisions in the panel', () => {
  it('INF-2 a finding is undecided until masked, or kept with a reason; only made choices are sent', () => {
    const findings = scanSensitive('电话 13812345678，邮箱 office@school.example');
    const [mobile, email] = findings;
    const decisions: Record<string, Decision> = {
      [mobile!.key]: { action: 'keep', reason: ' ' },
      [email!.key]: { action: undefined, reason: '' },
    };
    expect([...undecidedKeys(findings, decisions)]).toEqual([mobile!.key, email!.key]);
    decisions[mobile!.key] = { action: 'keep', reason: '办公室公开电话' };
    decisions[email!.key] = { action: 'mask', reason: '' };
    expect(undecidedKeys(findings, decisions).size).toBe(0);
    expect(decisionBodies({ ...decisions, other: { action: undefined, reason: '' } })).toEqual([
      { key: mobile!.key, action: 'keep', reason: '办公室公开电话' },
      { key: email!.key, action: 'mask' },
    ]);
  });
});
