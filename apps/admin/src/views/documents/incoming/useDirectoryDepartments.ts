import { computed, ref } from 'vue';
import { api } from '../../../api/client';
import { notifyApiError } from '../../../api/errors';
import type { DirectoryDepartment } from '../../../api/types';
import { buildDepartmentTree } from '../../system/departments/departmentTree';

/** The departments of the staff directory, which everyone signed in may read (the clerk needs no org.read). */
export function useDirectoryDepartments() {
  const departments = ref<DirectoryDepartment[]>([]);
  const departmentTree = computed(() => buildDepartmentTree(departments.value));

  async function loadDepartments(): Promise<void> {
    if (departments.value.length > 0) return;
    const { data, error } = await api.GET('/api/v1/org/directory/departments');
    if (data) departments.value = data;
    else notifyApiError(error);
  }

  return { departments, departmentTree, loadDepartments };
}
