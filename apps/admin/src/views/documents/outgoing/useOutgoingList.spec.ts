import { describe, expect, it } from 'vitest';
import { outgoingFilters, type OutgoingQuery } from './useOutgoingList';

const blank: OutgoingQuery = {
  q: '',
  number: '',
  docType: undefined,
  status: undefined,
  secrecy: undefined,
  urgency: undefined,
  prefixId: undefined,
  dates: null,
  page: 2,
  pageSize: 20,
};

describe('outgoing register filters', () => {
  it('DOC-8 DOC-12 the list, its export and its print send the same filters; blanks are left out, paging is not a filter', () => {
    expect(Object.values(outgoingFilters(blank)).filter((value) => value !== undefined)).toEqual([]);
    expect(
      outgoingFilters({
        ...blank,
        q: ' 寒假 ',
        number: ' 校办〔2026〕12号 ',
        status: 'signing',
        prefixId: 'p1',
        dates: ['2026-01-01', '2026-12-31'],
      }),
    ).toMatchObject({
      q: '寒假',
      number: '校办〔2026〕12号',
      status: 'signing',
      prefixId: 'p1',
      dateFrom: '2026-01-01',
      dateTo: '2026-12-31',
    });
    expect(outgoingFilters(blank)).not.toHaveProperty('page');
  });
});
