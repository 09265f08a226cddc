import { reactive } from 'vue';
import { i18n } from '../i18n';
import { describeApiError, isErrorBody } from '../api/errors';

export interface FieldErrorsOptions {
  /** How a message that belongs to no form field reaches the person; ElMessage by default. */
  notify?: (message: string) => void;
}

/**
 * The form field a server error key belongs to: `positions.0` and `positions[0]` are errors of
 * the `positions` field.
 */
function fieldOf(key: string): string {
  return key.split(/[.[]/, 1)[0] ?? key;
}

/**
 * Shows the API's validation errors where they belong (NFR-2).
 *
 * The error body's `errors` maps a field to its messages; each lands on the el-form-item of that
 * field through its `:error` prop. Whatever the form cannot show (no `errors`, or errors of
 * fields the form does not have) goes to a message toast instead, so nothing is swallowed.
 *
 * ```vue
 * <el-form-item prop="username" :error="fieldErrors.username">
 * ```
 */
export function useFieldErrors(options: FieldErrorsOptions = {}) {
  const notify = options.notify ?? ((message: string) => ElMessage.error(message));
  const fieldErrors = reactive<Record<string, string>>({});

  /** Forgets the server's error of one field (once the person edits it), or of all fields. */
  function clear(field?: string): void {
    const fields = field === undefined ? Object.keys(fieldErrors) : [field];
    for (const name of fields) delete fieldErrors[name];
  }

  /**
   * Takes the error of a failed call. `fields` names the fields the form shows; errors of other
   * fields are told in the toast. Without it every field error is assumed to be on the form.
   */
  function apply(error: unknown, fields?: readonly string[]): void {
    clear();
    if (!isErrorBody(error) || !error.errors || Object.keys(error.errors).length === 0) {
      notify(describeApiError(error));
      return;
    }
    const unshown: string[] = [];
    for (const [key, messages] of Object.entries(error.errors)) {
      const field = fieldOf(key);
      const text = messages.join('; ');
      if (fields && !fields.includes(field)) {
        unshown.push(text);
        continue;
      }
      fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]}; ${text}` : text;
    }
    if (unshown.length > 0) notify(unshown.join('; '));
    else notify(i18n.global.t('errors.fixFields'));
  }

  return { fieldErrors, clear, apply };
}
