import { describe, expect, it } from 'vitest';
import { incomingFilters, type IncomingQuery } from './useIncomingList';

const blank: IncomingQuery = {
  q: '',
  number: '',
  docType: undefined,
  urgency: undefined,
  secrecy: undefined,
  status: undefined,
  major: undefined,
  received: null,
  page: 3,
  pageSize: 20,
};

describe('incoming register filters', () => {
  it('DOC-8 DOC-12 the list, its export and its print send the same filters; blanks are left out, paging is not a filter', () => {
    expect(Object.values(incomingFilters(blank)).filter((value) => value !== undefined)).toEqual([]);
    expect(
      incomingFilters({
        ...blank,
        q: ' 会议 ',
        number: ' 收〔2026〕0001 ',
        urgency: 'urgent',
        major: true,
        received: ['2026-03-01', '2026-03-31'],
      }),
    ).toMatchObject({
      q: '会议',
      number: '收〔2026〕0001',
      urgency: 'urgent',
      major: true,
      receivedFrom: '2026-03-01',
      receivedTo: '2026-03-31',
    });
    expect(incomingFilters({ ...blank, major: false }).major).toBeUndefined();
    expect(incomingFilters(blank)).not.toHaveProperty('page');
  });
});
