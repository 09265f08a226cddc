import type { MaintenanceCategory, MaintenanceSource, MaintenanceStatus } from '@xiaoban/shared';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { usePagedList } from '../../../composables/usePagedList';
import type { MaintenanceRow } from './maintenanceTypes';

export type MaintenanceQuery = {
  scope: 'all' | 'mine' | 'assigned';
  status: MaintenanceStatus | undefined;
  category: MaintenanceCategory | undefined;
  source: MaintenanceSource | undefined;
  locationId: string | undefined;
  open: boolean;
  overdue: boolean;
  q: string;
  page: number;
  pageSize: number;
};

/** The list of maintenance requests (LOG-9): the office's (all), the worker's (assigned) or the requester's (mine). */
export function useMaintenanceList(scope: MaintenanceQuery['scope'], initial: Partial<MaintenanceQuery> = {}) {
  return usePagedList<MaintenanceRow, MaintenanceQuery>(
    {
      scope,
      status: undefined,
      category: undefined,
      source: undefined,
      locationId: undefined,
      open: false,
      overdue: false,
      q: '',
      page: 1,
      pageSize: PAGE_SIZE_DEFAULT,
      ...initial,
    },
    (q) =>
      api.GET('/api/v1/logistics/maintenance/requests', {
        params: {
          query: {
            page: q.page,
            pageSize: q.pageSize,
            scope: q.scope,
            status: q.status || undefined,
            category: q.category || undefined,
            source: q.source || undefined,
            locationId: q.locationId || undefined,
            open: q.open || undefined,
            overdue: q.overdue || undefined,
            q: q.q.trim() || undefined,
          },
        },
      }),
  );
}
