import { ARCHIVE_ERRORS } from '@xiaoban/shared';
import { conflict } from '../../../platform/http/api-error';

/** The archive's error codes (declared in libs/shared so the panel can branch on them). */
export { ARCHIVE_ERRORS };

export const categoryExists = (code: string) =>
  conflict(ARCHIVE_ERRORS.ARCHIVE_CATEGORY_EXISTS, `The 门类 ${code} exists already`, { code: ['this code is taken'] });

export const orgCodeExists = (code: string) =>
  conflict(ARCHIVE_ERRORS.ARCHIVE_ORG_CODE_EXISTS, `The code ${code} exists already, or its department has a code`, {
    code: ['this code is taken, or the department has one'],
  });

export const classFull = () => conflict(ARCHIVE_ERRORS.ARCHIVE_CLASS_FULL, 'A class holds at most 9999 items (件号 has four digits)');

export const alreadyFiled = () => conflict(ARCHIVE_ERRORS.ARCHIVE_ALREADY_FILED, 'This document is in the archive already');

export const backupUnusable = (why: string) => conflict(ARCHIVE_ERRORS.ARCHIVE_BACKUP_UNUSABLE, why);

/** PostgreSQL unique violation. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string })?.code === '23505';
