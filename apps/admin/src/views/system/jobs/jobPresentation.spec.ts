import { describe, expect, it } from 'vitest';
import { JOB_STATES, jobStateTag, prettyJson, retriesText, runErrorText } from './jobPresentation';

describe('scheduled jobs', () => {
  it('PLT-8 shows failures red, retries amber and successes green', () => {
    expect(JOB_STATES.map((state) => [state, jobStateTag(state)])).toEqual([
      ['created', 'info'],
      ['active', 'primary'],
      ['retry', 'warning'],
      ['completed', 'success'],
      ['failed', 'danger'],
      ['cancelled', 'info'],
    ]);
  });

  it('PLT-8 shows the error output of a failed run: the stack, else the message, else the error column', () => {
    const stack = 'Error: connect ECONNREFUSED\n    at backup (backups.service.js:42:11)';
    expect(runErrorText({ state: 'failed', error: 'connect ECONNREFUSED', output: { message: 'connect ECONNREFUSED', stack } })).toBe(
      stack,
    );
    expect(runErrorText({ state: 'failed', error: 'x', output: { message: 'disk full' } })).toBe('disk full');
    expect(runErrorText({ state: 'failed', error: 'timeout', output: null })).toBe('timeout');
    expect(runErrorText({ state: 'completed', error: null, output: { sealed: 3 } })).toBe('');
  });

  it('PLT-8 shows retries as used/limit and JSON indented', () => {
    expect(retriesText({ retryCount: 1, retryLimit: 3 })).toBe('1/3');
    expect(retriesText({ retryCount: 0, retryLimit: 0 })).toBe('');
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(prettyJson(null)).toBe('');
  });
});
