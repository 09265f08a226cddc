import { PAGE_SIZE_DEFAULT, type VisitPurpose } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { usePagedList } from '../../../composables/usePagedList';
import type { VisitorQuestionRow, VisitRow } from './visitorTypes';

type VisitQuery = { q: string; purposeCategory: VisitPurpose | undefined; inside: boolean; page: number; pageSize: number };

/** The visitor log's query and rows (INF-7). */
export function useVisitList() {
  return usePagedList<VisitRow, VisitQuery>(
    { q: '', purposeCategory: undefined, inside: false, page: 1, pageSize: PAGE_SIZE_DEFAULT },
    (q) =>
      api.GET('/api/v1/information/reception/visits', {
        params: {
          query: {
            page: q.page,
            pageSize: q.pageSize,
            q: q.q.trim() || undefined,
            purposeCategory: q.purposeCategory || undefined,
            inside: q.inside || undefined,
          },
        },
      }),
  );
}

type QuestionQuery = { overdue: boolean; page: number; pageSize: number };

/** Visitors' questions: the reception office's, or those transferred to one's department. */
export function useVisitorQuestionList() {
  return usePagedList<VisitorQuestionRow, QuestionQuery>({ overdue: false, page: 1, pageSize: PAGE_SIZE_DEFAULT }, (q) =>
    api.GET('/api/v1/information/reception/questions', {
      params: { query: { page: q.page, pageSize: q.pageSize, overdue: q.overdue || undefined } },
    }),
  );
}
