import { describe, expect, it } from 'vitest';
import { handlingDepartments, handlingResults, leaderInstructions } from './incomingSlip';
import type { IncomingRoute } from '../incoming/incomingPresentation';

function route(overrides: Partial<IncomingRoute>): IncomingRoute {
  return {
    id: 'r',
    department: null,
    user: null,
    lead: false,
    method: 'system',
    routedAt: '2026-03-02T02:00:00Z',
    routedBy: null,
    confirmedAt: null,
    confirmedBy: null,
    handledAt: null,
    handledBy: null,
    note: null,
    opinion: null,
    ...overrides,
  };
}

describe('收文处理单 (DOC-12)', () => {
  it('DOC-12 承办部门 lists the lead (主办) first, then those assisting; before routing, the department of the registration', () => {
    const routes = [
      route({ id: 'a', department: { id: 'd1', name: '总务处' }, routedAt: '2026-03-02T01:00:00Z' }),
      route({ id: 'b', department: { id: 'd2', name: '教务处' }, lead: true, routedAt: '2026-03-02T02:00:00Z' }),
      route({ id: 'c', user: { id: 'u', name: '吴老师' }, routedAt: '2026-03-02T03:00:00Z' }),
    ];
    expect(handlingDepartments({ routes, department: null })).toEqual([
      { name: '教务处', lead: true },
      { name: '总务处', lead: false },
      { name: '吴老师', lead: false },
    ]);
    expect(handlingDepartments({ routes: [], department: { id: 'd3', name: '办公室' } })).toEqual([{ name: '办公室', lead: null }]);
    expect(handlingDepartments({ routes: [], department: null })).toEqual([]);
  });

  it('DOC-12 领导批示 holds the 批办 instruction with its leader and a major document’s 批示', () => {
    expect(leaderInstructions({ instruction: '同意', leader: { id: 'l', name: '吴校长' }, majorInstruction: '请高度重视' })).toEqual([
      { text: '同意', by: '吴校长' },
      { text: '请高度重视', by: null },
    ]);
    expect(leaderInstructions({ instruction: null, leader: null, majorInstruction: null })).toEqual([]);
  });

  it('DOC-12 办理结果 is each receiver’s opinion in routing order; receivers without one are left out', () => {
    const routes = [
      route({ id: 'b', department: { id: 'd2', name: '教务处' }, opinion: '已落实', routedAt: '2026-03-02T02:00:00Z' }),
      route({ id: 'a', department: { id: 'd1', name: '总务处' }, opinion: '已自查', routedAt: '2026-03-02T01:00:00Z' }),
      route({ id: 'c', user: { id: 'u', name: '吴老师' } }),
    ];
    expect(handlingResults({ routes })).toEqual([
      { receiver: '总务处', opinion: '已自查' },
      { receiver: '教务处', opinion: '已落实' },
    ]);
  });
});
