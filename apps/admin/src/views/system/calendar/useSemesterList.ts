import { reactive, ref } from 'vue';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { Semester } from '../../../api/platformTypes';
import { i18n } from '../../../i18n';

/** Semesters (PLT-10), oldest first: the table, the form dialog, removing one. */
export function useSemesterList() {
  const { t } = i18n.global;
  const rows = ref<Semester[]>([]);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/v1/calendar/semesters');
      if (!data) {
        notifyApiError(error);
        return;
      }
      rows.value = data;
    } finally {
      loading.value = false;
    }
  }

  const editor = reactive({ visible: false, semester: null as Semester | null });

  function openCreate(): void {
    editor.semester = null;
    editor.visible = true;
  }

  function openEdit(semester: Semester): void {
    editor.semester = semester;
    editor.visible = true;
  }

  async function remove(semester: Semester): Promise<boolean> {
    const confirmed = await ElMessageBox.confirm(t('calendar.confirmDeleteSemester', { name: semester.name }), t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: t('common.delete'),
      cancelButtonText: t('common.cancel'),
    }).catch(() => false);
    if (!confirmed) return false;
    const { error, response } = await api.DELETE('/api/v1/calendar/semesters/{id}', { params: { path: { id: semester.id } } });
    if (!response.ok) {
      notifyApiError(error);
      return false;
    }
    ElMessage.success(t('common.deleted'));
    await load();
    return true;
  }

  return { rows, loading, load, editor, openCreate, openEdit, remove };
}
