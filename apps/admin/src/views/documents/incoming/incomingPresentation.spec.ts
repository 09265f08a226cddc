import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_SCHEDULE } from '@xiaoban/shared';
import {
  blankReceiverRow,
  circulationTimeline,
  documentButtons,
  intakeRowClass,
  registrationNeeds,
  retentionAfterTypeChange,
  receiversOf,
  urgencyTagType,
  type IncomingRoute,
} from './incomingPresentation';

function routeOf(overrides: Partial<IncomingRoute>): IncomingRoute {
  return {
    id: 'r1',
    routedAt: '2026-03-02T01:00:00.000Z',
    routedBy: null,
    department: null,
    user: null,
    lead: false,
    method: 'system',
    confirmedAt: null,
    confirmedBy: null,
    handledAt: null,
    handledBy: null,
    note: null,
    opinion: null,
    ...overrides,
  };
}

describe('incoming documents', () => {
  it('DOC-1 asks for 份号 and 保密期限 (and encrypted scans) only when the document is classified', () => {
    expect(registrationNeeds({ secrecy: 'none', urgency: 'normal' })).toEqual({
      copyNumber: false,
      secrecyPeriod: false,
      responsible: false,
      classifiedFiles: false,
    });
    expect(registrationNeeds({ secrecy: 'secret', urgency: 'normal' })).toMatchObject({
      copyNumber: true,
      secrecyPeriod: true,
      classifiedFiles: true,
    });
  });

  it('DOC-2 asks for a responsible person when the document is 特急 or 加急', () => {
    expect(registrationNeeds({ secrecy: 'none', urgency: 'extra-urgent' }).responsible).toBe(true);
    expect(registrationNeeds({ secrecy: 'none', urgency: 'urgent' }).responsible).toBe(true);
    expect(registrationNeeds({ secrecy: 'none', urgency: 'normal' }).responsible).toBe(false);
  });

  it('DOC-2 highlights urgent documents in the intake list, 特急 red and 加急 orange', () => {
    expect(intakeRowClass({ urgency: 'extra-urgent' })).toBe('incoming-row--urgent');
    expect(intakeRowClass({ urgency: 'urgent' })).toBe('incoming-row--urgent');
    expect(intakeRowClass({ urgency: 'normal' })).toBe('');
    expect(urgencyTagType('extra-urgent')).toBe('danger');
    expect(urgencyTagType('urgent')).toBe('warning');
  });

  it('DOC-1 defaults the retention from the schedule of the type, but keeps a period the clerk chose', () => {
    expect(retentionAfterTypeChange(DEFAULT_RETENTION_SCHEDULE.notice, 'notice', 'decision')).toBe('permanent');
    expect(retentionAfterTypeChange('permanent', undefined, 'letter')).toBe('10-years');
    // The clerk picked 30 years for a notice: changing the type leaves the choice alone.
    expect(retentionAfterTypeChange('30-years', 'notice', 'letter')).toBe('30-years');
  });

  it('DOC-4 turns the route rows into receivers, a department or a person each, and refuses an empty row', () => {
    const rows = [
      { ...blankReceiverRow(true), departmentId: 'd1', method: 'paper' as const },
      { ...blankReceiverRow(), kind: 'person' as const, userId: 'u1', departmentId: 'ignored' },
    ];
    expect(receiversOf(rows)).toEqual([
      { departmentId: 'd1', lead: true, method: 'paper' },
      { userId: 'u1', lead: false, method: 'system' },
    ]);
    expect(receiversOf([...rows, blankReceiverRow()])).toBeUndefined();
  });

  it('DOC-6 shows exactly the actions the API allows, flow first, then the receiver’s', () => {
    const buttons = documentButtons({ allowedActions: ['route', 'remind', 'complete'], receiverActions: ['confirm', 'opinion'] });
    expect(buttons.map((b) => `${b.kind}:${b.action}:${b.input}`)).toEqual([
      'flow:route:route',
      'flow:remind:note',
      'flow:complete:note',
      'receiver:confirm:note',
      'receiver:opinion:opinion',
    ]);
    expect(documentButtons({ allowedActions: [], receiverActions: undefined })).toEqual([]);
    expect(documentButtons({ allowedActions: ['return'] }).map((b) => b.type)).toEqual(['danger']);
  });

  it('DOC-4 orders the circulation timeline by routing time and names the receiver', () => {
    const timeline = circulationTimeline([
      routeOf({ id: 'late', routedAt: '2026-03-03T01:00:00.000Z', user: { id: 'u', name: '李老师' } }),
      routeOf({ id: 'early', department: { id: 'd', name: '教务处' }, lead: true, confirmedAt: '2026-03-02T02:00:00.000Z' }),
    ]);
    expect(timeline.map((entry) => [entry.key, entry.receiver, entry.lead])).toEqual([
      ['early', '教务处', true],
      ['late', '李老师', false],
    ]);
  });
});
