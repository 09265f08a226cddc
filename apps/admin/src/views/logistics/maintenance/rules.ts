import type { FormRules } from 'element-plus';

type T = (key: string) => string;

/** The repair form (phone page and the office's registration). */
export function requestRules(t: T): FormRules {
  const required = { required: true, message: t('maintenance.hint.required'), trigger: 'change' };
  return {
    category: [required],
    locationId: [required],
    description: [
      { ...required, trigger: 'blur' },
      { max: 2000, trigger: 'blur' },
    ],
  };
}

/** The checklist form of an inspection template. */
export function templateRules(t: T): FormRules {
  const required = { required: true, message: t('maintenance.hint.required'), trigger: 'change' };
  return { name: [required], locationId: [required], frequency: [required] };
}
