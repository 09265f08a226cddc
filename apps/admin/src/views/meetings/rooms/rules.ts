import type { FormRules } from 'element-plus';
import { i18n } from '../../../i18n';

/** Rules of the room form (MTG-1); the API checks the same and answers by field. */
export function roomRules(): FormRules {
  const { t } = i18n.global;
  const required = (key: string) => ({ required: true, message: t('validation.required', { field: t(key) }), trigger: 'blur' });
  return {
    name: [
      required('meetings.rooms.name'),
      { max: 100, message: t('validation.maxLength', { field: t('meetings.rooms.name'), max: 100 }), trigger: 'blur' },
    ],
    building: [required('meetings.rooms.building')],
    floor: [required('meetings.rooms.floor')],
    capacity: [required('meetings.rooms.capacity')],
  };
}
