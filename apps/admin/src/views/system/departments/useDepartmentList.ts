import { computed, reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { Department, EntityId } from '../../../api/types';
import { buildDepartmentTree } from './departmentTree';

/** The department tree page: the tree, and the create/edit/delete handlers. */
export function useDepartmentList() {
  const { t } = useI18n();
  const departments = ref<Department[]>([]);
  const tree = computed(() => buildDepartmentTree(departments.value));
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/org/departments');
      if (!data) {
        notifyApiError(error);
        return;
      }
      departments.value = data;
    } finally {
      loading.value = false;
    }
  }

  const editor = reactive({
    visible: false,
    department: null as Department | null,
    /** Parent preset when creating a sub-department. */
    parentId: null as EntityId | null,
  });

  function openCreate(parentId: EntityId | null = null): void {
    editor.department = null;
    editor.parentId = parentId;
    editor.visible = true;
  }

  function openEdit(department: Department): void {
    editor.department = department;
    editor.parentId = department.parentId;
    editor.visible = true;
  }

  /** Deletes after confirmation; the API refuses (409) while the department has sub-departments or members. */
  async function remove(department: Department): Promise<void> {
    const confirmed = await ElMessageBox.confirm(t('departments.confirmDelete', { name: department.name }), t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: t('common.delete'),
      cancelButtonText: t('common.cancel'),
    }).then(
      () => true,
      () => false,
    );
    if (!confirmed) return;
    const { error, response } = await api.DELETE('/api/v1/org/departments/{id}', { params: { path: { id: department.id } } });
    if (!response.ok) {
      notifyApiError(error);
      return;
    }
    ElMessage.success(t('common.deleted'));
    await load();
  }

  return { departments, tree, loading, load, editor, openCreate, openEdit, remove };
}
