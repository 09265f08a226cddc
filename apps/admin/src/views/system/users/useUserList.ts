import { computed, reactive, ref } from 'vue';
import { PAGE_SIZE_DEFAULT } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { Department, EntityId, Role, User } from '../../../api/types';
import { buildDepartmentTree } from '../departments/departmentTree';

/** The account list: its filters, the page shown, and what the dialogs need (departments, roles). */
export function useUserList() {
  const query = reactive({
    q: '',
    departmentId: undefined as EntityId | undefined,
    active: undefined as boolean | undefined,
    page: 1,
    pageSize: PAGE_SIZE_DEFAULT,
  });
  const rows = ref<User[]>([]);
  const total = ref(0);
  const totalCapped = ref(false);
  const loading = ref(false);

  const departments = ref<Department[]>([]);
  const departmentTree = computed(() => buildDepartmentTree(departments.value));
  const roles = ref<Role[]>([]);

  /** The filters as the API takes them; the Excel export sends the same (PLT-7). */
  function filters() {
    return {
      q: query.q.trim() || undefined,
      departmentId: query.departmentId ?? undefined,
      active: query.active,
    };
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/org/users', {
        params: { query: { page: query.page, pageSize: query.pageSize, ...filters() } },
      });
      if (!data) {
        notifyApiError(error);
        return;
      }
      rows.value = data.items;
      total.value = data.total;
      totalCapped.value = data.totalCapped;
    } finally {
      loading.value = false;
    }
  }

  /** Departments for the filter and the form, roles for the form. */
  async function loadChoices(): Promise<void> {
    const [departmentResult, roleResult] = await Promise.all([api.GET('/api/v1/org/departments'), api.GET('/api/v1/org/roles')]);
    if (departmentResult.data) departments.value = departmentResult.data;
    else notifyApiError(departmentResult.error);
    if (roleResult.data) roles.value = roleResult.data;
    else notifyApiError(roleResult.error);
  }

  function search(): void {
    query.page = 1;
    void load();
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
