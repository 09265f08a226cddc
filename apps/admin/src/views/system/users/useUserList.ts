import { computed, reactive, ref } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { Department, EntityId, Role, User } from '../../../api/types';
import { buildDepartmentTree } from '../departments/departmentTree';
import { usePagedList } from '../../../composables/usePagedList';

/** The account list's query as a page opens: no filters, first page. */
function newUserQuery() {
  return {
    q: '',
    departmentId: undefined as EntityId | undefined,
    active: undefined as boolean | undefined,
    page: 1,
    pageSize: PAGE_SIZE_DEFAULT,
  };
}

type UserQuery = ReturnType<typeof newUserQuery>;

/** The filters as the API takes them: blank fields left out. */
function userFilters(query: UserQuery) {
  return {
    q: query.q.trim() || undefined,
    departmentId: query.departmentId ?? undefined,
    active: query.active,
  };
}

/** The account list: its filters, the page shown, and what the dialogs need (departments, roles). */
export function useUserList() {
  const { query, rows, total, totalCapped, loading, load, search } = usePagedList(newUserQuery(), (query) =>
    api.GET('/api/v1/org/users', { params: { query: { page: query.page, pageSize: query.pageSize, ...userFilters(query) } } }),
  );

  const departments = ref<Department[]>([]);
  const departmentTree = computed(() => buildDepartmentTree(departments.value));
  const roles = ref<Role[]>([]);

  /** The filters as the API takes them; the Excel export sends the same (PLT-7). */
  function filters() {
    return userFilters(query);
  }

  /** Departments for the filter and the form, roles for the form. */
  async function loadChoices(): Promise<void> {
    const [departmentResult, roleResult] = await Promise.all([api.GET('/api/v1/org/departments'), api.GET('/api/v1/org/roles')]);
    if (departmentResult.data) departments.value = departmentResult.data;
    else notifyApiError(departmentResult.error);
    if (roleResult.data) roles.value = roleResult.data;
    else notifyApiError(roleResult.error);
  }

  function resetFilters(): void {
    query.q = '';
    query.departmentId = undefined;
    query.active = undefined;
    search();
  }

  const editor = reactive({ visible: false, user: null as User | null });

  function openCreate(): void {
    editor.user = null;
    editor.visible = true;
  }

  function openEdit(user: User): void {
    editor.user = user;
    editor.visible = true;
  }

  const importer = reactive({ visible: false });

  function openImport(): void {
    importer.visible = true;
  }

  const passwordReset = reactive({ visible: false, user: null as User | null });

  function openPasswordReset(user: User): void {
    passwordReset.user = user;
    passwordReset.visible = true;
  }

  return {
    query,
    rows,
    total,
    totalCapped,
    loading,
    departments,
    departmentTree,
    roles,
    filters,
    load,
    loadChoices,
    search,
    resetFilters,
    editor,
    openCreate,
    openEdit,
    passwordReset,
    openPasswordReset,
    importer,
    openImport,
  };
}
