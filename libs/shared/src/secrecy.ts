/**
 * Secrecy levels (密级) of documents and the clearance of people, ordered so that a person may see
 * an item whose level is at or below their clearance (REQ-3). `none` is 非密.
 */
export const SECRECY_LEVELS = ['none', 'secret', 'confidential', 'top-secret'] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];

export const SECRECY_LABELS: Record<SecrecyLevel, { 'zh-CN': string; en: string }> = {
  none: { 'zh-CN': '非密', en: 'Unclassified' },
  secret: { 'zh-CN': '秘密', en: 'Secret' },
  confidential: { 'zh-CN': '机密', en: 'Confidential' },
  'top-secret': { 'zh-CN': '绝密', en: 'Top secret' },
};

/** True when a person with `clearance` may see an item classified at `level`. */
export function clearanceCovers(clearance: SecrecyLevel, level: SecrecyLevel): boolean {
  return SECRECY_LEVELS.indexOf(clearance) >= SECRECY_LEVELS.indexOf(level);
}

/** True for 秘密, 机密 and 绝密: classified items carry a 份号 and a period, and give search their metadata only. */
export function isClassified(level: string | null | undefined): boolean {
  return Boolean(level && level !== 'none');
}
