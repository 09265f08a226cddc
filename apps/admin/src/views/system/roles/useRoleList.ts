import { reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { Role } from '../../../api/types';

/** The role table and its create/edit/delete handlers. */
export function useRoleList() {
  const { t } = useI18n();
  const rows = ref<Role[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/org/roles');
      if (!data) {
        notifyApiError(error);
        return;
      }
      rows.value = data;
    } finally {
      loading.value = false;
    }
  }

  const editor = reactive({ visible: false, role: null as Role | null });

  function openCreate(): void {
    editor.role = null;
    editor.visible = true;
  }

  function openEdit(role: Role): void {
    editor.role = role;
    editor.visible = true;
  }

  /** Built-in roles have no delete button; the API refuses them anyway (409). */
  async function remove(role: Role): Promise<void> {
    const confirmed = await ElMessageBox.confirm(t('roles.confirmDelete', { name: role.name }), t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: t('common.delete'),
      cancelButtonText: t('common.cancel'),
    }).then(
      () => true,
      () => false,
    );
    if (!confirmed) return;
    const { error, response } = await api.DELETE('/api/v1/org/roles/{id}', { params: { path: { id: role.id } } });
    if (!response.ok) {
      notifyApiError(error);
      return;
    }
    ElMessage.success(t('common.deleted'));
    await load();
  }

  return { rows, loading, load, editor, openCreate, openEdit, remove };
}
