import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentUrgency } from '@xiaoban/shared';
import { setLocale } from '../../../i18n';
import { registerRules } from './rules';

type Validator = (rule: unknown, value: unknown, callback: (error?: Error) => void) => void;

/** Runs the custom validator of a field and answers its error message, or undefined when it passes. */
function check(form: { secrecy: string; urgency: DocumentUrgency }, field: string, value: unknown): string | undefined {
  const rules = registerRules(() => form)[field] as { validator: Validator }[];
  let message: string | undefined;
  rules[0]!.validator({}, value, (error) => {
    message = error?.message;
  });
  return message;
}

describe('incoming registration rules', () => {
  beforeEach(() => setLocale('en'));

  it('DOC-1 requires the copy number and the secrecy period of a classified document only', () => {
    const classified = { secrecy: 'secret', urgency: 'normal' as const };
    expect(check(classified, 'copyNumber', '')).toContain('Copy number');
    expect(check(classified, 'secrecyPeriod', '  ')).toContain('Secrecy period');
    expect(check(classified, 'copyNumber', '000012')).toBeUndefined();
    const open = { secrecy: 'none', urgency: 'normal' as const };
    expect(check(open, 'copyNumber', '')).toBeUndefined();
    expect(check(open, 'secrecyPeriod', '')).toBeUndefined();
  });

  it('DOC-2 requires a responsible person for 特急 and 加急 documents only, and reads the form as it is now', () => {
    const form = { secrecy: 'none', urgency: 'normal' as DocumentUrgency };
    expect(check(form, 'responsibleId', null)).toBeUndefined();
    form.urgency = 'extra-urgent';
    expect(check(form, 'responsibleId', null)).toContain('Responsible person');
    form.urgency = 'urgent';
    expect(check(form, 'responsibleId', undefined)).toContain('Responsible person');
    expect(check(form, 'responsibleId', '3f1c0000-0000-4000-8000-000000000001')).toBeUndefined();
  });
});
