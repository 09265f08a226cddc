import type { FormRules } from 'element-plus';

type T = (key: string) => string;

/** Form rules of the board dialog (INF-6). */
export function boardRules(t: T): FormRules {
  return {
    name: [{ required: true, whitespace: true, message: t('boards.boards.name'), trigger: 'blur' }],
    location: [{ required: true, whitespace: true, message: t('boards.boards.location'), trigger: 'blur' }],
  };
}

/** Form rules of the robot dialog. */
export function robotRules(t: T): FormRules {
  return {
    name: [{ required: true, whitespace: true, message: t('boards.robots.name'), trigger: 'blur' }],
    webhookUrl: [{ required: true, pattern: /^https?:\/\/\S+$/i, message: t('boards.robots.webhookUrl'), trigger: 'blur' }],
  };
}
