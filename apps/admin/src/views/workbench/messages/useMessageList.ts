import { computed, reactive, ref } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { DirectoryDepartment, MessageBox } from '../../../api/types';
import { buildDepartmentTree } from '../../system/departments/departmentTree';
import { usePagedList } from '../../../composables/usePagedList';

/** The message centre (ADM-2): received (with system notifications) or sent, newest first. */
export function useMessageList(initialBox: MessageBox = 'inbox') {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList(
    { box: initialBox, unreadOnly: false, q: '', page: 1, pageSize: PAGE_SIZE_DEFAULT },
    (query) =>
      api.GET('/api/v1/messages', {
        params: {
          query: {
            box: query.box,
            // Only the inbox has a read state of mine.
            unread: query.box === 'inbox' && query.unreadOnly ? true : undefined,
            q: query.q.trim() || undefined,
            page: query.page,
            pageSize: query.pageSize,
          },
        },
      }),
  );

  function switchBox(box: MessageBox): void {
    query.box = box;
    search();
  }

  /** Departments for the compose form, from the staff directory every signed-in person may read. */
  const departments = ref<DirectoryDepartment[]>([]);
  const departmentTree = computed(() => buildDepartmentTree(departments.value));

  async function loadDepartments(): Promise<void> {
    const { data, error } = await api.GET('/api/v1/org/directory/departments');
    if (data) departments.value = data;
    else notifyApiError(error);
  }

  const composer = reactive({ visible: false });

  function openCompose(): void {
    if (departments.value.length === 0) void loadDepartments();
    composer.visible = true;
  }

  return {
    query,
    rows,
    total,
    totalCapped,
    loading,
    load,
    search,
    switchBox,
    departmentTree,
    composer,
    openCompose,
  };
}
