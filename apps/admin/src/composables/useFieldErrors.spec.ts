import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useFieldErrors } from './useFieldErrors';
import { setLocale } from '../i18n';

describe('useFieldErrors', () => {
  beforeEach(() => setLocale('en'));

  it('NFR-2 puts each field error of the API on its form field and points the person at the form', () => {
    const notify = vi.fn();
    const { fieldErrors, apply } = useFieldErrors({ notify });

    apply({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Validation failed',
      errors: { username: ['username is taken'], email: ['email must be an email', 'email is too long'] },
    });

    expect(fieldErrors).toEqual({ username: 'username is taken', email: 'email must be an email; email is too long' });
    expect(notify).toHaveBeenCalledWith('Please correct the highlighted fields');
  });

  it('NFR-2 files errors of array items under the array field', () => {
    const { fieldErrors, apply } = useFieldErrors({ notify: vi.fn() });
    apply({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'x',
      errors: { 'positions.1': ['too long'], 'roleIds[0]': ['unknown role'] },
    });
    expect(fieldErrors).toEqual({ positions: 'too long', roleIds: 'unknown role' });
  });

  it('NFR-2 tells errors of fields the form does not show in the toast instead of dropping them', () => {
    const notify = vi.fn();
    const { fieldErrors, apply } = useFieldErrors({ notify });
    apply(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'x',
        errors: { name: ['name is required'], version: ['version must be an integer'] },
      },
      ['name', 'code'],
    );
    expect(fieldErrors).toEqual({ name: 'name is required' });
    expect(notify).toHaveBeenCalledWith('version must be an integer');
  });

  it('NFR-2 shows the message of an error without field errors, in our words for codes the panel knows', () => {
    const notify = vi.fn();
    const { fieldErrors, apply } = useFieldErrors({ notify });

    apply({ statusCode: 409, code: 'ROOM_ALREADY_BOOKED', message: 'The room is booked at that time' });
    expect(notify).toHaveBeenLastCalledWith('The room is booked at that time');

    apply({ statusCode: 409, code: 'VERSION_CONFLICT', message: 'stale version' });
    expect(notify).toHaveBeenLastCalledWith('Someone else changed this record; it has been reloaded, please try again');

    apply('<html>Bad gateway</html>');
    expect(notify).toHaveBeenLastCalledWith('Something went wrong; try again later');
    expect(fieldErrors).toEqual({});
  });

  it('NFR-2 forgets earlier field errors on the next attempt and when the person edits a field', () => {
    const { fieldErrors, apply, clear } = useFieldErrors({ notify: vi.fn() });
    apply({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'x', errors: { code: ['taken'], name: ['empty'] } });
    clear('code');
    expect(fieldErrors).toEqual({ name: 'empty' });
    apply({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'x', errors: { sortOrder: ['negative'] } });
    expect(fieldErrors).toEqual({ sortOrder: 'negative' });
  });

  it('NFR-2 speaks the chosen language', () => {
    setLocale('zh-CN');
    const notify = vi.fn();
    useFieldErrors({ notify }).apply({ statusCode: 403, code: 'FORBIDDEN', message: 'Forbidden' });
    expect(notify).toHaveBeenCalledWith('您没有执行此操作的权限');
  });
});
