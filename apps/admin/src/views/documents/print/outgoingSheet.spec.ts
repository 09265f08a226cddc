import { describe, expect, it } from 'vitest';
import { attachmentsLine, countersignLines, stepMark } from './outgoingSheet';
import type { OutgoingDocument } from '../outgoing/outgoingPresentation';

type Step = OutgoingDocument['steps'][number];
const step = (action: string, name: string, at: string, note: string | null = null): Step =>
  ({ action, fromStatus: 'draft', toStatus: 'checking', actor: { id: name, name }, note, at }) as Step;

describe('发文稿纸 (DOC-12)', () => {
  it('DOC-12 each box names who took that step last, and when (a draft checked again after a return shows the second check)', () => {
    const steps = [
      step('submit', '李老师', '2026-03-02T01:00:00Z'),
      step('check', '王主任', '2026-03-02T02:00:00Z', '第一次核稿'),
      step('return', '王主任', '2026-03-02T03:00:00Z'),
      step('check', '赵主任', '2026-03-03T02:00:00Z', '核稿通过'),
    ];
    expect(stepMark({ steps }, 'check')).toEqual({ name: '赵主任', at: '2026-03-03T02:00:00Z', note: '核稿通过' });
    expect(stepMark({ steps }, 'request-signoff', 'request-countersign')).toBeNull();
  });

  it('DOC-12 the 会签 box lists each countersigner with the answer and opinion', () => {
    const countersigns = [
      {
        id: 'c',
        department: { id: 'd', name: '教务处' },
        user: { id: 'u', name: '周主任' },
        round: 1,
        status: 'agreed',
        opinion: '同意。',
        decidedAt: null,
      },
    ] as OutgoingDocument['countersigns'];
    expect(countersignLines({ countersigns })).toEqual([{ who: '教务处 / 周主任', status: 'agreed', opinion: '同意。' }]);
  });

  it('DOC-12 the 附件 box shows the 附件说明, or else numbers the attached files', () => {
    const attachments = [
      { id: 'a', name: '告家长书.docx', size: 1, contentType: 'x' },
      { id: 'b', name: '回执.pdf', size: 1, contentType: 'x' },
    ] as OutgoingDocument['attachments'];
    expect(attachmentsLine({ attachmentNote: '附件：1. 告家长书', attachments })).toBe('附件：1. 告家长书');
    expect(attachmentsLine({ attachmentNote: null, attachments })).toBe('1. 告家长书.docx\n2. 回执.pdf');
  });
});
