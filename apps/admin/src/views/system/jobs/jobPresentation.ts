import type { JobRun, JobState } from '../../../api/platformTypes';

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

/** The states a job passes through, in the order of the filter. */
export const JOB_STATES: readonly JobState[] = ['created', 'active', 'retry', 'completed', 'failed', 'cancelled'];

const STATE_TAGS: Record<JobState, TagType> = {
  created: 'info',
  active: 'primary',
  retry: 'warning',
  completed: 'success',
  failed: 'danger',
  cancelled: 'info',
};

export function jobStateTag(state: JobState): TagType {
  return STATE_TAGS[state] ?? 'info';
}

/** A JSON value as shown in the detail: indented, or empty for nothing. */
export function prettyJson(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

function stringField(value: unknown, field: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const found = (value as Record<string, unknown>)[field];
  return typeof found === 'string' && found.trim() !== '' ? found : null;
}

/**
 * The error output of a failed run as a person reads it: the stack when the job left one (it
 * starts with the message), else the message, else the run's error column.
 */
export function runErrorText(run: Pick<JobRun, 'error' | 'output' | 'state'>): string {
  const stack = stringField(run.output, 'stack');
  if (stack) return stack;
  const message = stringField(run.output, 'message');
  if (message) return message;
  return run.error ?? '';
}

/** Retries as "1/3"; nothing for a job that has not been retried and may not be. */
export function retriesText(run: Pick<JobRun, 'retryCount' | 'retryLimit'>): string {
  if (run.retryCount === 0 && run.retryLimit === 0) return '';
  return `${run.retryCount}/${run.retryLimit}`;
}
